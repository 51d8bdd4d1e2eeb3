import { isCalendarDate, stepRefusal } from '@shared/domain/hardship'
import { formatShanghai } from '@shared/domain/time'
import type { Handler } from '../../_lib/entry'
import { TransactionContended } from '../../_lib/transaction'
import { AppError, invalid } from '../../_lib/app-error'
import type { Deps } from '../../_lib/deps'
import type { HardshipPaymentDoc, HardshipRequestDoc } from '../../_lib/documents'
import type { CallerMember } from '../../_lib/membership'
import { changedMeanwhile, loadForDecision, reread, toDetail } from '../requests.repo'
import { payBooked, StepRaced } from '../booked-steps'
import { finishStep, type RequestWithFollowUps } from '../follow-ups'

const paidAlready = (req: HardshipRequestDoc) => new AppError('CONFLICT', `这笔款项已于 ${req.payment?.paidOn ?? ''} 记录发放，不能重复记录`)

/**
 * Records that the approved sum was paid: who, when, how. One transaction moves 已批准 to 已发放 and
 * spends in the ledger, so it happens once; the same call again (same key) answers the payment
 * already recorded, finishing what a cut try left (its audit entry and messages).
 */
export const recordPayment: Handler<'hardship.pay'> = async ({ deps, me, input, timeLimitMs }) => {
  const req = await loadForDecision(deps, me, input.id)
  if (req.status === 'paid') return paidBefore(deps, me, req, input.key, timeLimitMs)
  const refusal = stepRefusal(req.status, 'pay')
  if (refusal) throw new AppError('CONFLICT', refusal)
  const now = deps.clock.now()
  if (!isCalendarDate(input.paidOn)) throw invalid('发放日期不是有效日期', { field: 'paidOn' })
  if (input.paidOn > formatShanghai(now, 'YYYY-MM-DD')) throw invalid('发放日期不能晚于今天', { field: 'paidOn' })
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
    moved = await payBooked(deps, me, req, payment, timeLimitMs)
  } catch (error) {
    // Raced (another step landed first) or contended: what the request says now decides the answer.
    if (!(error instanceof StepRaced || error instanceof TransactionContended)) throw error
    const current = await reread(deps, req._id)
    if (current.status === 'paid') return paidBefore(deps, me, current, input.key, timeLimitMs)
    throw new AppError('CONFLICT', stepRefusal(current.status, 'pay') ?? changedMeanwhile().message)
  }
  await finishStep(deps, moved, 'pay', { token: moved.followUps!.pay!.token, timeLimitMs })
  return toDetail(deps, me, moved)
}

/** Paid already: with this payment's key, the payment recorded (finished if a try was cut); otherwise refused. */
async function paidBefore(deps: Deps, me: CallerMember, req: RequestWithFollowUps, key: string, timeLimitMs: number) {
  if (req.payment?.key !== key) throw paidAlready(req)
  await finishStep(deps, req, 'pay', { timeLimitMs })
  return toDetail(deps, me, req)
}
