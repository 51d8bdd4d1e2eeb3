import { AppError } from '../_lib/app-error'
import type { Deps } from '../_lib/deps'
import type { GroupMemberDoc, MembershipUndo } from './records'
import { dropClaim, moveMembership } from './memberships.repo'

/** A `joining` claim this call holds (made or taken over): it takes a seat or is given up. */
export interface OwnedClaim {
  readonly id: string
  readonly claim: string
  readonly undo: MembershipUndo | null
}

/**
 * A `joining` membership is held by the one call that claimed it while that call takes a seat. The
 * call may die between its writes; once the function's time limit has passed since the claim, it
 * certainly has, and whoever resumes the claim (the same caller's retry, or the repair job) takes it
 * over first with a conditional write that swaps the claim token, so exactly one of them goes on.
 */
export const claimedAt = (doc: GroupMemberDoc): Date => doc.claimedAt ?? doc.requestedAt

export const isStale = (doc: GroupMemberDoc, now: Date, timeLimitMs: number): boolean => now.getTime() - claimedAt(doc).getTime() >= timeLimitMs

/** A claim still young may belong to a call that is running: the caller is asked to look again soon. */
export const stillProcessing = (message = '正在处理中，请稍后刷新查看结果') => new AppError('CONFLICT', message)

/** Takes over a dead call's claim with this call's token; null when someone else took it over or it moved on meanwhile. */
export async function takeOver(deps: Deps, doc: GroupMemberDoc, claim: string): Promise<OwnedClaim | null> {
  const taken = await moveMembership(deps, doc._id, 'joining', doc.claim, { claim, claimedAt: deps.clock.now() })
  return taken ? { id: doc._id, claim, undo: doc.undo ?? null } : null
}

export { readMembership } from './memberships.repo'

/** The claim holds its seat: the membership becomes `active` (only while the claim is still this call's). */
export async function completeClaim(deps: Deps, c: OwnedClaim): Promise<boolean> {
  return moveMembership(deps, c.id, 'joining', c.claim, { status: 'active', joinedAt: deps.clock.now(), undo: deps.db.command.remove() })
}

/** A claim that found no seat goes back to what it was, or away if the membership is new. */
export async function restore(deps: Deps, c: OwnedClaim): Promise<void> {
  if (c.undo) await moveMembership(deps, c.id, 'joining', c.claim, { ...c.undo, undo: deps.db.command.remove() })
  else await dropClaim(deps, c.id, c.claim)
}
