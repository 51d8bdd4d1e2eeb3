import type { Deps } from '../_lib/deps'
import type { HardshipRequestDoc } from './records'
import { clearFollowUp, isLeft, takeOver, type FollowUp } from '../_lib/follow-up'
import { auditStep } from './ledger'
import { REQUESTS, requestsWithLapsedMarks } from './requests.repo'
import { tellStep } from './tell'

/**
 * Steps whose own write (the insert, or the transaction that moves status, books and timeline
 * together) is followed by more: the audit entry for approvals and payments, and the messages. The
 * step's write marks what is left (`followUps.<step>`), the end clears it. A retry by the same
 * caller, or the hourly repair, finishes one whose invocation died.
 */
export type FollowedStep = 'submit' | 'approve' | 'pay'
const FOLLOWED: readonly FollowedStep[] = ['submit', 'approve', 'pay']

export type RequestWithFollowUps = HardshipRequestDoc & { readonly followUps?: Readonly<Partial<Record<FollowedStep, FollowUp>>> }

export const followUpPath = (step: FollowedStep) => `followUps.${step}`

/**
 * Finishes what `step` left on `req`. The invocation that wrote the step passes its own token; a
 * retry or the repair passes none, and takes the mark over only once its writer is certainly dead
 * ('busy' while it may still be running, or when another took it over first).
 */
export async function finishStep(
  deps: Deps,
  req: RequestWithFollowUps,
  step: FollowedStep,
  options: { token?: string; timeLimitMs: number },
): Promise<'done' | 'busy' | 'none'> {
  const left = req.followUps?.[step]
  if (!left) return 'none'
  let token = options.token
  const resumed = token === undefined
  if (token === undefined) {
    if (!isLeft(left, deps.clock.now())) return 'busy'
    const mine = await takeOver(deps, REQUESTS, req._id, followUpPath(step), left, options.timeLimitMs)
    if (!mine) return 'busy'
    token = mine.token
  }
  const taken = req.steps[req.steps.map((s) => s.kind).lastIndexOf(step)]
  const actor = { id: taken.actorId, name: taken.actorName }
  // A resumed step looks for its audit entry first: the dead invocation may have appended it.
  if (step === 'approve' || step === 'pay') await auditStep(deps, req, step, taken.amountFen ?? 0, actor, resumed)
  await tellStep(deps, { member: { _id: actor.id, name: actor.name } }, req, step)
  await clearFollowUp(deps, REQUESTS, req._id, followUpPath(step), token)
  if (resumed) deps.log('warn', 'hardship-step-finished', { request: req._id, step })
  return 'done'
}

/** CloudBase stops a hardship call after 20 s (config.json); a timer that is not told uses that. */
const TIME_LIMIT_MS = 20_000

/**
 * The repair (hourly, with the review reminder): every step whose invocation died before its audit
 * entry and messages is finished. The books need no repair here: an approval's or payment's ledger
 * entry, the line's remainder and the allowance land in the step's own transaction, or none of them.
 */
export async function finishLeftSteps(deps: Deps, context?: { readonly timeLimitMs?: number }): Promise<{ leftSteps: number; finished: number }> {
  const now = deps.clock.now()
  const left = (await requestsWithLapsedMarks(deps, FOLLOWED.map(followUpPath), now)) as RequestWithFollowUps[]
  let finished = 0
  let leftSteps = 0
  for (const req of left) {
    for (const step of FOLLOWED) {
      const f = req.followUps?.[step]
      if (!f || !isLeft(f, now)) continue
      leftSteps++
      if ((await finishStep(deps, req, step, { timeLimitMs: context?.timeLimitMs ?? TIME_LIMIT_MS })) === 'done') finished++
    }
  }
  return { leftSteps, finished }
}
