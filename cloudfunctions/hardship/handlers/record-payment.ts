import { findCategory, isCalendarDate, notAfterTodayRefusal, stepRefusal, type AidCategory } from '@shared/domain/hardship'
import { HARDSHIP_LABELS } from '@shared/contract/hardship.contract'
import { formatShanghai } from '@shared/domain/time'
import type { Handler } from '../../_lib/entry'
import { TransactionContended } from '../../_lib/transaction'
import { AppError, invalid } from '../../_lib/app-error'
import type { Deps } from '../../_lib/deps'
import type { CallerMember } from '../../_lib/membership'
import type { HardshipPaymentDoc, HardshipRequestDoc } from '../records'
import { changedMeanwhile, reread, toDetail } from '../requests.repo'
import { loadStepFacts } from '../step-facts.repo'
import { payBooked, StepRaced } from '../booked-steps'
import { finishStep, type RequestWithFollowUps } from '../follow-ups'

const paidAlready = (req: HardshipRequestDoc) => new AppError('CONFLICT', `这笔款项已于 ${req.payment?.paidOn ?? ''} 记录发放，不能重复记录`)

/**
 * Records that the approved sum was paid: who, when, how. One transaction moves 已批准 to 已发放,
 * spends in the ledger and appends the audit entry and the messages, so it happens once and whole;
 * the same call again (same key) answers the payment already recorded.
 */
export const recordPayment: Handler<'hardship.pay'> = async ({ deps, me, input, timeLimitMs }) => {
  const { req, policy, auditHead } = await loadStepFacts(deps, me, input.id, { grants: false })
  // The standards came with the request: the reply needs no other read.
  const category = findCategory(policy.categories, req.category) ?? null
  if (req.status === 'paid') return paidBefore(deps, me, req, input.key, timeLimitMs, category)
  const refusal = stepRefusal(req.status, 'pay')
  if (refusal) throw new AppError('CONFLICT', refusal)
  const now = deps.clock.now()
  if (!isCalendarDate(input.paidOn)) throw invalid('发放日期不是有效日期', { field: 'paidOn' })
  const later = notAfterTodayRefusal(HARDSHIP_LABELS.paidOn, input.paidOn, formatShanghai(now, 'YYYY-MM-DD'))
  if (later) throw invalid(later, { field: 'paidOn' })
  const approvedOn = [...req.steps].reverse().find((s) => s.kind === 'approve')
  if (approvedOn && input.paidOn < formatShanghai(approvedOn.at, 'YYYY-MM-DD')) throw invalid('发放日期不能早于批准日期', { field: 'paidOn' })

  const payment: HardshipPaymentDoc = {
    amountFen: req.approvedFen ?? 0,
    method: input.method,
    paidOn: input.paidOn,
    note: input.note,
    by: me.member._id,
    byName: me.member.name,
    at: now,
    key: input.key,
  }
  let moved: RequestWithFollowUps
  try {
    moved = await payBooked(deps, me, req, payment, auditHead)
  } catch (error) {
    // Raced (another step landed first) or contended: what the request says now decides the answer.
    if (!(error instanceof StepRaced || error instanceof TransactionContended)) throw error
    const current = await reread(deps, req._id)
    if (current.status === 'paid') return paidBefore(deps, me, current, input.key, timeLimitMs, category)
    throw new AppError('CONFLICT', stepRefusal(current.status, 'pay') ?? changedMeanwhile().message)
  }
  return toDetail(deps, me, moved, { category })
}

/** Paid already: with this payment's key, the payment recorded (finished if an earlier version's try was cut); otherwise refused. */
async function paidBefore(deps: Deps, me: CallerMember, req: RequestWithFollowUps, key: string, timeLimitMs: number, category: AidCategory | null) {
  if (req.payment?.key !== key) throw paidAlready(req)
  await finishStep(deps, req, 'pay', { timeLimitMs })
  return toDetail(deps, me, req, { category })
}
