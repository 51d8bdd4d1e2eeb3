/**
 * The crash matrix for activity expense decisions: approving and returning a claim are each cut
 * after every one of their writes in turn. Then either the same admin tries again once the cut call
 * is certainly over, or nobody does and only the repair (finishExpenseDecisions, for the funds
 * hourly timer) runs. Afterwards each claim is decided once as asked, the ledger holds exactly one
 * spend per approval (none per refusal), the audit one entry each, no mark is left, and the 文体活动
 * line's remainder is budget − committed − spent.
 */
import { crashEachWrite, crashMatrixFile, pastTimeLimit, runTimer, writesOf } from '../support/crash'
import { financeWalkForm } from '../support/activity-form'
import { expectBudgetLineTrue } from '../support/budget-lines'
import { localDb } from '../support/local-db'
import { THIS_YEAR as YEAR } from '../support/time'
import { uploadInvoice } from '../support/uploads'
import { newKey } from '../support/form-key'

jest.setTimeout(120_000)

const { app, covered } = crashMatrixFile('expense')
const db = localDb()
let activityId = ''
let invoice = ''
beforeAll(async () => {
  activityId = (await app.call('activity.create', financeWalkForm(), 'demo-leader')).body.data.id
  invoice = await uploadInvoice(app, 'demo-leader')
  // The union's first audit entry also creates its head (one more write): done here.
  await decide(await claim())
})

const AMOUNT = 500
/** A fresh claim by 李娜 for her department's event. */
async function claim(): Promise<string> {
  const res = await app.call(
    'funds.recordExpense',
    { key: newKey(), activityId, items: [{ name: '矿泉水', quantity: 2, unitPrice: AMOUNT / 2 }], invoiceFileIds: [invoice] },
    'demo-leader',
  )
  if (!res.body.ok) throw new Error(`claim failed: ${JSON.stringify(res.body)}`)
  return res.body.data.id
}
const decide = (id: string, crashAfterWrites?: number, approve = true) =>
  app.call('funds.decideExpense', { id, approve, reason: approve ? '' : '发票不清晰' }, 'demo-admin', { crashAfterWrites })

/** The repair as CloudBase runs it: the funds hourly timer (seal), which finishes cut expense decisions first. */
const repair = async () => {
  const res = await runTimer(app, 'funds', 'seal')
  if (!res.ok) throw new Error(`seal timer failed: ${JSON.stringify(res)}`)
  return res.data.expenseDecisionsFinished as number
}

async function expectWhole(id: string, status: 'approved' | 'rejected'): Promise<void> {
  const e = (await db.collection('expenses').doc(id).get()).data[0] as { status: string; decidedByName: string; followUp?: unknown }
  expect(e).toMatchObject({ status, decidedByName: '张伟' })
  expect(e.followUp).toBeUndefined()
  const ledger = (
    await db
      .collection('ledger')
      .where({ _id: `activity-expense:${id}` })
      .get()
  ).data as { committed: number; spent: number }[]
  expect(ledger.map((x) => [x.committed, x.spent])).toEqual(status === 'approved' ? [[0, AMOUNT]] : [])
  const audit = (await db.collection('audit_log').where({ 'data.expenseId': id }).limit(10).get()).data as { action: string }[]
  expect(audit.map((a) => a.action)).toEqual([status === 'approved' ? 'expense.approve' : 'expense.reject'])
}

const expectActivitiesLineTrue = () => expectBudgetLineTrue(YEAR, 'activities')

async function matrix(name: string, approve: boolean): Promise<number> {
  const call = (id: string, k?: number) => decide(id, k, approve)
  const writes = await writesOf(async () => call(await claim()))
  const retried = await crashEachWrite({ writes, subject: claim, call })
  const leftIds = await Promise.all(Array.from({ length: writes }, claim))
  const cuts = await Promise.all(leftIds.map((id, i) => call(id, i + 1)))
  cuts.forEach((cut) => expect(cut.crashed).toBe(true))
  await pastTimeLimit()
  for (const { retry } of retried) expect(retry.body).toMatchObject({ ok: true, data: { status: approve ? 'approved' : 'rejected', decidedBy: '张伟' } })
  // Left alone, every cut before the mark was cleared is finished by the hourly job, once.
  expect(await repair()).toBeGreaterThanOrEqual(writes - 1)
  expect(await repair()).toBe(0)
  for (const id of [...retried.map((r) => r.subject), ...leftIds]) await expectWhole(id, approve ? 'approved' : 'rejected')
  await expectActivitiesLineTrue()
  covered[name] = writes
  return writes
}

describe('crash after each write, then a retry by the same admin, then the repair', () => {
  it('approve: decided once, one spend, the remainder taken once; a retry answers the approved claim', async () => {
    // The transaction, the audit entry and its head, the mark cleared.
    expect(await matrix('funds.decideExpense (approve)', true)).toBe(4)
  })

  it('return: decided once, nothing spent; a retry answers the returned claim', async () => {
    // The decision, the audit entry and its head, the mark cleared.
    expect(await matrix('funds.decideExpense (return)', false)).toBe(4)
  })

  it('another admin deciding a claim whose approval was cut is told it is approved', async () => {
    const id = await claim()
    expect((await decide(id, 1)).crashed).toBe(true)
    const other = await app.call('funds.decideExpense', { id, approve: false, reason: '不同意' }, 'demo-admin')
    expect(other.body.error).toMatchObject({ code: 'CONFLICT', message: '这笔报销已经审批通过' })
    await pastTimeLimit()
    await repair()
    await expectWhole(id, 'approved')
    await expectActivitiesLineTrue()
  })
})

describe('recording a claim: cut after its write, the same form sent again', () => {
  const send = (key: string, item: string, crashAfterWrites?: number) =>
    app.call('funds.recordExpense', { key, activityId, items: [{ name: item, quantity: 1, unitPrice: AMOUNT }], invoiceFileIds: [invoice] }, 'demo-leader', {
      crashAfterWrites,
    })
  /** The claims whose first item is this one (each subject claims an item of its own). */
  const claimsFor = async (item: string) =>
    (await db.collection('expenses').where({ activityId, 'items.0.name': item }).limit(10).get()).data as { _id: string }[]

  it('answers the one claim it made, pending, and a third sending still makes none more', async () => {
    const writes = await writesOf(() => send(newKey(), '横幅'))
    expect(writes).toBe(1)
    let n = 0
    const results = await crashEachWrite({
      writes,
      subject: async () => ({ key: newKey(), item: `奖品${++n}` }),
      call: ({ key, item }, k) => send(key, item, k),
    })
    covered['funds.recordExpense'] = results.length
    for (const {
      subject: { key, item },
      retry,
    } of results) {
      expect(retry.body).toMatchObject({ ok: true, data: { amount: AMOUNT, status: 'pending', requestedBy: '李娜' } })
      expect((await claimsFor(item)).map((e) => e._id)).toEqual([retry.body.data.id])
      expect((await send(key, item)).body.data.id).toBe(retry.body.data.id)
      expect(await claimsFor(item)).toHaveLength(1)
    }
  })

  it('a claim decided meanwhile is answered as it now stands, and is not claimed again', async () => {
    const key = newKey()
    expect((await send(key, '场地费', 1)).crashed).toBe(true)
    const [made] = await claimsFor('场地费')
    expect((await decide(made._id)).body.ok).toBe(true)
    const again = await send(key, '场地费')
    expect(again.body.data).toMatchObject({ id: made._id, status: 'approved', decidedBy: '张伟' })
    expect(await claimsFor('场地费')).toHaveLength(1)
    await expectWhole(made._id, 'approved')
    await expectActivitiesLineTrue()
  })
})
