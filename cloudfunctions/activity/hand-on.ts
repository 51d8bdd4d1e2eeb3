import type { Deps } from '../_lib/deps'
import { releasePlace } from './activities.repo'
import { fillFromWaitlist, tellPromoted } from './places'
import type { ActivityDoc, SignupDoc } from './records'
import { clearOwed, promote, promotedBy, takeOverOwed, waitlistHead } from './signups.repo'

/** The mark a hand-on leaves on the sign-up it promotes: one per cancelled sign-up and claim. */
const handOnMark = (c: Pick<SignupDoc, '_id' | 'claim'>) => `${c._id}:${c.claim}`

/**
 * A cancelled sign-up's place, still counted, goes straight to the first waiting member (the count
 * never dips, so nobody arriving meanwhile can slip past the waitlist); with nobody waiting it is
 * given back. Resumable: the promoted sign-up carries the cancelled one's mark, so a call resumed
 * after a crash finds the hand-on done instead of promoting a second member; `lock` is the
 * `placeOwed` token this call holds, cleared last — after the promoted member was told, so a cut
 * telling is finished by whoever takes the lock over (the message's key keeps it single) — or, when
 * giving the place back, first (a crash then leaves the count one high, which the repair job
 * lowers, never one low).
 *
 * `fresh`: the lock was taken by this call's own cancel just now, so no sign-up can carry its mark
 * yet and the look for one is skipped. `head`: the waitlist's head as read with the event.
 * Returns the places taken as they stand after it, for the answer.
 */
export async function handOnPlace(
  deps: Deps,
  a: ActivityDoc,
  c: Pick<SignupDoc, '_id' | 'claim'>,
  lock: string,
  options: { fresh?: boolean; head?: SignupDoc } = {},
): Promise<number> {
  const found = options.fresh ? undefined : await promotedBy(deps, a._id, handOnMark(c))
  let promoted = found
  let next = options.head
  for (let guard = 0; !promoted && guard < 50; guard++) {
    next ??= await waitlistHead(deps, a._id)
    if (!next) break
    if (await promote(deps, next._id, handOnMark(c), null)) promoted = next
    next = undefined
  }
  if (promoted) {
    // A promotion made before hand-ons told under their lock still carries its own told-mark.
    await tellPromoted(deps, a, [promoted], [], found?.promotionTold === false)
    await clearOwed(deps, c._id, lock)
    return a.confirmedCount
  }
  if (!(await clearOwed(deps, c._id, lock))) return a.confirmedCount
  const after = (await releasePlace(deps, a._id)) ?? a
  // Someone may have joined the waitlist after the look above: let the head of the line in.
  const filled = await fillFromWaitlist(deps, after)
  await tellPromoted(deps, a, filled)
  return after.confirmedCount + filled.length
}

/** Takes over a hand-on left by a dead call (its lock older than the time limit); null when another has it. */
export async function takeOverHandOn(deps: Deps, c: SignupDoc, timeLimitMs: number): Promise<string | null> {
  const lock = deps.ids.next()
  return (await takeOverOwed(deps, c, lock, new Date(deps.clock.now().getTime() - timeLimitMs))) ? lock : null
}
