/**
 * Hardship and care requests through the real SDK against the local CloudBase: the standards, the
 * whole workflow and its timeline, every refusal (with its code, its Chinese message and nothing
 * written), races between reviewers, retried payments, hardship files and the review reminder.
 */
import { calendarDayText, formatShanghai } from '@shared/domain/time'
import { appServerForFile } from '../support/app-server'
import { callerAs, demoEnvelopeCallers, envelopeOf } from '../support/callers'
import { seedOtherUnion } from '../support/other-union'
import { eachWritesNothing, writeCount } from '../support/write-count'
import { countDocs, JPEG, messagesOf, newKey, PNG, seedReviewer, upload } from '../support/hardship'

jest.setTimeout(60_000)

const app = appServerForFile()
beforeAll(async () => {
  await seedOtherUnion()
  // A second reviewer (唐明, 办公室) for the races.
  await seedReviewer('wx-reviewer-2', 'demo-member-26')
})

const as = (openid: string) => envelopeOf(callerAs(app, openid))
// 张伟 (admin) holds no review role; 韩冰 reviews; 刘洋 is in 信息中心, 陈静 (auditor) in 财务科, which 李娜 leads.
const { member, leader, admin, reviewer, auditor } = demoEnvelopeCallers(app)
const reviewer2 = as('wx-reviewer-2') // 唐明
const today = () => formatShanghai(new Date(), 'YYYY-MM-DD')

const ask = (over: object = {}) => ({
  key: newKey(),
  category: 'hospital',
  description: '因肺炎在市中心医院住院治疗一周',
  contact: '手机 13900000000，下午方便',
  ...over,
})

/** Submits, takes and answers the request's id (under review). */
async function underReview(by = member, over: object = {}): Promise<string> {
  const submitted = await by('hardship.submit', ask(over))
  expect(submitted.ok).toBe(true)
  const taken = await reviewer('hardship.take', { id: submitted.data.id })
  expect(taken.data.status).toBe('reviewing')
  return submitted.data.id
}

describe('the standards (seed 004 by default)', () => {
  it('every member reads the categories with their caps and how often', async () => {
    const policy = (await member('hardship.policy')).data
    expect(policy.year).toBe(Number(today().slice(0, 4)))
    const byName = Object.fromEntries(policy.categories.map((c: { name: string }) => [c.name, c]))
    expect(byName['生病住院']).toMatchObject({ kind: 'care', capFen: 100_000, capText: '每次不超过 1,000.00 元', frequencyText: '每个病种每年 1 次' })
    expect(byName['直系亲属去世']).toMatchObject({ capFen: 100_000 })
    expect(byName['结婚']).toMatchObject({ capFen: 50_000 })
    expect(byName['生育']).toMatchObject({ capFen: 50_000 })
    expect(byName['退休']).toMatchObject({ capFen: 100_000 })
    expect(byName['生日']).toMatchObject({ capFen: 30_000, frequencyText: '每人每年 1 次' })
    expect(byName['家庭特殊困难']).toMatchObject({ kind: 'hardship', capFen: null, capText: '标准待工会设定' })
    expect(byName['子女上大学']).toMatchObject({ capFen: null })
  })

  it('an admin changes a standard; the history keeps who, when and what; a stale edit is refused', async () => {
    const year = Number(today().slice(0, 4))
    const current = (await admin('hardship.policy')).data
    const categories = current.categories.map(({ capText: _c, frequencyText: _f, ...c }: Record<string, unknown>) =>
      c.key === 'family-hardship' ? { ...c, capFen: 200_000 } : c.key === 'college' ? { ...c, capFen: 50_000 } : c,
    )
    const saved = await admin('hardship.savePolicy', { year, version: current.version, categories })
    expect(saved.ok).toBe(true)
    expect(saved.data).toMatchObject({ version: current.version + 1, updatedBy: '张伟', inheritedFrom: null })
    const history = (await admin('hardship.policyHistory')).data
    expect(history.items[0]).toMatchObject({
      year,
      by: '张伟',
      version: current.version + 1,
      changes: ['「家庭特殊困难」：标准待工会设定 → 每次不超过 2,000.00 元', '「子女上大学」：标准待工会设定 → 每次不超过 500.00 元'],
    })
    expect(history.items[0].at).toMatch(/^(\d{4}年)?\d{1,2}月\d{1,2}日 周[日一二三四五六] \d{2}:\d{2}$/)

    const before = writeCount(app.stats)
    // Another admin's page still holds the old version.
    expect(await admin('hardship.savePolicy', { year, version: current.version, categories })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '标准刚被其他管理员修改过，请刷新后再改' },
    })
    // The same standards again: nothing to write.
    expect((await admin('hardship.savePolicy', { year, version: current.version + 1, categories })).ok).toBe(true)
    expect((await admin('hardship.savePolicy', { year, version: current.version + 1, categories: categories.slice(1) })).error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '不能删除「生病住院」，如不再受理请改为停止受理',
    })
    expect((await admin('hardship.savePolicy', { year: year - 1, version: 0, categories })).error.message).toBe(
      `只能修改 ${year} 年和 ${year + 1} 年的标准，往年的标准保留备查`,
    )
    expect((await reviewer('hardship.savePolicy', { year, version: current.version + 1, categories })).error.code).toBe('FORBIDDEN')
    expect(writeCount(app.stats)).toBe(before)
  })

  it('next year inherits this year’s standards until changed', async () => {
    const year = Number(today().slice(0, 4))
    const next = (await member('hardship.policy', { year: year + 1 })).data
    expect(next).toMatchObject({ year: year + 1, version: 0, inheritedFrom: year })
    expect(next.categories.find((c: { key: string }) => c.key === 'family-hardship').capFen).toBe(200_000)
  })
})

describe('the whole workflow, seen by the member step by step', () => {
  it('submitted → 受理 → approved 800 元 → paid; the member sees every step and is told of each', async () => {
    const photo = await upload(app, 'demo-member', '诊断证明.jpg', JPEG)
    const submitted = await member('hardship.submit', ask({ amountFen: 100_000, photoFileIds: [photo] }))
    expect(submitted.ok).toBe(true)
    const id = submitted.data.id
    expect(submitted.data).toMatchObject({
      status: 'submitted',
      memberName: '刘洋',
      department: '信息中心',
      reportedBy: null,
      categoryName: '生病住院',
      amountAskedFen: 100_000,
      forMe: true,
    })
    expect(submitted.data.photos).toHaveLength(1)
    expect((await fetch(submitted.data.photos[0].url)).status).toBe(200)
    expect(submitted.data.can).toMatchObject({ withdraw: true, take: false, approve: false })
    // Reviewers learn of it; the list row carries no description and no photos.
    expect((await messagesOf('demo-member-25')).some((m) => m.kind === 'hardship-new' && m.body.includes('刘洋'))).toBe(true)
    const queue = (await reviewer('hardship.queue', { tab: 'submitted' })).data
    const row = queue.items.find((r: { id: string }) => r.id === id)
    expect(row).toMatchObject({ memberName: '刘洋', categoryName: '生病住院', amountAskedFen: 100_000, status: 'submitted' })
    expect(JSON.stringify(row)).not.toContain('肺炎')
    expect(JSON.stringify(row)).not.toContain('cloud://')

    const taken = await reviewer('hardship.take', { id })
    expect(taken.data).toMatchObject({ status: 'reviewing', reviewerName: '韩冰' })
    expect(taken.data.can).toMatchObject({ approve: true, return: true, reject: true, pay: false })
    const approved = await reviewer('hardship.approve', { id, amountFen: 80_000, caseLabel: '肺炎', note: '按标准慰问' })
    expect(approved.data).toMatchObject({ status: 'approved', approvedFen: 80_000, caseLabel: '肺炎' })
    const paid = await reviewer('hardship.pay', { id, key: newKey(), method: 'bank', paidOn: today(), note: '工资卡' })
    expect(paid.data).toMatchObject({ status: 'paid', payment: { amountFen: 80_000, method: 'bank', paidOn: today(), paidBy: '韩冰' } })

    const seen = (await member('hardship.get', { id })).data
    expect(seen.steps.map((s: { label: string; actorName: string }) => `${s.label}:${s.actorName}`)).toEqual([
      '提交申请:刘洋',
      '受理:韩冰',
      '批准:韩冰',
      '发放:韩冰',
    ])
    expect(seen.steps[2]).toMatchObject({ amountFen: 80_000, note: '按标准慰问', actorRole: 'reviewer' })
    expect(seen.steps[3]).toMatchObject({ method: 'bank', paidOn: today(), amountFen: 80_000 })
    expect(seen.steps.every((s: { at: string }) => /^(\d{4}年)?\d{1,2}月\d{1,2}日 周[日一二三四五六] \d{2}:\d{2}$/.test(s.at))).toBe(true)
    expect(seen.can).toEqual({ withdraw: false, resubmit: false, take: false, approve: false, return: false, reject: false, pay: false })
    const told = (await messagesOf('demo-member-04')).filter((m) => m.link.endsWith(id))
    expect(told.map((m) => m.body)).toEqual([
      '审核人韩冰已受理，正在审核。',
      '已批准 800.00 元，待发放。',
      `800.00 元已于 ${calendarDayText(today(), new Date())} 发放（银行转账）。`,
    ])
    expect((await member('hardship.mine')).data.items[0]).toMatchObject({ id, status: 'paid', approvedFen: 80_000 })

    // The audit trail (经费审查) reads the line and the amount, not the request's id, and no name.
    const trail = (await auditor('funds.auditLog', { pageSize: 100 })).data.items as { action: string; target: string }[]
    const steps = trail.filter((e) => e.action === 'hardship.approve' || e.action === 'hardship.pay').map((e) => `${e.action} ${e.target}`)
    expect(steps).toEqual(expect.arrayContaining(['hardship.approve 会员慰问 800.00 元', 'hardship.pay 会员慰问 800.00 元']))
    expect(JSON.stringify(trail)).not.toContain(id)
    expect(JSON.stringify(trail)).not.toContain('刘洋')
  })

  it('returned for more information, then edited and resubmitted, with every step kept', async () => {
    const id = await underReview(member, { category: 'marriage', description: '本人于 10 月登记结婚', amountFen: null })
    const returned = await reviewer('hardship.return', { id, reason: '请补充结婚证照片' })
    expect(returned.data.status).toBe('returned')
    const mine = (await member('hardship.get', { id })).data
    expect(mine.can).toMatchObject({ resubmit: true, withdraw: true })
    expect(mine.steps.at(-1)).toMatchObject({ label: '退回补充材料', note: '请补充结婚证照片' })
    expect((await messagesOf('demo-member-04')).at(-1)).toMatchObject({ kind: 'hardship-update', body: '需要补充材料：请补充结婚证照片' })

    const photo = await upload(app, 'demo-member', 'marriage.png', PNG)
    const again = await member('hardship.resubmit', {
      id,
      description: '本人于 10 月登记结婚，附结婚证',
      photoFileIds: [photo],
      contact: '手机',
      note: '已补充结婚证',
    })
    expect(again.data).toMatchObject({ status: 'submitted', description: '本人于 10 月登记结婚，附结婚证' })
    expect(again.data.photos).toHaveLength(1)
    expect(again.data.steps.map((s: { kind: string }) => s.kind)).toEqual(['submit', 'take', 'return', 'resubmit'])
    expect((await messagesOf('demo-member-25')).at(-1)).toMatchObject({ kind: 'hardship-new', title: '申请人已补充材料' })
    // Back in the queue; taken and approved as usual.
    await reviewer('hardship.take', { id })
    expect((await reviewer('hardship.approve', { id, amountFen: 50_000 })).data.status).toBe('approved')
  })

  it('rejected with a reason the member reads', async () => {
    const id = await underReview(member, { category: 'birthday', description: '生日慰问' })
    const rejected = await reviewer('hardship.reject', { id, reason: '生日慰问已统一发放蛋糕券' })
    expect(rejected.data.status).toBe('rejected')
    expect((await member('hardship.get', { id })).data.steps.at(-1)).toMatchObject({ label: '不予批准', note: '生日慰问已统一发放蛋糕券', actorName: '韩冰' })
    expect((await messagesOf('demo-member-04')).at(-1)?.body).toBe('未获批准：生日慰问已统一发放蛋糕券')
  })

  it('withdrawn by the member; withdrawing again answers the same; reviewers can no longer act', async () => {
    const id = await underReview(member, { category: 'retirement', description: '明年退休' })
    expect((await member('hardship.withdraw', { id, reason: '明年再申请' })).data.status).toBe('withdrawn')
    const before = writeCount(app.stats)
    expect((await member('hardship.withdraw', { id })).data.status).toBe('withdrawn')
    expect((await reviewer('hardship.approve', { id, amountFen: 100 })).error).toMatchObject({ code: 'CONFLICT', message: '申请人已撤回这条申请' })
    expect(writeCount(app.stats)).toBe(before)
    // The reviewer who had taken it is told.
    expect((await messagesOf('demo-member-25')).at(-1)).toMatchObject({ title: '申请已撤回' })
  })

  it('sending the same form twice (a retry) makes one request', async () => {
    const form = ask({ category: 'childbirth', description: '女儿出生' })
    const [a, b] = await Promise.all([member('hardship.submit', form), member('hardship.submit', form)])
    expect(a.data.id).toBe(b.data.id)
    expect(await countDocs('hardship_requests', { memberId: 'demo-member-04', category: 'childbirth' })).toBe(1)
  })
})

describe('reporting for a colleague (第一报告人)', () => {
  it('a leader reports for a member of her department, who sees it and is told', async () => {
    const found = (await leader('hardship.colleagues', { keyword: '陈' })).data
    expect(found).toEqual([{ id: 'demo-member-05', name: '陈静', department: '财务科' }])
    const res = await leader('hardship.submit', ask({ forMemberId: 'demo-member-05', category: 'hospital', description: '陈静母亲住院需要陪护，本人代为申报' }))
    expect(res.data).toMatchObject({ memberName: '陈静', reportedBy: '李娜', forMe: false })
    expect(res.data.steps[0]).toMatchObject({ actorName: '李娜', actorRole: 'reporter' })
    const seen = await auditor('hardship.get', { id: res.data.id })
    expect(seen.data).toMatchObject({ forMe: true, reportedBy: '李娜' })
    expect((await auditor('hardship.mine')).data.items.map((r: { id: string }) => r.id)).toContain(res.data.id)
    expect((await messagesOf('demo-member-05')).at(-1)).toMatchObject({ title: '李娜为您申报了「生病住院」' })
  })

  it('but not for someone outside what she leads; a plain member reports for nobody', async () => {
    const before = writeCount(app.stats)
    expect((await leader('hardship.colleagues', { keyword: '刘' })).data).toEqual([])
    expect((await leader('hardship.submit', ask({ forMemberId: 'demo-member-04' }))).error).toMatchObject({
      code: 'FORBIDDEN',
      message: '只能为您带领的部门或小组的会员申报',
    })
    expect((await member('hardship.submit', ask({ forMemberId: 'demo-member-05' }))).error).toMatchObject({
      code: 'FORBIDDEN',
      message: '为同事申报需要由工会小组长或工会委员办理',
    })
    expect((await member('hardship.colleagues', { keyword: '陈' })).error.code).toBe('FORBIDDEN')
    expect((await admin('hardship.submit', ask({ forMemberId: 'other-member-1' }))).error).toMatchObject({ code: 'NOT_FOUND', message: '没有找到这位会员' })
    expect(writeCount(app.stats)).toBe(before)
  })
})

describe('refusals: a code, a Chinese message, nothing written', () => {
  const nothingWritten = eachWritesNothing(app)

  it('asking more than the cap → INVALID_ARGUMENT stating the cap', async () => {
    expect((await member('hardship.submit', ask({ amountFen: 100_001 }))).error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '「生病住院」的标准是每次不超过 1,000.00 元，申请金额不能超过标准',
      details: { field: 'amountFen', capFen: 100_000 },
    })
  })

  it('approving more than the cap → INVALID_ARGUMENT stating the cap', async () => {
    const id = await underReview(member, { category: 'childbirth', description: '儿子出生' })
    nothingWritten.countFromHere()
    expect((await reviewer('hardship.approve', { id, amountFen: 50_001, caseLabel: '儿子' })).error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '超过了「生育」的标准：每次不超过 500.00 元',
    })
  })

  it('a per-case category needs the case named; an unknown or stopped category is refused', async () => {
    const id = await underReview(member, { category: 'hospital', description: '骨折住院' })
    nothingWritten.countFromHere()
    expect((await reviewer('hardship.approve', { id, amountFen: 10_000 })).error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '请填写病种，用于按「每个病种每年 1 次」核对',
    })
    expect((await member('hardship.submit', ask({ category: 'lottery' }))).error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '本会目前不受理这个类别，请选择其他类别',
    })
  })

  it('the frequency rule: the same illness a second time this year → CONFLICT', async () => {
    // 刘洋's 肺炎 was paid in the workflow above.
    const id = await underReview(member, { category: 'hospital', description: '肺炎复发再次住院' })
    nothingWritten.countFromHere()
    expect((await reviewer('hardship.approve', { id, amountFen: 50_000, caseLabel: ' 肺炎 ' })).error).toMatchObject({
      code: 'CONFLICT',
      message: `按本会标准，「生病住院」每个病种每年 1 次；该会员「肺炎」${today().slice(0, 4)} 年已获批 1 次`,
    })
  })

  it('steps out of order: approving before 受理, paying an unapproved request', async () => {
    const submitted = await member('hardship.submit', ask({ category: 'hospital', description: '胃出血住院' }))
    const id = submitted.data.id
    nothingWritten.countFromHere()
    expect((await reviewer('hardship.approve', { id, amountFen: 100 })).error).toMatchObject({ code: 'CONFLICT', message: '请先受理这条申请' })
    expect((await reviewer('hardship.pay', { id, key: newKey(), method: 'cash', paidOn: today() })).error).toMatchObject({
      code: 'CONFLICT',
      message: '申请还没有批准，不能记录发放',
    })
    expect((await member('hardship.resubmit', { id, description: 'x', contact: 'y' })).error).toMatchObject({
      code: 'CONFLICT',
      message: '只有被退回补充材料的申请才能重新提交',
    })
  })

  it('a second payment for the same case → CONFLICT; a future date → INVALID_ARGUMENT', async () => {
    const id = await underReview(member, { category: 'hospital', description: '腰椎手术住院' })
    await reviewer('hardship.approve', { id, amountFen: 60_000, caseLabel: '腰椎' })
    await reviewer('hardship.pay', { id, key: newKey(), method: 'cash', paidOn: today() })
    nothingWritten.countFromHere()
    expect((await reviewer('hardship.pay', { id, key: newKey(), method: 'bank', paidOn: today() })).error).toMatchObject({
      code: 'CONFLICT',
      message: `这笔款项已于 ${today()} 记录发放，不能重复记录`,
    })
    expect((await reviewer2('hardship.pay', { id, key: newKey(), method: 'bank', paidOn: today() })).error.code).toBe('CONFLICT')
    const id2 = await underReview(member, { category: 'hospital', description: '眼科手术' })
    await reviewer('hardship.approve', { id: id2, amountFen: 60_000, caseLabel: '白内障' })
    nothingWritten.countFromHere()
    expect((await reviewer('hardship.pay', { id: id2, key: newKey(), method: 'bank', paidOn: '2099-01-01' })).error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '发放日期不能晚于今天',
    })
  })

  it('photos: only images, at most 5 MB, only the caller’s own uploads', async () => {
    const text = await upload(app, 'demo-member', 'notes.txt', Buffer.from('诊断证明'))
    const disguised = await upload(app, 'demo-member', 'scan.jpg', Buffer.from('%PDF-1.4 not really an image'))
    const huge = await upload(app, 'demo-member', 'huge.jpg', Buffer.concat([JPEG, Buffer.alloc(5 * 1024 * 1024)]))
    const leaders = await upload(app, 'demo-leader', 'x.jpg', JPEG)
    nothingWritten.countFromHere()
    const refused = async (photoFileIds: string[]) => (await member('hardship.submit', ask({ photoFileIds }))).error
    expect(await refused([text])).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '只能上传 JPG、PNG 或 WEBP 格式的照片',
      details: { field: 'photoFileIds' },
    })
    expect(await refused([disguised])).toMatchObject({ code: 'INVALID_ARGUMENT', message: '只能上传 JPG、PNG 或 WEBP 格式的照片' })
    expect(await refused([huge])).toMatchObject({ code: 'INVALID_ARGUMENT', message: '每张照片不能超过 5 MB，请压缩后重新上传' })
    expect(await refused([leaders])).toMatchObject({ code: 'INVALID_ARGUMENT', message: '照片需要由您本人上传' })
    expect(await refused([text.replace(/[^/]+$/, 'missing.jpg')])).toMatchObject({ code: 'INVALID_ARGUMENT', message: '有照片没有找到，请重新上传' })
    expect(await refused(Array.from({ length: 7 }, () => leaders))).toMatchObject({ code: 'INVALID_ARGUMENT', message: '证明材料照片最多 6 项' })
  })

  it('bad input names the field in Chinese', async () => {
    expect((await member('hardship.submit', ask({ description: '' }))).error).toMatchObject({ code: 'INVALID_ARGUMENT', message: '请填写情况说明' })
    expect((await member('hardship.submit', ask({ contact: '' }))).error.message).toBe('请填写联系方式')
    expect((await reviewer('hardship.return', { id: 'demo-hardship-1', reason: '' })).error.message).toBe('请填写原因')
    expect((await reviewer('hardship.pay', { id: 'demo-hardship-1', key: newKey(), method: 'alipay', paidOn: today() })).error.message).toBe(
      '发放方式不在可选范围内',
    )
  })

  it('a reviewer does not decide their own request', async () => {
    const own = await reviewer('hardship.submit', ask({ category: 'hospital', description: '本人住院' }))
    nothingWritten.countFromHere()
    expect((await reviewer('hardship.take', { id: own.data.id })).error).toMatchObject({ code: 'FORBIDDEN', message: '不能审核自己的申请，请由其他审核人办理' })
    expect(own.data.can.take).toBe(false)
    expect((await reviewer2('hardship.get', { id: own.data.id })).data.can.take).toBe(true)
  })

  it('someone outside the allowed set gets NOT_FOUND, the same as for no request at all', async () => {
    const id = 'demo-hardship-1'
    for (const who of [as('demo-admin'), as('demo-leader'), as('demo-redeemer'), as('demo-auditor'), as('other-admin')]) {
      const seen = await who('hardship.get', { id })
      const none = await who('hardship.get', { id: 'no-such-request' })
      expect(seen).toEqual(none)
      expect(seen.error).toEqual({ code: 'NOT_FOUND', message: '没有找到这条申请' })
      expect((await who('hardship.withdraw', { id })).error).toEqual(none.error)
      expect((await who('hardship.resubmit', { id, description: 'x', contact: 'y' })).error).toEqual(none.error)
    }
  })
})

describe('the books', () => {
  const ledgerOf = async () => {
    const db = (await import('@cloudbase/node-sdk')).init({ env: 'local' }).database()
    return (await db.collection('ledger').where({ unionId: 'demo-union', 'source.type': 'hardship' }).limit(1000).get()).data as {
      source: { id: string }
      committed: number
      spent: number
      memo: string
    }[]
  }

  it('approvals commit and payments spend exactly what the requests say, on the 会员慰问 line, with no name or text', async () => {
    const id = await underReview()
    expect((await reviewer('hardship.approve', { id, amountFen: 60_000, caseLabel: `肺炎${newKey().slice(0, 6)}` })).ok).toBe(true)
    await reviewer('hardship.pay', { id, key: newKey(), method: 'bank', paidOn: today() })
    const db = (await import('@cloudbase/node-sdk')).init({ env: 'local' }).database()
    const requests = (await db.collection('hardship_requests').where({ unionId: 'demo-union' }).limit(1000).get()).data as {
      _id: string
      status: string
      approvedFen: number | null
      payment: { amountFen: number } | null
    }[]
    const entries = await ledgerOf()
    const paid = requests.filter((r) => r.status === 'paid').reduce((s, r) => s + r.payment!.amountFen, 0)
    const owed = requests.filter((r) => r.status === 'approved').reduce((s, r) => s + r.approvedFen!, 0)
    expect(entries.reduce((s, e) => s + e.spent, 0)).toBe(paid)
    expect(entries.reduce((s, e) => s + e.committed, 0)).toBe(owed)
    expect(
      entries
        .filter((e) => e.source.id === id)
        .map((e) => e.memo)
        .sort(),
    ).toEqual(['会员慰问支出', '会员慰问支出（批准）'])
  })

  it('an approval beyond the line’s remainder is refused with both numbers, and nothing is written', async () => {
    const year = Number(today().slice(0, 4))
    const care = (await admin('funds.budget', { year })).data.lines.find((l: { line: string }) => l.line === 'care')
    await admin('funds.setBudget', { year, lines: { care: care.committed + care.spent + 30_000 } })
    try {
      const id = await underReview()
      const before = writeCount(app.stats)
      const refused = await reviewer('hardship.approve', { id, amountFen: 50_000, caseLabel: `肺炎${newKey().slice(0, 6)}` })
      expect(refused.error).toMatchObject({ code: 'INVALID_ARGUMENT', message: '超出「会员慰问」预算余额：余额 300.00 元，本次 500.00 元' })
      expect(writeCount(app.stats)).toBe(before)
      expect((await reviewer('hardship.get', { id })).data.status).toBe('reviewing')
    } finally {
      await admin('funds.setBudget', { year, lines: { care: care.budget } })
    }
  })
})

describe('races', () => {
  it('two reviewers approving at once: one approval, one allowance used, one step', async () => {
    const id = await underReview(member, { category: 'hospital', description: '阑尾炎手术' })
    const [a, b] = await Promise.all([
      reviewer('hardship.approve', { id, amountFen: 80_000, caseLabel: '阑尾炎' }),
      reviewer2('hardship.approve', { id, amountFen: 70_000, caseLabel: '阑尾炎' }),
    ])
    expect([a.ok, b.ok].sort()).toEqual([false, true])
    const loser = a.ok ? b : a
    expect(loser.error.code).toBe('CONFLICT')
    const detail = (await member('hardship.get', { id })).data
    expect(detail.steps.filter((s: { kind: string }) => s.kind === 'approve')).toHaveLength(1)
    expect(detail.approvedFen).toBe((a.ok ? a : b).data.approvedFen)
    expect(await countDocs('hardship_grants', { requestId: id })).toBe(1)
  })

  it('two requests for the same case approved at once: the frequency rule still holds', async () => {
    const first = await underReview(member, { category: 'hospital', description: '心脏支架手术' })
    const second = await underReview(member, { category: 'hospital', description: '心脏支架术后复查住院' })
    const results = await Promise.all([
      reviewer('hardship.approve', { id: first, amountFen: 50_000, caseLabel: '冠心病' }),
      reviewer2('hardship.approve', { id: second, amountFen: 50_000, caseLabel: '冠心病' }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)!.error.code).toBe('CONFLICT')
    const statuses = await Promise.all([first, second].map(async (id) => (await member('hardship.get', { id })).data.status))
    expect(statuses.sort()).toEqual(['approved', 'reviewing'])
    const db = (await import('@cloudbase/node-sdk')).init({ env: 'local' }).database()
    const grants = (await db.collection('hardship_grants').where({ memberId: 'demo-member-04', category: 'hospital', caseKey: '冠心病' }).get()).data
    expect(grants).toHaveLength(1)
  })

  it('a retried payment (the same call five times at once) records one payment', async () => {
    const id = await underReview(member, { category: 'hospital', description: '哮喘住院' })
    await reviewer('hardship.approve', { id, amountFen: 30_000, caseLabel: '哮喘' })
    const payment = { id, key: newKey(), method: 'cash', paidOn: today(), note: '现场发放' }
    const results = await Promise.all(Array.from({ length: 5 }, () => reviewer('hardship.pay', payment)))
    expect(results.every((r) => r.ok && r.data.status === 'paid')).toBe(true)
    const detail = (await member('hardship.get', { id })).data
    expect(detail.steps.filter((s: { kind: string }) => s.kind === 'pay')).toHaveLength(1)
    expect(detail.payment).toMatchObject({ amountFen: 30_000, method: 'cash' })
    expect((await messagesOf('demo-member-04')).filter((m) => m.link.endsWith(id) && m.body.includes('已于'))).toHaveLength(1)
    // Once more, later: the same answer, nothing written.
    const before = writeCount(app.stats)
    expect((await reviewer('hardship.pay', payment)).data.payment.recordedAt).toBe(detail.payment.recordedAt)
    expect(writeCount(app.stats)).toBe(before)
  })
})

describe('cost', () => {
  /** Database requests of one call, counted at the local CloudBase (1 of them finds the caller). */
  const trips = async (call: () => Promise<{ ok: boolean }>) => {
    const before = app.stats.roundTrips
    expect((await call()).ok).toBe(true)
    return app.stats.roundTrips - before
  }

  it('submit, take, approve and pay each cost a handful of round trips', async () => {
    const photo = await upload(app, 'demo-member', 'x.jpg', JPEG)
    let id = ''
    // caller (1) + standards + insert + reviewers + outbox + the follow-up mark cleared
    expect(
      await trips(async () => {
        const res = await member('hardship.submit', ask({ category: 'hospital', description: '胆囊手术', photoFileIds: [photo] }))
        id = res.data.id
        return res
      }),
    ).toBe(6)
    // caller (1) + request + the conditional step + standards (for the reply) + outbox
    expect(await trips(() => reviewer('hardship.take', { id }))).toBe(5)
    // caller (1) + one read (the request with its standards, the member's allowance and the audit head as lookups),
    // then one transaction: start, request, year open?, line; remainder, slot, ledger entry, step, audit entry,
    // audit head, the member's message; commit = 12
    expect(await trips(() => reviewer('hardship.approve', { id, amountFen: 50_000, caseLabel: '胆囊炎' }))).toBe(14)
    // caller (1) + one read (request, standards, audit head) + one transaction: start, request, step, ledger entry,
    // audit entry, audit head, the member's message; commit = 8
    expect(await trips(() => reviewer('hardship.pay', { id, key: newKey(), method: 'bank', paidOn: today() }))).toBe(10)
    // The timeline page: caller (1) + request + standards; photos by one storage call.
    expect(await trips(() => member('hardship.get', { id }))).toBe(3)
  })
})

describe('困难职工档案 and 送温暖', () => {
  it('a reviewer opens a file, records visits (a retry adds none), and sees it in the list', async () => {
    const none = (await reviewer('hardship.file', { memberId: 'demo-member-04' })).data
    expect(none).toMatchObject({ member: { name: '刘洋' }, file: null })
    expect(none.requests.length).toBeGreaterThan(0)
    const saved = await reviewer('hardship.saveFile', {
      memberId: 'demo-member-04',
      level: '特别困难',
      reason: '配偶失业，子女就学',
      since: '2026-01-10',
      nextReviewOn: '2027-01-10',
    })
    expect(saved.data.file).toMatchObject({ level: '特别困难', since: '2026-01-10', nextReviewOn: '2027-01-10', due: false, updatedBy: '韩冰' })
    const visit = { memberId: 'demo-member-04', key: newKey(), date: today(), visitors: '韩冰、张伟', given: '慰问金 500 元', amountFen: 50_000 }
    await reviewer('hardship.addVisit', visit)
    const again = await reviewer('hardship.addVisit', visit)
    expect(again.data.visits.filter((v: { given: string }) => v.given === '慰问金 500 元')).toHaveLength(1)
    const list = (await reviewer('hardship.files', { pageSize: 50 })).data
    expect(list.items.find((f: { name: string }) => f.name === '刘洋')).toMatchObject({ level: '特别困难', lastVisitOn: today(), due: false })

    const before = writeCount(app.stats)
    expect(
      (
        await reviewer('hardship.saveFile', {
          memberId: 'demo-member-04',
          level: '特别困难',
          reason: '配偶失业，子女就学',
          since: '2026-01-10',
          nextReviewOn: '2027-01-10',
        })
      ).ok,
    ).toBe(true)
    expect(
      (await reviewer('hardship.saveFile', { memberId: 'demo-member-04', level: '特别困难', reason: 'x', since: '2026-01-10', nextReviewOn: '2026-01-01' }))
        .error,
    ).toMatchObject({ code: 'INVALID_ARGUMENT', message: '下次复核日期要晚于建档日期' })
    expect((await reviewer('hardship.addVisit', { ...visit, key: newKey(), memberId: 'demo-member-06' })).error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '请先为这位会员建立困难职工档案',
    })
    expect((await reviewer('hardship.addVisit', { ...visit, key: newKey(), date: '2099-01-01' })).error.message).toBe('走访日期不能晚于今天')
    expect((await admin('hardship.files')).error.code).toBe('FORBIDDEN')
    expect((await as('other-admin')('hardship.file', { memberId: 'demo-member-04' })).error.code).toBe('FORBIDDEN')
    expect(writeCount(app.stats)).toBe(before)
  })

  it('files due for review are listed, and reviewers are reminded once per review date', async () => {
    const due = (await reviewer('hardship.files', { dueOnly: true })).data
    expect(due.items.map((f: { name: string }) => f.name)).toEqual(['朱红'])
    expect(due.items[0]).toMatchObject({ due: true, nextReviewOn: '2026-11-15' })

    const { main } = await import('../../cloudfunctions/hardship')
    const { platformContext } = await import('../../emulator/app-host/function-runner')
    const run = (openid?: string) =>
      main({ Type: 'Timer', TriggerName: 'reviewDue', Time: new Date().toISOString() }, platformContext('hardship', openid)) as Promise<{
        ok: boolean
        data?: { reminded: number }
        error?: { code: string }
      }>
    const first = await run()
    expect(first).toMatchObject({ ok: true, data: { reminded: 2 } }) // 韩冰 and 唐明
    const reminder = (await messagesOf('demo-member-25')).filter((m) => m.kind === 'hardship-review-due')
    expect(reminder).toHaveLength(1)
    expect(reminder[0].body).toBe('朱红共 1 份档案到了复核时间，请走访核实后更新。')
    expect((await run()).data!.reminded).toBe(0)
    expect((await run('demo-member')).error!.code).toBe('NOT_FOUND')

    // Reviewed: the next date moves on, and the reminder is armed again for it.
    await reviewer('hardship.saveFile', {
      memberId: 'demo-member-14',
      level: '一般困难',
      reason: '配偶病情稳定',
      since: '2025-12-01',
      nextReviewOn: '2027-05-15',
    })
    expect((await reviewer('hardship.files', { dueOnly: true })).data.items).toEqual([])
  })
})
