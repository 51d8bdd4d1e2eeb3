import type { Deps } from '../_lib/deps'
import { placesAndAhead, takePlace, takeTicket } from './activities.repo'
import { fillFromWaitlist, tellPromoted } from './places'
import type { ActivityDoc, SignupDoc } from './records'
import { settleClaim, swapClaim } from './signups.repo'

/** A mark older than the function's time limit was left by an invocation that is certainly over. */
export const isStale = (at: Date | undefined, now: Date, timeLimitMs: number): boolean => !at || now.getTime() - new Date(at).getTime() > timeLimitMs

/**
 * Takes over a `joining` claim left by a dead call: one conditional write swaps the claim token,
 * so of a retry and the repair job running at once exactly one goes on. A claim this same
 * invocation made (its handler re-run after a rate limit; `claim` is then the one it holds) is its
 * own at any age. Returns the claim now held, or null when another has it.
 */
export async function takeOverClaim(
  deps: Deps,
  s: SignupDoc,
  options: { timeLimitMs: number; claim: string; set?: Record<string, unknown> },
): Promise<string | null> {
  const since = s.claim === options.claim ? null : new Date(deps.clock.now().getTime() - options.timeLimitMs)
  return (await swapClaim(deps, s, options.claim, since, options.set)) ? options.claim : null
}

/** How a claim ended, with the places taken as the call last saw them and, in line, how many wait ahead. */
export type Placed =
  | { readonly outcome: 'confirmed'; readonly confirmedCount: number }
  | { readonly outcome: 'waiting'; readonly confirmedCount: number; readonly position: number }
  | { readonly outcome: 'full' }

/**
 * After the claim: a place, else a waitlist ticket, else the claim undone ('full'). Every step is
 * conditional on the claim, so a call that lost it to a take-over changes nothing. A crash after the
 * place was taken leaves the claim `joining`: whoever takes it over takes a place again, and the
 * repair job lowers the count the dead call left one high (it recounts from the records).
 *
 * On a full event the place write fails and the ticket write answers with the event; after joining
 * the line one read gives the places as they now are and the place in line, so a full event costs
 * no more. A place freed while the ticket was taken goes to the waitlist's head (perhaps this
 * member, who learns it from the answer).
 */
export async function placeClaim(
  deps: Deps,
  a: ActivityDoc,
  s: Pick<SignupDoc, '_id' | 'memberId'>,
  claim: string,
  undo: () => Promise<void>,
): Promise<Placed> {
  const placed = await takePlace(deps, a)
  if (placed) {
    await settleClaim(deps, s._id, claim, { status: 'confirmed' })
    return { outcome: 'confirmed', confirmedCount: placed.confirmedCount }
  }
  if (!a.waitlist) {
    await undo()
    return { outcome: 'full' }
  }
  const ticket = await takeTicket(deps, a._id)
  await settleClaim(deps, s._id, claim, { status: 'waiting', seq: ticket.waitSeq })
  const now = (await placesAndAhead(deps, a._id, ticket.waitSeq)) ?? { activity: ticket, ahead: 0 }
  const { capacity, confirmedCount } = now.activity
  const free = capacity === null || confirmedCount < capacity
  const promoted = free ? await fillFromWaitlist(deps, { _id: a._id, capacity }, true) : []
  await tellPromoted(deps, a, promoted, [s.memberId])
  const counted = confirmedCount + promoted.length
  if (promoted.some((p) => p.memberId === s.memberId)) return { outcome: 'confirmed', confirmedCount: counted }
  // Those promoted just now stood ahead of this member.
  return { outcome: 'waiting', confirmedCount: counted, position: Math.max(1, now.ahead + 1 - promoted.length) }
}
