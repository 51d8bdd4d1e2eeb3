import { formatYuan } from '@shared/domain/money'
import { appendAudit } from '../_lib/audit'
import type { Deps } from '../_lib/deps'
import { clearFollowUp, isLeft, newFollowUp, takeOver } from '../_lib/follow-up'
import { postIn, requireOpenYearIn, takeRemainderIn } from '../_lib/ledger-transaction'
import type { CallerMember } from '../_lib/membership'
import { inTransaction } from '../_lib/transaction'
import { auditEntryWhere } from '../_lib/audit'
import { decideIn, expenseIn, lapsedDecisions, rejectIfPending, type ExpenseDoc, EXPENSES } from './expenses.repo'

/**
 * An activity expense claim and its decision. Approval is one transaction: the claim moves from
 * pending to approved, the 文体活动 line's remainder is taken and the spend is posted, together — a
 * call cut before the commit changed nothing, after it the books are whole. A refusal is one
 * conditional write. Either way the audit entry follows under a follow-up mark (token + deadline),
 * finished by a retry of the same decision or by the repair once the call is certainly dead.
 */
export { EXPENSES, type ExpenseDoc } from './expenses.repo'

/** The claim was decided by someone else meanwhile: nothing written. */
export class AlreadyDecided extends Error {}

const decision = (deps: Deps, me: CallerMember, approve: boolean, reason: string, timeLimitMs: number) => ({
  status: approve ? ('approved' as const) : ('rejected' as const),
  decidedBy: me.member._id,
  decidedByName: me.member.name,
  decidedAt: deps.clock.now(),
  reason,
  followUp: newFollowUp(deps, timeLimitMs),
})

/** Approves: refused (nothing written) when the year is closed or the line lacks the amount. */
export async function approveExpense(deps: Deps, me: CallerMember, e: ExpenseDoc, timeLimitMs: number): Promise<ExpenseDoc> {
  return inTransaction(deps, async (tx) => {
    const current = await expenseIn(tx, e._id)
    if (current?.status !== 'pending') throw new AlreadyDecided()
    await requireOpenYearIn(tx, e.unionId, e.year)
    await takeRemainderIn(tx, deps, e.unionId, e.year, 'activities', e.amount)
    await postIn(
      tx,
      {
        _id: `activity-expense:${e._id}`,
        unionId: e.unionId,
        year: e.year,
        line: 'activities',
        committed: 0,
        spent: e.amount,
        source: { type: 'activity', id: e.activityId },
        memo: `活动费用：${e.activityTitle}`,
        by: me.member._id,
        byName: me.member.name,
      },
      deps.clock.now(),
    )
    const set = decision(deps, me, true, '', timeLimitMs)
    await decideIn(tx, deps, e._id, set)
    return { ...current, ...set }
  })
}

/** Returns the claim with a reason: one conditional write from pending. */
export async function rejectExpense(deps: Deps, me: CallerMember, e: ExpenseDoc, reason: string, timeLimitMs: number): Promise<ExpenseDoc> {
  const set = decision(deps, me, false, reason, timeLimitMs)
  if (!(await rejectIfPending(deps, e._id, set))) throw new AlreadyDecided()
  return { ...e, ...set }
}

/**
 * The decision's audit entry, then the mark cleared. The deciding call passes its token; a retry or
 * the repair passes none and takes the mark over only past its deadline ('busy' otherwise), looking
 * for the entry first (a claim is decided once, so action and claim id name it).
 */
export async function finishDecision(deps: Deps, e: ExpenseDoc, options: { token?: string; timeLimitMs: number }): Promise<'done' | 'busy' | 'none'> {
  const left = e.followUp
  if (!left || e.status === 'pending') return 'none'
  let token = options.token
  const resumed = token === undefined
  if (token === undefined) {
    if (!isLeft(left, deps.clock.now())) return 'busy'
    const mine = await takeOver(deps, EXPENSES, e._id, 'followUp', left, options.timeLimitMs)
    if (!mine) return 'busy'
    token = mine.token
  }
  const action = e.status === 'approved' ? 'expense.approve' : 'expense.reject'
  const there = resumed && (await auditEntryWhere(deps, e.unionId, { action, 'data.expenseId': e._id }))
  if (!there) {
    await appendAudit(deps, {
      unionId: e.unionId,
      actor: e.decidedBy ?? 'system',
      actorName: e.decidedByName ?? '系统',
      action,
      target: `${e.activityTitle}：${formatYuan(e.amount)} 元`,
      data: { expenseId: e._id, amount: e.amount, activityId: e.activityId, reason: e.reason },
    })
  }
  await clearFollowUp(deps, EXPENSES, e._id, 'followUp', token)
  if (resumed) deps.log('warn', 'expense-decision-finished', { expense: e._id, status: e.status })
  return 'done'
}

/** CloudBase stops a funds call after 20 s (config.json); a timer that is not told uses that. */
const TIME_LIMIT_MS = 20_000

/**
 * The repair (for the funds hourly timer): every decision whose call died before its audit entry is
 * finished. The books need nothing here: the spend and the remainder moved in the approval's commit.
 */
export async function finishExpenseDecisions(deps: Deps, context?: { readonly timeLimitMs?: number }): Promise<{ leftDecisions: number; finished: number }> {
  const now = deps.clock.now()
  const left = await lapsedDecisions(deps, now)
  let finished = 0
  for (const e of left) if ((await finishDecision(deps, e, { timeLimitMs: context?.timeLimitMs ?? TIME_LIMIT_MS })) === 'done') finished++
  return { leftDecisions: left.length, finished }
}
