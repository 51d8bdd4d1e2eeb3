import { frequencyRefusal, type AidCategory } from '@shared/domain/hardship'
import { lineForAid } from '@shared/domain/funds'
import { AppError } from '../_lib/app-error'
import { appendAuditIn, type AuditHead } from '../_lib/audit'
import type { Deps } from '../_lib/deps'
import { postIn, requireOpenYearIn, takeRemainderIn } from '../_lib/ledger-transaction'
import type { CallerMember } from '../_lib/membership'
import { notifyIn } from '../_lib/notify'
import { inTransaction, type Tx } from '../_lib/transaction'
import { freeSlot, holdSlotIn, readBucket, type Bucket, type BucketState } from './grants.repo'
import type { RequestWithFollowUps } from './follow-ups'
import { approvalEntry, auditOf, paymentEntry } from './ledger'
import type { HardshipPaymentDoc, HardshipRequestDoc } from './records'
import { currentIn, moveIn, StepRaced } from './requests.repo'

export { StepRaced }
import { stepMessages } from './tell'

/**
 * Approval and payment each land as one transaction: the request's status and its timeline step,
 * the ledger entry, (approval) the line's remainder and the allowance slot, the audit entry with the
 * chain's head, and the messages to the member and the reporter. A function that dies before the
 * commit changed nothing; after it, nothing is left to do, so a retry only answers what happened.
 * The transaction reads documents by id only (the request, the year's budget, the line): what it
 * decides on beyond that (standards, allowance slots, audit head) was read with the request, in one
 * round trip, and a change to any of it makes an insert collide or the commit conflict.
 */

/** What follows the step's own write, in the same transaction: its audit entry and the applicants' messages. */
async function recordIn(
  tx: Tx,
  deps: Deps,
  me: CallerMember,
  moved: RequestWithFollowUps,
  step: 'approve' | 'pay',
  amountFen: number,
  known: { auditHead: AuditHead | undefined; attempt: number },
): Promise<void> {
  await appendAuditIn(tx, deps, auditOf(moved, step, amountFen, { id: me.member._id, name: me.member.name }), { head: known.auditHead, attempt: known.attempt })
  await notifyIn(tx, deps, stepMessages(me, moved, step))
}

export interface Approval {
  readonly amountFen: number
  readonly note: string
  readonly caseLabel: string | null
  readonly category: AidCategory
  readonly bucket: Bucket
  /** The allowance as read with the request. */
  readonly state: BucketState
  readonly auditHead: AuditHead | undefined
}

/** 不得超范围超标准: refused (nothing written) when the year is closed, the line lacks the amount or the allowance is used up. */
export async function approveBooked(deps: Deps, me: CallerMember, req: HardshipRequestDoc, a: Approval): Promise<RequestWithFollowUps> {
  const by = { id: me.member._id, name: me.member.name }
  return inTransaction(deps, async (tx, attempt) => {
    // Every read and check first, so a refusal writes nothing; then the writes, landing at the commit.
    const current = await currentIn(tx, req)
    await requireOpenYearIn(tx, req.unionId, req.year)
    // A second attempt follows a collision or a conflict: the allowance is read again, as it stands now.
    const state = attempt > 1 ? await readBucket(deps, a.bucket, req._id) : a.state
    const tooOften = frequencyRefusal(a.category, state.used, req.year, a.caseLabel)
    if (tooOften) throw new AppError('CONFLICT', tooOften)
    const slot = freeSlot(a.bucket, a.category, state)
    if (!slot)
      throw new AppError('CONFLICT', frequencyRefusal(a.category, a.category.frequency.times, req.year, a.caseLabel) ?? '这条申请刚刚有了变化，请刷新后再看')
    await takeRemainderIn(tx, deps, req.unionId, req.year, lineForAid(req.kind), a.amountFen)
    await holdSlotIn(tx, deps, a.bucket, slot, req._id)
    await postIn(tx, approvalEntry(req, a.amountFen, by), deps.clock.now())
    const set = { approvedFen: a.amountFen, caseLabel: a.caseLabel, reviewerId: me.member._id, reviewerName: me.member.name }
    const moved = await moveIn(tx, deps, me, current, 'approve', { role: 'reviewer', note: a.note, amountFen: a.amountFen, set })
    await recordIn(tx, deps, me, moved, 'approve', a.amountFen, { auditHead: a.auditHead, attempt })
    return moved
  })
}

/** The payment, its timeline step, the spend, its audit entry and messages, together. */
export async function payBooked(
  deps: Deps,
  me: CallerMember,
  req: HardshipRequestDoc,
  payment: HardshipPaymentDoc,
  auditHead: AuditHead | undefined,
): Promise<RequestWithFollowUps> {
  const by = { id: me.member._id, name: me.member.name }
  return inTransaction(deps, async (tx, attempt) => {
    const current = await currentIn(tx, req)
    const moved = await moveIn(tx, deps, me, current, 'pay', {
      role: 'reviewer',
      note: payment.note,
      amountFen: payment.amountFen,
      method: payment.method,
      paidOn: payment.paidOn,
      set: { payment: deps.db.command.set(payment) as unknown as HardshipPaymentDoc },
    })
    // The copy carries the payment itself, not the write's `_.set` wrapper (the messages quote it).
    const paid = { ...moved, payment }
    await postIn(tx, paymentEntry(req, payment.amountFen, by), deps.clock.now())
    await recordIn(tx, deps, me, paid, 'pay', payment.amountFen, { auditHead, attempt })
    return paid
  })
}
