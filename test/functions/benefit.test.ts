import { appServerForFile } from '../support/app-server'
import { callerAs, demoCallers } from '../support/callers'
import { campaignForm, TWO_GIFTS } from '../support/campaign-form'
import { localDb as db } from '../support/local-db'
import { at, DAY } from '../support/time'
import { seedManyMembers } from '../support/many-members'
import { writeCount } from '../support/write-count'
import { signCode } from '../../cloudfunctions/_lib/signed-codes'

// Hundreds of calls through HTTP on a 2-core machine: a generous ceiling, not a speed assertion.
jest.setTimeout(120_000)

const app = appServerForFile()
const as = (openid: string) => callerAs(app, openid)
const { admin, member, redeemer, leader } = demoCallers(app)

/** Kind 'other' unless a test is about a kind's cap, so the yearly holiday total is not used up by tests. */
const holiday = (over: object = {}) => campaignForm({ name: '2026年元旦春节慰问品', faceValue: 30000, options: TWO_GIFTS, ...over })

const createCampaign = async (over: object = {}) => {
  const res = await admin('benefit.createCampaign', holiday(over))
  expect(res.body.error).toBeUndefined()
  return res.body.data.id as string
}
const issueAll = async (id: string) => {
  let last
  for (let i = 0; i < 500; i++) {
    last = (await admin('benefit.issue', { id })).body.data
    if (last.done) break
  }
  return last
}
const myVoucher = async (caller: (n: string, d?: object) => Promise<{ body: any }>, campaignName: string) =>
  ((await caller('benefit.mine')).body.data as { id: string; name: string }[]).find((v) => v.name === campaignName) as any

describe('campaigns and issuing', () => {
  it('issues one voucher per eligible member, in batches; a second run issues nothing; a member who joins later gets one', async () => {
    const id = await createCampaign({ kind: 'holiday', name: '2026年五一端午慰问品', includeRetired: false })
    const done = await issueAll(id)
    expect(done.done).toBe(true)
    // 30 demo members of whom 2 are retired.
    const view = (await admin('benefit.campaign', { id })).body.data
    expect(view.progress).toMatchObject({ eligible: 28, issued: 28, redeemed: 0, outstanding: 28 })
    expect((await admin('benefit.issue', { id })).body.data).toMatchObject({ issuedNow: 0, issued: 28, done: true })

    const [late] = await seedManyMembers(1, 'latecomer')
    expect((await admin('benefit.issue', { id })).body.data).toMatchObject({ issuedNow: 1, issued: 29 })
    expect((await app.call('benefit.mine', {}, late)).body.data.map((v: { name: string }) => v.name)).toContain('2026年五一端午慰问品')
    const told = (await db().collection('messages').where({ memberId: late, kind: 'voucher-issued' }).get()).data
    expect(told).toHaveLength(1)
  })

  it('face values within the caps: a cake at most 300 元, holiday gifts within the yearly total — both numbers shown; nothing written', async () => {
    const before = writeCount(app.stats)
    const cake = (await admin('benefit.createCampaign', holiday({ kind: 'cake', name: '蛋糕券', faceValue: 30001, options: [{ name: '蛋糕' }] }))).body.error
    expect(cake).toMatchObject({ code: 'INVALID_ARGUMENT', message: '生日蛋糕券面值不能超过 300.00 元（填写的是 300.01 元）' })
    const tooMuch = (await admin('benefit.createCampaign', holiday({ kind: 'holiday', faceValue: 200_001 }))).body.error.message
    expect(tooMuch).toMatch(/^全年节日慰问品合计不能超过 2,000\.00 元：本年已发 [\d,]+\.\d{2} 元，最多还能发 [\d,]+\.\d{2} 元$/)
    expect((await admin('benefit.createCampaign', holiday({ pointIds: ['nowhere'] }))).body.error.message).toBe('兑换点不存在')
    expect((await admin('benefit.createCampaign', holiday({ faceValue: 0 }))).body.error.code).toBe('INVALID_ARGUMENT')
    expect(writeCount(app.stats)).toBe(before)
  })

  it('only admins run campaigns', async () => {
    for (const caller of [member, redeemer, leader, as('demo-auditor')]) {
      expect((await caller('benefit.createCampaign', holiday())).body.error.code).toBe('FORBIDDEN')
      expect((await caller('benefit.campaigns')).body.error.code).toBe('FORBIDDEN')
    }
  })
})

describe('one cake voucher per member per year', () => {
  it('two cake campaigns in one year, issued by racing runs: each member holds exactly one', async () => {
    const cake = (name: string) => holiday({ kind: 'cake', name, faceValue: 20000, options: [{ name: '8 寸蛋糕' }], pointIds: ['demo-point-cake'] })
    const a = (await admin('benefit.createCampaign', cake('蛋糕券甲'))).body.data.id
    const b = (await admin('benefit.createCampaign', cake('蛋糕券乙'))).body.data.id
    await Promise.all([...Array.from({ length: 3 }, () => issueAll(a)), ...Array.from({ length: 3 }, () => issueAll(b))])
    const year = new Date(at(-DAY)).getFullYear()
    const vouchers = (await db().collection('vouchers').where({ kind: 'cake', year, memberId: 'demo-member-04' }).get()).data
    // The demo seed's own cake campaign may have issued one first; either way, one.
    expect(vouchers).toHaveLength(1)
    const all = (await db().collection('vouchers').where({ kind: 'cake', year }).limit(1000).get()).data as { memberId: string }[]
    expect(new Set(all.map((v) => v.memberId)).size).toBe(all.length)
  })
})

describe('choosing a gift', () => {
  it('holds stock when chosen and gives it back when changed; sold out is FULL; the window closes', async () => {
    const id = await createCampaign({
      name: '选择测试',
      options: [
        { name: '礼包甲', stock: 1 },
        { name: '礼包乙', stock: 5 },
      ],
    })
    await issueAll(id)
    const mine = await myVoucher(member, '选择测试')
    expect(mine).toMatchObject({ state: 'choose', optionId: null })
    const chose = (await member('benefit.choose', { voucherId: mine.id, optionId: 'o1' })).body.data
    expect(chose).toMatchObject({ state: 'ready', optionName: '礼包甲' })
    expect(chose.options[0].remaining).toBe(0)
    const theirs = await myVoucher(admin, '选择测试')
    const before = writeCount(app.stats)
    expect((await admin('benefit.choose', { voucherId: theirs.id, optionId: 'o1' })).body.error).toMatchObject({
      code: 'FULL',
      message: '「礼包甲」已经选完了，请选择其他礼品',
    })
    expect(writeCount(app.stats)).toBe(before + 1) // the refused conditional stock write
    const switched = (await member('benefit.choose', { voucherId: mine.id, optionId: 'o2' })).body.data
    expect(switched.options.map((o: { remaining: number }) => o.remaining)).toEqual([1, 4])
    expect((await admin('benefit.choose', { voucherId: theirs.id, optionId: 'o1' })).body.data.optionName).toBe('礼包甲')
    // Someone else's voucher does not exist for this member.
    expect((await member('benefit.choose', { voucherId: theirs.id, optionId: 'o2' })).body.error.code).toBe('NOT_FOUND')

    await db()
      .collection('vouchers')
      .doc(mine.id)
      .update({ claimClosesAt: new Date(Date.now() - 1000) })
    expect((await member('benefit.choose', { voucherId: mine.id, optionId: 'o1' })).body.error.code).toBe('CLOSED')
  })

  it('100 members racing for 10 gifts: exactly 10 get them, stock never below zero', async () => {
    const people = await seedManyMembers(100, 'gift-race')
    const id = await createCampaign({
      name: '抢礼包',
      options: [
        { name: '限量礼盒', stock: 10 },
        { name: '普通礼盒', stock: null },
      ],
    })
    await issueAll(id)
    const vouchers = await Promise.all(people.map(async (o) => ((await app.call('benefit.mine', {}, o)).body.data as any[]).find((v) => v.name === '抢礼包')))
    const results = await Promise.all(people.map((o, i) => app.call('benefit.choose', { voucherId: vouchers[i].id, optionId: 'o1' }, o)))
    expect(results.filter((r) => r.body.ok)).toHaveLength(10)
    expect(results.filter((r) => r.body.error?.code === 'FULL')).toHaveLength(90)
    const stock = (await db().collection('option_stock').doc(`${id}:o1`).get()).data[0] as { remaining: number }
    expect(stock.remaining).toBe(0)
    expect((await admin('benefit.campaign', { id })).body.data.options[0]).toMatchObject({ chosen: 10, remaining: 0 })
  })
})

describe('redeeming once', () => {
  let campaignId: string
  let voucherId: string
  beforeAll(async () => {
    campaignId = await createCampaign({ name: '核销测试', options: [{ name: '单品礼盒' }], pointIds: ['demo-point-office', 'demo-point-cake'] })
    await issueAll(campaignId)
    voucherId = (await myVoucher(member, '核销测试')).id
  })

  it('scan → see what to hand over (name masked) → confirm; a retry is the same success; another redemption hears when, where and by whom', async () => {
    const code = (await member('benefit.code', { voucherId })).body.data
    expect(code.shortCode).toMatch(/^\d{6}$/)
    const before = writeCount(app.stats)
    const preview = (await redeemer('benefit.inspect', { code: code.token, pointId: 'demo-point-office' })).body.data
    expect(writeCount(app.stats)).toBe(before)
    expect(preview).toMatchObject({
      campaignName: '核销测试',
      optionName: '单品礼盒',
      memberName: '刘*',
      department: '信息中心',
      pointName: '工会办公室',
      faceValue: 30000,
    })
    const first = await redeemer('benefit.redeem', { ticket: preview.ticket, requestId: 'req-0001-abc' })
    expect(first.body.data).toMatchObject({ voucherId, memberName: '刘*', pointName: '工会办公室', proxy: null })
    const retry = await redeemer('benefit.redeem', { ticket: preview.ticket, requestId: 'req-0001-abc' })
    expect(retry.body.data).toEqual(first.body.data)
    // The answer was lost and the clerk retries minutes later: the ticket has expired, the success stands.
    const secret = JSON.parse(require('node:fs').readFileSync(`${app.dataDir}/local-secrets.json`, 'utf8')).UNION_CODE_SECRET
    const stale = signCode(secret, 'redeem', `${voucherId}|demo-point-office|demo-member-03`, new Date(Date.now() - 600_000), 120_000).token
    expect((await redeemer('benefit.redeem', { ticket: stale, requestId: 'req-0001-abc' })).body.data).toEqual(first.body.data)
    expect((await redeemer('benefit.redeem', { ticket: stale, requestId: 'req-0009-abc' })).body.error).toMatchObject({
      code: 'EXPIRED',
      message: '确认超时，请重新扫码',
    })
    const again = await redeemer('benefit.redeem', { ticket: preview.ticket, requestId: 'req-0002-abc' })
    expect(again.body.error.code).toBe('ALREADY_REDEEMED')
    expect(again.body.error.message).toMatch(/^该券已于 (\d{4}年)?\d{1,2}月\d{1,2}日 周[日一二三四五六] \d{2}:\d{2} 在「工会办公室」由 王芳 核销$/)
    // Replaying the member's code after use is refused the same way, at inspection.
    expect((await redeemer('benefit.inspect', { code: code.shortCode, pointId: 'demo-point-office' })).body.error.code).toBe('ALREADY_REDEEMED')
    expect((await member('benefit.mine')).body.data.find((v: { id: string }) => v.id === voucherId)).toMatchObject({
      state: 'used',
      redeemed: { pointName: '工会办公室', proxy: false },
    })
    expect((await member('benefit.code', { voucherId })).body.error.code).toBe('ALREADY_REDEEMED')
    expect((await admin('benefit.campaign', { id: campaignId })).body.data.progress).toMatchObject({ redeemed: 1 })
  })

  it('100 redeemers at once on one voucher: exactly one succeeds, the rest ALREADY_REDEEMED', async () => {
    const people = await seedManyMembers(100, 'clerk')
    const pointDb = db().collection('roles')
    await pointDb.add(
      people.map((m) => ({
        _id: `${m}:redeemer:point:demo-point-office`,
        unionId: 'demo-union',
        memberId: m,
        role: 'redeemer',
        scope: { kind: 'point', id: 'demo-point-office' },
      })),
    )
    const target = (await myVoucher(admin, '核销测试')).id
    const code = (await admin('benefit.code', { voucherId: target })).body.data
    const previews = await Promise.all(people.map((o) => app.call('benefit.inspect', { code: code.token, pointId: 'demo-point-office' }, o)))
    expect(previews.every((p) => p.body.ok)).toBe(true)
    const results = await Promise.all(
      people.map((o, i) => app.call('benefit.redeem', { ticket: previews[i].body.data.ticket, requestId: `race-${i}-xxxx` }, o)),
    )
    expect(results.filter((r) => r.body.ok)).toHaveLength(1)
    expect(results.filter((r) => r.body.error?.code === 'ALREADY_REDEEMED')).toHaveLength(99)
    const v = (await db().collection('vouchers').doc(target).get()).data[0] as { status: string; redemption: { by: string } }
    expect(v.status).toBe('redeemed')
    expect(people[results.findIndex((r) => r.body.ok)]).toBe(v.redemption.by)
  })

  it('refuses forged, altered, expired, stale and foreign codes, wrong points and other unions — each with its own code, nothing written', async () => {
    const id = await createCampaign({ name: '拒绝测试', options: [{ name: '礼盒' }], pointIds: ['demo-point-office'] })
    await issueAll(id)
    const target = (await myVoucher(as('demo-auditor'), '拒绝测试')).id
    const code = (await as('demo-auditor')('benefit.code', { voucherId: target })).body.data
    const inspect = (c: string, pointId = 'demo-point-office', who = redeemer) => who('benefit.inspect', { code: c, pointId }).then((r) => r.body.error)
    const secret = JSON.parse(require('node:fs').readFileSync(`${app.dataDir}/local-secrets.json`, 'utf8')).UNION_CODE_SECRET
    await db()
      .collection('vouchers')
      .add({ _id: 'other-union-voucher', unionId: 'other-union', memberId: 'x', points: [{ id: 'demo-point-office', name: '工会办公室' }] })
    const before = writeCount(app.stats)
    expect(await inspect('forged.token')).toMatchObject({ code: 'INVALID_ARGUMENT', message: '这不是有效的券码' })
    const [body, sig] = code.token.split('.')
    const altered = Buffer.from(Buffer.from(body, 'base64url').toString().replace(target, `${target}x`)).toString('base64url')
    expect((await inspect(`${altered}.${sig}`)).code).toBe('INVALID_ARGUMENT')
    const old = signCode(secret, 'voucher', target, new Date(Date.now() - 120_000))
    expect(await inspect(old.token)).toMatchObject({ code: 'EXPIRED', message: '券码已过期，请让会员刷新后再出示' })
    expect(await inspect('000000')).toMatchObject({ code: 'EXPIRED' })
    // A check-in code is not a voucher code.
    expect((await inspect(signCode(secret, 'checkin', target, new Date()).token)).code).toBe('INVALID_ARGUMENT')
    expect(await inspect(code.token, 'demo-point-cake')).toMatchObject({ code: 'FORBIDDEN', message: '该券不能在这里使用，请到：工会办公室' })
    expect(await inspect(code.token, 'demo-point-office', member)).toMatchObject({ code: 'FORBIDDEN' })
    // Another union's voucher does not exist here, even with a genuine signature.
    expect(await inspect(signCode(secret, 'voucher', 'other-union-voucher', new Date()).token)).toMatchObject({ code: 'NOT_FOUND', message: '不是本工会的券' })
    expect(writeCount(app.stats)).toBe(before)

    // Expired vouchers are refused with EXPIRED; the six digits work while fresh.
    await db()
      .collection('vouchers')
      .doc(target)
      .update({ redeemUntil: new Date(Date.now() - 1000) })
    expect(await inspect(code.shortCode)).toMatchObject({ code: 'EXPIRED' })
  })

  it('代领 by the office with a reason; the settlement lists it by day', async () => {
    const id = await createCampaign({ name: '代领测试', options: [{ name: '礼盒' }], pointIds: ['demo-point-office'] })
    await issueAll(id)
    const rows = (await admin('benefit.vouchers', { id, search: '陈静' })).body.data.items
    expect(rows).toHaveLength(1)
    const done = (await admin('benefit.proxyRedeem', { voucherId: rows[0].id, pointId: 'demo-point-office', reason: '本人出差，同事代领' })).body.data
    expect(done.proxy).toEqual({ reason: '本人出差，同事代领' })
    expect((await admin('benefit.proxyRedeem', { voucherId: rows[0].id, pointId: 'demo-point-office', reason: '本人出差，同事代领' })).body.data).toEqual(done)
    expect((await member('benefit.proxyRedeem', { voucherId: rows[0].id, pointId: 'demo-point-office', reason: 'x' })).body.error.code).toBe('FORBIDDEN')

    const today = new Intl.DateTimeFormat('sv', { timeZone: 'Asia/Shanghai' }).format(new Date())
    const report = (await redeemer('benefit.settlement', { pointId: 'demo-point-office', from: today, to: today })).body.data
    expect(report.days[0]).toMatchObject({ date: today })
    expect(report.days[0].count).toBeGreaterThanOrEqual(2)
    const ExcelJS = (await import('exceljs')).default
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(await (await fetch(report.url)).arrayBuffer()) as never)
    const cells = book.worksheets[0].getSheetValues().flat().map(String)
    expect(cells).toContain('本人出差，同事代领')
    expect(cells).toContain('陈*')
    expect(cells).not.toContain('陈静')
    const history = (await redeemer('benefit.redemptions')).body.data
    expect(history.total).toBeGreaterThanOrEqual(1)
    expect((await member('benefit.settlement', { pointId: 'demo-point-office', from: today, to: today })).body.error.code).toBe('FORBIDDEN')

    const exported = (await admin('benefit.export', { id })).body.data
    expect(exported.count).toBe((await admin('benefit.campaign', { id })).body.data.progress.issued)
  })
})

describe('the daily timer', () => {
  const runDaily = async () => {
    const { main } = await import('../../cloudfunctions/benefit')
    const { platformContext } = await import('../../emulator/app-host/function-runner')
    return main({ Type: 'Timer', TriggerName: 'daily', Time: new Date().toISOString() }, platformContext('benefit', undefined)) as Promise<{
      ok: boolean
      data: { birthdays: number; reminded: number }
    }>
  }

  it('issues cake vouchers to members whose birthday month has come, and reminds once before expiry', async () => {
    const first = await runDaily()
    expect(first.ok).toBe(true)
    const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()))
    const month = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', month: 'numeric' }).format(new Date()))
    /** This year's demo birthday-cake vouchers as they stand. */
    const cakeVouchers = async () =>
      (
        await db()
          .collection('vouchers')
          .where({ campaignId: `demo-cake-${year}` })
          .limit(100)
          .get()
      ).data
    const cakes = (await cakeVouchers()) as { memberId: string }[]
    const members = (await db().collection('members').where({ unionId: 'demo-union' }).limit(1000).get()).data as {
      _id: string
      birthday?: string
      status: string
    }[]
    const due = members.filter((m) => m.birthday && Number(m.birthday.slice(0, 2)) <= month && m._id.startsWith('demo-member'))
    const cakeHolders = new Set((await db().collection('vouchers').where({ kind: 'cake', year }).limit(1000).get()).data.map((v: any) => v.memberId))
    // Everyone due holds a cake voucher this year (from this campaign, or an earlier cake campaign in the tests).
    expect(due.every((m) => cakeHolders.has(m._id))).toBe(true)
    expect(cakes.every((v) => due.some((m) => m._id === v.memberId))).toBe(true)
    expect((await runDaily()).data.birthdays).toBe(0)

    // The union's rule, as the demo shows it: each member's voucher came in their birth month and is
    // good until the end of the next one — not everyone's at once, valid all year.
    const demoCakes = (await cakeVouchers()) as { memberId: string; issuedAt: Date; redeemUntil: Date }[]
    const monthOf = (d: Date) => Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', month: 'numeric' }).format(new Date(d)))
    for (const v of demoCakes) {
      const born = Number(members.find((m) => m._id === v.memberId)!.birthday!.slice(0, 2))
      expect(monthOf(v.issuedAt)).toBe(born)
      expect([born, born + 1].includes(monthOf(v.redeemUntil)) || monthOf(v.redeemUntil) === 12).toBe(true)
    }
    expect(new Set(demoCakes.map((v) => monthOf(v.issuedAt))).size).toBeGreaterThan(month > 2 ? 2 : 0)
    // Its books: what the functions would post — commitments for every voucher, spends for the cakes collected.
    const entries = (
      await db()
        .collection('ledger')
        .where({ 'source.id': `demo-cake-${year}` })
        .limit(1000)
        .get()
    ).data as { committed: number; spent: number }[]
    const redeemed = (
      await db()
        .collection('vouchers')
        .where({ campaignId: `demo-cake-${year}`, status: 'redeemed' })
        .count()
    ).total
    expect(entries.reduce((s, e) => s + e.committed + e.spent, 0)).toBe(demoCakes.length * 20000)
    expect(entries.reduce((s, e) => s + e.spent, 0)).toBe(redeemed * 20000)

    const id = await createCampaign({ name: '即将过期', options: [{ name: '礼盒' }], redeemUntil: at(2 * DAY), claimClosesAt: at(DAY) })
    await issueAll(id)
    const reminded = (await runDaily()).data.reminded
    expect(reminded).toBeGreaterThanOrEqual(30)
    expect((await runDaily()).data.reminded).toBe(0)
    expect(
      (await db().collection('messages').where({ memberId: 'demo-member-04', kind: 'voucher-expiring', title: '福利即将过期：即将过期' }).get()).data,
    ).toHaveLength(1)
  })
})

describe('cost', () => {
  /** Database round trips of one call, counted at the local CloudBase. */
  const trips = async (call: () => Promise<{ body: any }>) => {
    const before = app.stats.roundTrips
    const res = await call()
    return { body: res.body, n: app.stats.roundTrips - before }
  }

  it('finding the caller aside: inspect 1 round trip by QR (2 by six digits), redeem 2, the code screen 2 per refresh, 福利 1', async () => {
    const id = await createCampaign({ name: '往返测试', options: [{ name: '礼盒' }], pointIds: ['demo-point-office'] })
    await issueAll(id)
    const voucherId = (await myVoucher(member, '往返测试')).id
    // A member asking for a staff action is refused once the caller is known: that call costs exactly who the caller is.
    const identity = await trips(() => member('benefit.points'))
    expect(identity.body.error.code).toBe('FORBIDDEN')
    const caller = identity.n
    // 福利: the member's vouchers with their campaigns' options, stock and the points' addresses joined on, in one read.
    const mine = await trips(() => member('benefit.mine'))
    expect(mine.body.data.find((v: { id: string }) => v.id === voucherId)).toMatchObject({
      state: 'ready',
      options: [{ name: '礼盒' }],
      points: [{ name: '工会办公室' }],
    })
    expect(mine.n - caller).toBe(1)
    // The voucher as the member sees it (the same joined read), then the six digits' claim.
    const code = await trips(() => member('benefit.code', { voucherId }))
    expect(code.body.data.voucher).toMatchObject({ id: voucherId, state: 'ready', points: [{ name: '工会办公室' }] })
    expect(code.n - caller).toBe(2)
    // By QR: the signed token names the voucher, then the voucher. By six digits: the live code first.
    const byQr = await trips(() => redeemer('benefit.inspect', { code: code.body.data.token, pointId: 'demo-point-office' }))
    expect(byQr.n - caller).toBe(1)
    const byDigits = await trips(() => redeemer('benefit.inspect', { code: code.body.data.shortCode, pointId: 'demo-point-office' }))
    expect(byDigits.n - caller).toBeLessThanOrEqual(2)
    // One conditional write that answers the voucher, then the spend; nothing read first.
    const redeemed = await trips(() => redeemer('benefit.redeem', { ticket: byQr.body.data.ticket, requestId: 'cost-0001-abc' }))
    expect(redeemed.body.data).toMatchObject({ voucherId, pointName: '工会办公室' })
    expect(redeemed.n - caller).toBe(2)
    // Used now: the code screen's refresh answers with the voucher (已使用, when and where) instead of a code.
    const after = await trips(() => member('benefit.code', { voucherId }))
    expect(after.body.error).toMatchObject({
      code: 'ALREADY_REDEEMED',
      details: { voucher: { id: voucherId, state: 'used', redeemed: { pointName: '工会办公室', proxy: false } } },
    })
  })
})
