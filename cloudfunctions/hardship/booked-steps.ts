import { frequencyRefusal, type AidCategory } from '@shared/domain/hardship'
import { lineForAid } from '@shared/domain/funds'
import { AppError } from '../_lib/app-error'
import type { Deps } from '../_lib/deps'
import type { HardshipPaymentDoc, HardshipRequestDoc } from '../_lib/documents'
import { newFollowUp } from '../_lib/follow-up'
import { postIn, requireOpenYearIn, takeRemainderIn } from '../_lib/ledger-transaction'
import type { CallerMember } from '../_lib/membership'
import { inTransaction, txGet, type Tx } from '../_lib/transaction'
import { freeSlotIn, holdSlotIn, type Bucket, type BucketState } from './grants'
import { followUpPath, type RequestWithFollowUps } from './follow-ups'
import { approvalEntry, paymentEntry } from './ledger'
import { REQUESTS, stepEntry, type StepInput } from './requests.repo'

/**
 * Approval and payment each land as one transaction: the request's status, its timeline step and
 * its follow-up mark, the ledger entry, and (approval) the line's remainder and the allowance slot.
 * A function that dies before the commit changed nothing; after it, everything the books need is
 * there, and a retry finds the step done. Audit and messages follow (follow-ups.ts).
 */

/** The request is no longer as read (another step, or this same one, got there first): nothing written. */
export class StepRaced extends Error {}

/** The request inside the transaction, still as it was read (or StepRaced). */
async function currentIn(tx: Tx, req: HardshipRequestDoc): Promise<RequestWithFollowUps> {
  const current = await txGet<RequestWithFollowUps>(tx, REQUESTS, req._id)
  if (!current || current.status !== req.status || current.version !== req.version) throw new StepRaced()
  return current
}

/** The step's write: status, version, timeline and the follow-up mark, as applyStep does outside. */
async function moveIn(tx: Tx, deps: Deps, me: CallerMember, current: RequestWithFollowUps, step: 'approve' | 'pay', input: StepInput, timeLimitMs: number): Promise<RequestWithFollowUps> {
  const entry = stepEntry(deps, me, current, step, input)
  if (!entry) throw new StepRaced()
  const followUp = newFollowUp(deps, timeLimitMs)
  const _ = deps.db.command
  await tx.collection(REQUESTS).doc(current._id).update({ ...(input.set ?? {}), status: entry.status, version: _.inc(1), updatedAt: entry.at, steps: _.push([entry]), [followUpPath(step)]: _.set(followUp) })
  const set = { ...(input.set ?? {}) } as Partial<HardshipRequestDoc>
  return { ...current, ...set, status: entry.status, version: current.version + 1, updatedAt: entry.at, steps: [...current.steps, entry], followUps: { ...current.followUps, [step]: followUp } }
}

export interface Approval {
  readonly amountFen: number
  readonly note: string
  readonly caseLabel: string | null
  readonly category: AidCategory
  readonly bucket: Bucket
  readonly state: BucketState
}

/** 不得超范围超标准: refused (nothing written) when the year is closed, the line lacks the amount or the allowance is used up. */
export async function approveBooked(deps: Deps, me: CallerMember, req: HardshipRequestDoc, a: Approval, timeLimitMs: number): Promise<RequestWithFollowUps> {
  const by = { id: me.member._id, name: me.member.name }
  return inTransaction(deps, async (tx) => {
    // Every read and check first, so a refusal writes nothing; then the writes, landing at the commit.
    const current = await currentIn(tx, req)
    await requireOpenYearIn(tx, req.unionId, req.year)
    const slot = await freeSlotIn(tx, a.bucket, a.category, req._id, a.state)
    if (!slot) throw new AppError('CONFLICT', frequencyRefusal(a.category, a.category.frequency.times, req.year, a.caseLabel) ?? '这条申请刚刚有了变化，请刷新后再看')
    await takeRemainderIn(tx, deps, req.unionId, req.year, lineForAid(req.kind), a.amountFen)
    await holdSlotIn(tx, deps, a.bucket, slot, req._id)
    await postIn(tx, approvalEntry(req, a.amountFen, by), deps.clock.now())
    const set = { approvedFen: a.amountFen, caseLabel: a.caseLabel, reviewerId: me.member._id, reviewerName: me.member.name }
    return moveIn(tx, deps, me, current, 'approve', { role: 'reviewer', note: a.note, amountFen: a.amountFen, set }, timeLimitMs)
  })
}

/** The payment, its timeline step and the spend, together. */
export async function payBooked(deps: Deps, me: CallerMember, req: HardshipRequestDoc, payment: HardshipPaymentDoc, timeLimitMs: number): Promise<RequestWithFollowUps> {
  const by = { id: me.member._id, name: me.member.name }
  return inTransaction(deps, async (tx) => {
    const current = await currentIn(tx, req)
    const moved = await moveIn(tx, deps, me, current, 'pay', { role: 'reviewer', note: payment.note, amountFen: payment.amountFen, method: payment.method, paidOn: payment.paidOn, set: { payment: deps.db.command.set(payment) as unknown as HardshipPaymentDoc } }, timeLimitMs)
    await postIn(tx, paymentEntry(req, payment.amountFen, by), deps.clock.now())
    // The returned copy carries the payment itself, not the write's `_.set` wrapper.
    return { ...moved, payment }
  })
}
