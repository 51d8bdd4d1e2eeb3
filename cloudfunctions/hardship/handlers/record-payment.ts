import { isCalendarDate, stepRefusal } from '@shared/domain/hardship'
import { formatShanghai } from '@shared/domain/time'
import type { Handler } from '../../_lib/entry'
import { AppError, invalid } from '../../_lib/app-error'
import type { HardshipPaymentDoc, HardshipRequestDoc } from '../../_lib/documents'
import { applyStep, changedMeanwhile, loadForDecision, reread, toDetail } from '../requests.repo'
import { tellStep } from '../tell'
import { ensureSpendPosted, spendPaid } from '../ledger'

const paidAlready = (req: HardshipRequestDoc) => new AppError('CONFLICT', `这笔款项已于 ${req.payment?.paidOn ?? ''} 记录发放，不能重复记录`)

/**
 * Records that the approved sum was paid: who, when, how. One conditional write from 已批准 to 已发放,
 * so it happens once; the same call again (same key) answers the payment already recorded.
 */
export const recordPayment: Handler<'hardship.pay'> = async ({ deps, me, input }) => {
  const req = await loadForDecision(deps, me, input.id)
  if (req.status === 'paid') {
    // A retry also posts the spend again (the same entry), healing one lost between the two writes.
    if (req.payment?.key === input.key) return (await ensureSpendPosted(deps, me, req), toDetail(deps, me, req))
    throw paidAlready(req)
  }
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
  // `_.set`: the SDK would otherwise write the object field by field into a `payment` that is null.
  const moved = await applyStep(deps, me, req, 'pay', { role: 'reviewer', note: input.note, amountFen: payment.amountFen, method: input.method, paidOn: input.paidOn, set: { payment: deps.db.command.set(payment) as unknown as HardshipPaymentDoc } })
  if (!moved) {
    const current = await reread(deps, req._id)
    if (current.status === 'paid' && current.payment?.key === input.key) return (await ensureSpendPosted(deps, me, current), toDetail(deps, me, current))
    if (current.status === 'paid') throw paidAlready(current)
    throw new AppError('CONFLICT', stepRefusal(current.status, 'pay') ?? changedMeanwhile().message)
  }
  await spendPaid(deps, me, moved, moved.kind, payment.amountFen, true)
  const [detail] = await Promise.all([toDetail(deps, me, moved), tellStep(deps, me, moved, 'pay')])
  return detail
}
