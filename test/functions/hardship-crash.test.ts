/**
 * The crash matrix for hardship requests: submit, approve and pay are each cut after every one of
 * their writes in turn. Then either the same caller tries again once the cut call is certainly over
 * (and the hourly repair runs), or nobody does and only the repair runs. Afterwards each request is
 * in the state asked for exactly once (one submit / approve / pay step), the ledger holds exactly one
 * commitment per approval and one spend per payment, the audit one entry each, every message went
 * out once, nothing is left marked unfinished, and the line's remainder is budget − committed − spent.
 */
import { formatShanghai } from '@shared/domain/time'
import type { CallResult } from '../support/app-server'
import { crashEachWrite, crashMatrixFile, ok, pastTimeLimit, runTimer, writesOf } from '../support/crash'
import { localDb } from '../support/local-db'
import { expectBudgetLineTrue } from '../support/budget-lines'
import { newKey } from '../support/hardship'
import { derivedId } from '../../cloudfunctions/hardship/requests.repo'

jest.setTimeout(120_000)

const { app, warnings, covered } = crashMatrixFile('hardship')
const db = localDb()
beforeAll(async () => {
  // The union's first audit entry also creates its head (one more write): done here, so every
  // approval and payment below makes the same writes as its clean run.
  await approved()
})

/** Crash points each action went through (each cut twice: once retried, once left to the repair). */
const MEMBER = 'demo-member' // 刘洋, demo-member-04
const REVIEWER = 'demo-reviewer' // 韩冰, demo-member-25
const REVIEWER_ID = 'demo-member-25'
const AMOUNT = 1_000
const today = () => formatShanghai(new Date(), 'YYYY-MM-DD')
const YEAR = Number(today().slice(0, 4))

let made = 0
/** A fresh hospital request (its own case, so the once-per-case rule never interferes). */
const form = (key = newKey()) => ({ key, category: 'hospital', description: `崩溃测试住院 ${++made}`, contact: '手机 13900000000' })
const submitted = async () => (await ok(app.call('hardship.submit', form(), MEMBER))).id as string
const underReview = async () => {
  const id = await submitted()
  await ok(app.call('hardship.take', { id }, REVIEWER))
  return id
}
const approved = async () => {
  const id = await underReview()
  await ok(app.call('hardship.approve', { id, amountFen: AMOUNT, caseLabel: `病种${id.slice(0, 8)}` }, REVIEWER))
  return id
}
const approve = (id: string, crashAfterWrites?: number) =>
  app.call('hardship.approve', { id, amountFen: AMOUNT, caseLabel: `病种${id.slice(0, 8)}` }, REVIEWER, { crashAfterWrites })

interface Doc {
  _id: string
  status: string
  approvedFen: number | null
  payment: { amountFen: number } | null
  steps: { kind: string }[]
  followUps?: Record<string, unknown>
}
const requestDoc = async (id: string) => (await db.collection('hardship_requests').doc(id).get()).data[0] as Doc

/** The invariants of one request once retries and the repair are done. */
async function expectWhole(id: string, status: 'submitted' | 'approved' | 'paid'): Promise<void> {
  const req = await requestDoc(id)
  expect(req.status).toBe(status)
  const count = (kind: string) => req.steps.filter((s) => s.kind === kind).length
  expect([count('submit'), count('approve'), count('pay')]).toEqual([1, status === 'submitted' ? 0 : 1, status === 'paid' ? 1 : 0])
  // Nothing left marked unfinished.
  expect(Object.keys(req.followUps ?? {})).toEqual([])
  const ledger = (await db.collection('ledger').where({ 'source.type': 'hardship', 'source.id': id }).limit(100).get()).data as {
    _id: string
    committed: number
    spent: number
  }[]
  const audit = (await db.collection('audit_log').where({ target: id }).limit(100).get()).data as { action: string }[]
  const told = (
    await db
      .collection('messages')
      .where({ link: `/pages/hardship/detail?id=${id}` })
      .limit(100)
      .get()
  ).data as { body: string }[]
  const newWork = (
    await db
      .collection('messages')
      .where({ memberId: REVIEWER_ID, kind: 'hardship-new', link: `/packages/reviewer/request/index?id=${id}` })
      .limit(100)
      .get()
  ).data
  // The reviewer hears of the new request once.
  expect(newWork).toHaveLength(1)
  if (status === 'submitted') {
    expect(ledger).toEqual([])
    expect(audit).toEqual([])
    return
  }
  expect(req.approvedFen).toBe(AMOUNT)
  expect(ledger.filter((e) => e._id === `hardship-approve:${id}`).map((e) => [e.committed, e.spent])).toEqual([[AMOUNT, 0]])
  expect(audit.filter((e) => e.action === 'hardship.approve')).toHaveLength(1)
  expect(told.filter((m) => m.body.startsWith('已批准'))).toHaveLength(1)
  if (status === 'paid') {
    expect(req.payment!.amountFen).toBe(AMOUNT)
    expect(ledger.filter((e) => e._id === `hardship-pay:${id}`).map((e) => [e.committed, e.spent])).toEqual([[-AMOUNT, AMOUNT]])
    expect(audit.filter((e) => e.action === 'hardship.pay')).toHaveLength(1)
    expect(told.filter((m) => m.body.includes('已于'))).toHaveLength(1)
  }
  expect(ledger).toHaveLength(status === 'paid' ? 2 : 1)
}

/** The 会员慰问 line: what remains equals budget − committed − spent by the ledger. */
const expectCareLineTrue = () => expectBudgetLineTrue(YEAR, 'care')

const repair = async () => {
  const res = await runTimer(app, 'hardship', 'reviewDue')
  expect(res.ok).toBe(true)
  return res.data as { leftSteps: number; finished: number }
}

/**
 * One action's matrix: each crash point cut twice, on fresh subjects. One is retried by the same
 * caller (which must answer plainly: the outcome asked for); the other is left alone until the
 * repair runs. Then every subject meets the invariants.
 */
async function matrix<S>(
  name: string,
  options: {
    subject: () => Promise<S>
    idOf: (s: S) => string
    call: (s: S, crashAfterWrites?: number) => Promise<CallResult>
    ends: 'submitted' | 'approved' | 'paid'
    answered: (retry: CallResult, s: S) => void
  },
) {
  const writes = await writesOf(async () => options.call(await options.subject()))
  const retried = await crashEachWrite({ writes, subject: () => options.subject(), call: options.call })
  const leftIds = await Promise.all(Array.from({ length: writes }, () => options.subject()))
  const left = await Promise.all(leftIds.map((id, i) => options.call(id, i + 1)))
  left.forEach((cut) => expect(cut.crashed).toBe(true))
  await pastTimeLimit()
  for (const { retry, subject } of retried) options.answered(retry, subject)
  const repaired = await repair()
  // Every cut left alone before its step's end was finished by the repair; the retried ones by their retry.
  expect(repaired.finished).toBe(repaired.leftSteps)
  expect(await repair()).toMatchObject({ leftSteps: 0, finished: 0 })
  // Each step finished after its call died is logged (by the retry that took it over, or the repair).
  expect(warnings.filter((w) => w.includes('hardship-step-finished')).length).toBeGreaterThanOrEqual(repaired.finished)
  for (const s of [...retried.map((r) => r.subject), ...leftIds]) await expectWhole(options.idOf(s), options.ends)
  await expectCareLineTrue()
  covered[name] = writes
  return { writes, repaired }
}

describe('crash after each write, then a retry by the same caller, then the repair', () => {
  it('submit: one request per form, the reviewers told once', async () => {
    // The subject is the form's key; the request's id derives from it (as the function makes it).
    const { writes } = await matrix('hardship.submit', {
      subject: async () => newKey(),
      idOf: (key) => derivedId('request', 'demo-union', 'demo-member-04', key),
      call: (key, crashAfterWrites) =>
        app.call('hardship.submit', { ...form(key), description: `崩溃测试提交 ${key.slice(0, 8)}` }, MEMBER, { crashAfterWrites }),
      ends: 'submitted',
      answered: (retry, key) =>
        expect(retry.body).toMatchObject({
          ok: true,
          data: { id: derivedId('request', 'demo-union', 'demo-member-04', key), status: 'submitted', memberName: '刘洋' },
        }),
    })
    // The insert, the reviewers' message, the mark cleared.
    expect(writes).toBe(3)
  })

  it('approve: approved once, one commitment, the remainder taken once; a retry answers the approved request', async () => {
    const { writes } = await matrix('hardship.approve', {
      subject: underReview,
      idOf: (id) => id,
      call: approve,
      ends: 'approved',
      answered: (retry) => expect(retry.body).toMatchObject({ ok: true, data: { status: 'approved', approvedFen: AMOUNT, reviewerName: '韩冰' } }),
    })
    // One write: the transaction (status, remainder, slot, ledger entry, audit entry and head, the member's message).
    expect(writes).toBe(1)
  })

  it('pay: paid once, one spend; a retry with the same payment answers it', async () => {
    const keys = new Map<string, string>()
    const payKey = (id: string) => keys.get(id) ?? (keys.set(id, newKey()), keys.get(id)!)
    const { writes } = await matrix('hardship.pay', {
      subject: approved,
      idOf: (id) => id,
      call: (id, crashAfterWrites) => app.call('hardship.pay', { id, key: payKey(id), method: 'cash', paidOn: today() }, REVIEWER, { crashAfterWrites }),
      ends: 'paid',
      answered: (retry) =>
        expect(retry.body).toMatchObject({ ok: true, data: { status: 'paid', payment: { amountFen: AMOUNT, method: 'cash', paidBy: '韩冰' } } }),
    })
    // One write: the transaction (status, payment, ledger entry, audit entry and head, the member's message).
    expect(writes).toBe(1)
  })

  it('the member sees each resumed step once on their own timeline', async () => {
    const id = await underReview()
    expect((await approve(id, 1)).crashed).toBe(true)
    await pastTimeLimit()
    const mine = (await ok(app.call('hardship.get', { id }, MEMBER))) as { status: string; steps: { label: string }[] }
    expect(mine.status).toBe('approved')
    expect(mine.steps.map((s) => s.label)).toEqual(['提交申请', '受理', '批准'])
    await repair()
    await expectWhole(id, 'approved')
  })

  it('another reviewer approving after a cut approval is told it is approved; nothing more is taken', async () => {
    const id = await underReview()
    expect((await approve(id, 1)).crashed).toBe(true)
    const other = await app.call('hardship.approve', { id, amountFen: AMOUNT + 1, caseLabel: '别的' }, REVIEWER)
    expect(other.body.error).toMatchObject({ code: 'CONFLICT', message: '这条申请已经批准了' })
    await pastTimeLimit()
    await repair()
    await expectWhole(id, 'approved')
    await expectCareLineTrue()
  })
})
