import { appServerForFile } from '../support/app-server'
import { callerAs, demoCallers, type Caller } from '../support/callers'
import { activityForm, eventHours, financeWalkForm } from '../support/activity-form'
import { campaignDays } from '../support/campaign-form'
import { localDb as db } from '../support/local-db'
import { THIS_YEAR as YEAR } from '../support/time'
import { uploadInvoice } from '../support/uploads'
import { seedManyMembers } from '../support/many-members'
import { writeCount } from '../support/write-count'
import { newKey } from '../support/form-key'

jest.setTimeout(120_000)

const app = appServerForFile()
const as = (openid: string) => callerAs(app, openid)
const { admin, leader, member, auditor } = demoCallers(app)
let secondAdmin: Caller

beforeAll(async () => {
  const [other] = await seedManyMembers(1, 'second-admin')
  await db()
    .collection('roles')
    .add({ _id: `${other}:admin`, unionId: 'demo-union', memberId: other, role: 'admin' })
  secondAdmin = as(other)
})

const upload = (openid: string) => uploadInvoice(app, openid)

/** A department event by 李娜 (财务科 leader) that happened in the current year. */
const leaderEvent = async () => {
  const res = await leader('activity.create', financeWalkForm())
  return res.body.data.id as string
}
const items = [
  { name: '矿泉水', quantity: 20, unitPrice: 250 },
  { name: '横幅', quantity: 1, unitPrice: 12000 },
]

const sumLedger = async (where: object) => {
  const rows = (
    await db()
      .collection('ledger')
      .where({ unionId: 'demo-union', ...where })
      .limit(1000)
      .get()
  ).data as { committed: number; spent: number }[]
  return { committed: rows.reduce((s, r) => s + r.committed, 0), spent: rows.reduce((s, r) => s + r.spent, 0) }
}

describe('budget', () => {
  it('the admin sets the year’s lines; execution shows budget, committed, spent, remaining; auditors read and change nothing', async () => {
    const view = (await admin('funds.setBudget', { year: YEAR, lines: { training: 3_500_000 } })).body.data
    expect(view.lines.find((l: { line: string }) => l.line === 'training')).toMatchObject({ name: '培训', budget: 3_500_000 })
    expect((await auditor('funds.budget', { year: YEAR })).body.data.lines).toHaveLength(7)
    const before = writeCount(app.stats)
    expect((await auditor('funds.setBudget', { year: YEAR, lines: { training: 1 } })).body.error.code).toBe('FORBIDDEN')
    expect((await member('funds.budget', { year: YEAR })).body.error.code).toBe('FORBIDDEN')
    expect((await admin('funds.setBudget', { year: YEAR, lines: { training: -5 } })).body.error.code).toBe('INVALID_ARGUMENT')
    expect(writeCount(app.stats)).toBe(before)
  })

  it('a line cannot be set below what it has used', async () => {
    const id = await leaderEvent()
    const claim = (await leader('funds.recordExpense', { key: newKey(), activityId: id, items, invoiceFileIds: [await upload('demo-leader')] })).body.data
    await admin('funds.decideExpense', { id: claim.id, approve: true })
    const used = (await admin('funds.budget', { year: YEAR })).body.data.lines.find((l: { line: string }) => l.line === 'activities')
    const res = await admin('funds.setBudget', { year: YEAR, lines: { activities: used.spent - 1 } })
    expect(res.body.error.message).toMatch(/^「文体活动」已使用 \d+\.\d{2} 元，预算不能少于此数$/)
  })
})

describe('activity expenses', () => {
  it('the organizer claims with invoice and items; an admin approves; the spend is posted once', async () => {
    const id = await leaderEvent()
    const invoice = await upload('demo-leader')
    const claim = (await leader('funds.recordExpense', { key: newKey(), activityId: id, items, invoiceFileIds: [invoice] })).body.data
    expect(claim).toMatchObject({ amount: 17000, status: 'pending', requestedBy: '李娜' })
    expect(claim.invoiceUrls).toHaveLength(1)
    expect((await leader('funds.expenses')).body.data.items.map((e: { id: string }) => e.id)).toContain(claim.id)
    // Another organizer's claims are not theirs to see; an admin sees all, or with `mine` only their own.
    expect((await member('funds.expenses')).body.data.items).toEqual([])
    expect((await admin('funds.expenses')).body.data.items.map((e: { id: string }) => e.id)).toContain(claim.id)
    expect((await admin('funds.expenses', { mine: true })).body.data.items.map((e: { id: string }) => e.id)).not.toContain(claim.id)

    const approved = (await admin('funds.decideExpense', { id: claim.id, approve: true })).body.data
    expect(approved).toMatchObject({ status: 'approved', decidedBy: '张伟' })
    // The same approval again (a retry after a lost answer) answers the approved claim; anyone else is told.
    const before = writeCount(app.stats)
    expect((await admin('funds.decideExpense', { id: claim.id, approve: true })).body.data).toMatchObject({
      status: 'approved',
      decidedBy: '张伟',
      decidedAt: approved.decidedAt,
    })
    expect(writeCount(app.stats)).toBe(before)
    expect((await admin('funds.decideExpense', { id: claim.id, approve: false, reason: '重复' })).body.error).toMatchObject({
      code: 'CONFLICT',
      message: '这笔报销已经审批通过',
    })
    expect((await secondAdmin('funds.decideExpense', { id: claim.id, approve: true })).body.error).toMatchObject({
      code: 'CONFLICT',
      message: '这笔报销已经审批通过',
    })
    expect(
      (
        await db()
          .collection('ledger')
          .where({ _id: `activity-expense:${claim.id}` })
          .get()
      ).data,
    ).toHaveLength(1)
  })

  it('refuses zero, negative and absurd amounts, someone else’s invoice, and non-organizers — nothing written', async () => {
    const id = await leaderEvent()
    const invoice = await upload('demo-leader')
    const before = writeCount(app.stats)
    const claim = (over: object) =>
      leader('funds.recordExpense', { key: newKey(), activityId: id, items, invoiceFileIds: [invoice], ...over }).then((r) => r.body.error)
    expect(await claim({ items: [{ name: '矿泉水', quantity: 1, unitPrice: 0 }] })).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '第 1 项「矿泉水」单价：金额必须大于 0',
    })
    expect((await claim({ items: [{ name: '退款', quantity: 1, unitPrice: -500 }] })).message).toBe('第 1 项「退款」单价：金额必须大于 0')
    expect((await claim({ items: [{ name: '场地', quantity: 100, unitPrice: 900_000_000 }] })).message).toBe('合计金额不能超过 10,000,000.00 元，请核对')
    expect((await claim({ invoiceFileIds: [invoice.replace('/uploads/demo-leader/', '/uploads/demo-member/')] })).message).toBe('发票照片需要由您本人上传')
    expect((await member('funds.recordExpense', { key: newKey(), activityId: id, items, invoiceFileIds: [invoice] })).body.error.code).toBe('FORBIDDEN')
    expect(writeCount(app.stats)).toBe(before)
  })

  it('nobody approves their own claim; an approval beyond the line’s remainder shows both numbers; nothing written', async () => {
    const invoice = await upload('demo-admin')
    const own = await admin(
      'activity.create',
      activityForm({ title: '全会联欢', type: '联欢', place: '礼堂', ...eventHours({ start: 3, end: 5, closes: 1, cancelBy: 1 }), capacity: null }),
    )
    const claim = (
      await admin('funds.recordExpense', {
        key: newKey(),
        activityId: own.body.data.id,
        items: [{ name: '舞台', quantity: 1, unitPrice: 99_000_000 }],
        invoiceFileIds: [invoice],
      })
    ).body.data
    const before = writeCount(app.stats)
    expect((await admin('funds.decideExpense', { id: claim.id, approve: true })).body.error).toMatchObject({
      code: 'FORBIDDEN',
      message: '不能审批自己提交的报销，请由另一位管理员审批',
    })
    expect((await leader('funds.decideExpense', { id: claim.id, approve: true })).body.error.code).toBe('FORBIDDEN')
    expect(writeCount(app.stats)).toBe(before)
    const over = (await secondAdmin('funds.decideExpense', { id: claim.id, approve: true })).body.error
    expect(over.code).toBe('INVALID_ARGUMENT')
    expect(over.message).toMatch(/^超出「文体活动」预算余额：余额 [\d,]+\.\d{2} 元，本次 990,000\.00 元$/)
    expect((await secondAdmin('funds.decideExpense', { id: claim.id, approve: false, reason: '超预算，请拆分' })).body.data.status).toBe('rejected')
  })

  it('two admins approving the last of a line at once: one approval fits, the other is refused', async () => {
    await admin('funds.setBudget', {
      year: YEAR,
      lines: {
        activities:
          (await admin('funds.budget', { year: YEAR })).body.data.lines[0].committed +
          (await admin('funds.budget', { year: YEAR })).body.data.lines[0].spent +
          20_000,
      },
    })
    const id = await leaderEvent()
    const invoice = await upload('demo-leader')
    const claimFor = async (name: string) =>
      (await leader('funds.recordExpense', { key: newKey(), activityId: id, items: [{ name, quantity: 1, unitPrice: 15_000 }], invoiceFileIds: [invoice] }))
        .body.data
    const a = await claimFor('奖品')
    const b = await claimFor('奖杯')
    const results = await Promise.all([
      admin('funds.decideExpense', { id: a.id, approve: true }),
      secondAdmin('funds.decideExpense', { id: b.id, approve: true }),
    ])
    expect(results.filter((r) => r.body.ok)).toHaveLength(1)
    expect(results.find((r) => !r.body.ok)!.body.error.message).toMatch(/^超出「文体活动」预算余额/)
    const line = (await admin('funds.budget', { year: YEAR })).body.data.lines[0]
    expect(line.remaining).toBe(5_000)
    await admin('funds.setBudget', { year: YEAR, lines: { activities: 15_000_000 } })
  })
})

describe('the ledger equals its sources', () => {
  it('activities: spent equals the approved claims', async () => {
    const approved = (await db().collection('expenses').where({ unionId: 'demo-union', status: 'approved' }).limit(1000).get()).data as { amount: number }[]
    const ledger = await sumLedger({ 'source.type': 'activity' })
    expect(ledger).toEqual({ committed: 0, spent: approved.reduce((s, e) => s + e.amount, 0) })
    expect(ledger.spent).toBeGreaterThan(0)
  })

  it('benefits: committed at issue, turned into spending at redemption, equal to the vouchers', async () => {
    const campaign = (
      await admin('benefit.createCampaign', {
        kind: 'holiday',
        name: `${YEAR}年台账测试慰问品`,
        faceValue: 20_000,
        options: [{ name: '礼盒' }],
        ...campaignDays({ claimCloses: 5, redeemUntil: 10 }),
        pointIds: ['demo-point-office'],
      })
    ).body.data
    for (let i = 0; i < 10; i++) if ((await admin('benefit.issue', { id: campaign.id })).body.data.done) break
    const mine = ((await member('benefit.mine')).body.data as { id: string; name: string }[]).find((v) => v.name === campaign.name)!
    const code = (await member('benefit.code', { voucherId: mine.id })).body.data
    const seen = (await as('demo-redeemer')('benefit.inspect', { code: code.token, pointId: 'demo-point-office' })).body.data
    await as('demo-redeemer')('benefit.redeem', { ticket: seen.ticket, requestId: 'ledger-test-1' })
    await as('demo-redeemer')('benefit.redeem', { ticket: seen.ticket, requestId: 'ledger-test-1' })

    const vouchers = (await db().collection('vouchers').where({ campaignId: campaign.id }).limit(1000).get()).data as { status: string; faceValue: number }[]
    const redeemed = vouchers.filter((v) => v.status === 'redeemed').length
    expect(redeemed).toBe(1)
    expect(await sumLedger({ 'source.id': campaign.id })).toEqual({ committed: (vouchers.length - redeemed) * 20_000, spent: redeemed * 20_000 })
    const holiday = (await admin('funds.budget', { year: YEAR })).body.data.lines.find((l: { line: string }) => l.line === 'holiday')
    expect(holiday.committed + holiday.spent).toBeGreaterThanOrEqual(vouchers.length * 20_000)
  })
})

describe('corrections and closed years', () => {
  it('a posted entry is never edited: a correction is a new reversing entry, once', async () => {
    const entry = (await admin('funds.ledger', { year: YEAR, line: 'activities' })).body.data.items.find(
      (e: { reverses: string | null; reversedBy: string | null }) => !e.reverses && !e.reversedBy,
    )
    const before = (await admin('funds.budget', { year: YEAR })).body.data.lines[0]
    const fix = (await admin('funds.correct', { entryId: entry.id, reason: '发票重复报销' })).body.data
    expect(fix).toMatchObject({ reverses: entry.id, spent: -entry.spent, memo: '冲正：发票重复报销' })
    expect((await admin('funds.budget', { year: YEAR })).body.data.lines[0].spent).toBe(before.spent - entry.spent)
    const again = writeCount(app.stats)
    expect((await admin('funds.correct', { entryId: entry.id, reason: '再冲一次' })).body.error).toMatchObject({
      code: 'CONFLICT',
      message: '这笔分录已经冲正过了',
    })
    expect((await admin('funds.correct', { entryId: fix.id, reason: '冲正的冲正' })).body.error.message).toBe('冲正分录不能再冲正')
    expect((await auditor('funds.correct', { entryId: entry.id, reason: '审查' })).body.error.code).toBe('FORBIDDEN')
    expect(writeCount(app.stats)).toBe(again)
    expect((await admin('funds.ledger', { year: YEAR, line: 'activities' })).body.data.items.find((e: { id: string }) => e.id === entry.id).reversedBy).toBe(
      fix.id,
    )
  })

  it('a closed year takes no more postings; the current year cannot be closed', async () => {
    expect((await admin('funds.closeYear', { year: YEAR })).body.error.message).toBe('只能结账已经过去的年份')
    expect((await admin('funds.closeYear', { year: YEAR - 1 })).body.data.closed).toBe(true)
    const before = writeCount(app.stats)
    expect((await admin('funds.setBudget', { year: YEAR - 1, lines: { other: 100 } })).body.error).toMatchObject({
      code: 'CLOSED',
      message: `${YEAR - 1} 年已结账，不能再记账`,
    })
    expect(writeCount(app.stats)).toBe(before)
  })
})

describe('the audit trail', () => {
  it('budget changes, roles, approvals and ledger seals are chained; the check says intact', async () => {
    const result = (await auditor('funds.verify')).body.data
    expect(result).toMatchObject({ ok: true, brokenAt: null })
    expect(result.checked).toBeGreaterThan(3)
    const actions = (await auditor('funds.auditLog', { pageSize: 100 })).body.data.items.map((e: { action: string }) => e.action)
    expect(actions).toEqual(
      expect.arrayContaining(['budget.set', 'expense.approve', 'expense.reject', 'ledger.seal', 'ledger.correct', 'year.close', 'campaign.create']),
    )
    expect((await member('funds.verify')).body.error.code).toBe('FORBIDDEN')
  })

  it('finds a ledger entry changed directly in the database, and an audit entry changed or removed', async () => {
    await auditor('funds.verify')
    const entry = (await db().collection('ledger').where({ unionId: 'demo-union', 'source.type': 'activity' }).limit(1).get()).data[0] as {
      _id: string
      spent: number
    }
    await db()
      .collection('ledger')
      .doc(entry._id)
      .update({ spent: entry.spent + 100 })
    const tampered = (await auditor('funds.verify')).body.data
    expect(tampered).toMatchObject({ ok: false, reason: expect.stringMatching(new RegExp(`^第 \\d+ 条记录担保的分录 ${entry._id} 被改动$`)) })
    await db().collection('ledger').doc(entry._id).update({ spent: entry.spent })
    expect((await auditor('funds.verify')).body.data.ok).toBe(true)

    const log = (await db().collection('audit_log').where({ unionId: 'demo-union', seq: 2 }).get()).data[0] as { _id: string; target: string }
    await db().collection('audit_log').doc(log._id).update({ target: '改过的' })
    expect((await auditor('funds.verify')).body.data).toMatchObject({ ok: false, brokenAt: 2, reason: '第 2 条记录的内容被改动' })
    await db().collection('audit_log').doc(log._id).update({ target: log.target })
    expect((await auditor('funds.verify')).body.data.ok).toBe(true)

    const { _id, ...third } = (await db().collection('audit_log').where({ unionId: 'demo-union', seq: 3 }).get()).data[0] as { _id: string }
    await db().collection('audit_log').doc(_id).remove()
    expect((await auditor('funds.verify')).body.data).toMatchObject({ ok: false, brokenAt: 3, reason: '缺少第 3 条记录' })
    await db()
      .collection('audit_log')
      .add({ _id, ...third })
    expect((await auditor('funds.verify')).body.data.ok).toBe(true)
  })
})

describe('reports and the members’ page', () => {
  it('the execution report downloads as XLSX with every line and the entries', async () => {
    const report = (await auditor('funds.report', { year: YEAR })).body.data
    expect(report.lines.map((l: { name: string }) => l.name)).toEqual(['文体活动', '节日慰问品', '蛋糕券', '会员慰问', '困难帮扶', '培训', '其他'])
    const ExcelJS = (await import('exceljs')).default
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(await (await fetch(report.url)).arrayBuffer()) as never)
    expect(book.worksheets.map((w) => w.name)).toEqual(['预算执行', '分录明细'])
    expect(book.worksheets[0].getRow(1).values).toEqual([undefined, '科目', '预算（元）', '已承诺（元）', '已支出（元）', '结余（元）', '执行率'])
    expect(book.worksheets[0].getRow(9).getCell(1).value).toBe('合计')
  })

  it('公开栏: any member sees spending per line and quarter, totals only — no names, memos or entries', async () => {
    const body = (await member('funds.public', { year: YEAR })).body
    expect(body.data.lines).toHaveLength(7)
    expect(body.data.total).toBe(body.data.lines.reduce((s: number, l: { total: number }) => s + l.total, 0))
    const text = JSON.stringify(body)
    for (const leak of ['李娜', '张伟', '刘洋', '矿泉水', '财务科健步走', 'activity-expense', '冲正']) expect(text).not.toContain(leak)
  })
})
