import type { Deps } from '../_lib/deps'
import type { GroupDoc, GroupMemberDoc } from '../_lib/documents'
import { completeClaim, isStale, restore, stillProcessing, takeOver, type OwnedClaim } from './claims'
import { settleSeats } from './seat-count'
import { fullError, takeSeat } from './seats'

export interface CallIdentity {
  /** This invocation's id: its claims carry it as their token. */
  readonly requestId: string
  readonly timeLimitMs: number
}

/**
 * A claim just made takes a seat (one conditional increment) and becomes `active`; with no seat
 * left it is given up and the answer is FULL. A crash between these writes leaves the claim for a
 * retry or the repair job (resumeClaim).
 */
export async function seatNewClaim(deps: Deps, group: GroupDoc, claim: OwnedClaim): Promise<'active'> {
  if (await takeSeat(deps, group)) {
    if (await completeClaim(deps, claim)) return 'active'
    // Taken over after this call ran past its time limit: the new holder counts the seats again.
    throw stillProcessing()
  }
  await restore(deps, claim)
  throw fullError(group)
}

/**
 * Goes on with a `joining` membership: this call's own (an earlier attempt of it was cut short by a
 * rate limit) or one a dead call left behind. Whether that call took its seat is unknown, so the
 * group's count is settled from the roster with this claim in it. A claim still young belongs to a
 * call that may be running: CONFLICT. Answers null when the membership moved on meanwhile (look again).
 */
export async function resumeClaim(deps: Deps, group: GroupDoc, doc: GroupMemberDoc, call: CallIdentity): Promise<'active' | null> {
  let mine: OwnedClaim | null
  if (doc.claim === call.requestId) mine = { id: doc._id, claim: doc.claim, undo: doc.undo ?? null }
  else if (!isStale(doc, deps.clock.now(), call.timeLimitMs)) throw stillProcessing()
  else mine = await takeOver(deps, doc, call.requestId)
  if (!mine) return null
  const settled = await settleSeats(deps, group._id, call.timeLimitMs, [mine])
  // The group kept changing while it was counted: the claim stays this call's, to be resumed later.
  if (!settled) throw stillProcessing()
  if (settled.completed.includes(mine.id)) return 'active'
  if (settled.released.includes(mine.id)) throw fullError(group)
  return null
}
