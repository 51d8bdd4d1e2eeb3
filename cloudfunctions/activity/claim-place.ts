import type { Deps } from '../_lib/deps'
import type { ActivityDoc, SignupDoc } from '../_lib/documents'
import { fillFromWaitlist, takePlace, takeTicket, tellPromoted } from './places'

/** A mark older than the function's time limit was left by an invocation that is certainly over. */
export const isStale = (at: Date | undefined, now: Date, timeLimitMs: number): boolean => !at || now.getTime() - new Date(at).getTime() > timeLimitMs

/**
 * Takes over a `joining` claim left by a dead call: one conditional write swaps the claim token,
 * so of a retry and the repair job running at once exactly one goes on. A claim this same
 * invocation made (its handler re-run after a rate limit; `claim` is then the one it holds) is its
 * own at any age. Returns the claim now held, or null when another has it.
 */
export async function takeOverClaim(deps: Deps, s: SignupDoc, options: { timeLimitMs: number; claim: string; set?: Record<string, unknown> }): Promise<string | null> {
  const now = deps.clock.now()
  const dead = s.claim === options.claim ? {} : { signedAt: deps.db.command.lt(new Date(now.getTime() - options.timeLimitMs)) }
  const res = await deps.db
    .collection('signups')
    .where({ _id: s._id, status: 'joining', claim: s.claim, ...dead })
    .update({ ...options.set, claim: options.claim, signedAt: now, changedAt: now })
  return res.updated === 1 ? options.claim : null
}

/**
 * After the claim: a place, else a waitlist ticket, else the claim undone ('full'). Every step is
 * conditional on the claim, so a call that lost it to a take-over changes nothing. A crash after the
 * place was taken leaves the claim `joining`: whoever takes it over takes a place again, and the
 * repair job lowers the count the dead call left one high (it recounts from the records).
 */
export async function placeClaim(deps: Deps, a: ActivityDoc, s: Pick<SignupDoc, '_id' | 'memberId'>, claim: string, undo: () => Promise<void>): Promise<'confirmed' | 'waiting' | 'full'> {
  const coll = deps.db.collection('signups')
  if (await takePlace(deps, a)) {
    await coll.where({ _id: s._id, claim }).update({ status: 'confirmed', changedAt: deps.clock.now() })
    return 'confirmed'
  }
  if (!a.waitlist) {
    await undo()
    return 'full'
  }
  const seq = await takeTicket(deps, a._id)
  await coll.where({ _id: s._id, claim }).update({ status: 'waiting', seq, changedAt: deps.clock.now() })
  // A place may have been freed while this ticket was taken: the waitlist's head gets it (this member, told by the answer).
  const promoted = await fillFromWaitlist(deps, a)
  await tellPromoted(deps, a, promoted, [s.memberId])
  return promoted.some((p) => p.memberId === s.memberId) ? 'confirmed' : 'waiting'
}
