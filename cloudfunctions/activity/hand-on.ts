import type { Deps } from '../_lib/deps'
import type { ActivityDoc, SignupDoc } from '../_lib/documents'
import { fillFromWaitlist, promote, releasePlace, tellPromoted, waitlistHead, type Promoted } from './places'

/** The mark a hand-on leaves on the sign-up it promotes: one per cancelled sign-up and claim. */
const handOnMark = (c: Pick<SignupDoc, '_id' | 'claim'>) => `${c._id}:${c.claim}`

/**
 * A cancelled sign-up's place, still counted, goes straight to the first waiting member (the count
 * never dips, so nobody arriving meanwhile can slip past the waitlist); with nobody waiting it is
 * given back. Resumable: the promoted sign-up carries the cancelled one's mark, so a call resumed
 * after a crash finds the hand-on done instead of promoting a second member; `lock` is the
 * `placeOwed` token this call holds, cleared last (or, when giving the place back, first — a crash
 * then leaves the count one high, which the repair job lowers, never one low).
 */
export async function handOnPlace(deps: Deps, a: ActivityDoc, c: Pick<SignupDoc, '_id' | 'claim'>, lock: string): Promise<void> {
  const coll = deps.db.collection('signups')
  const mark = handOnMark(c)
  const clear = async () => (await coll.where({ _id: c._id, placeOwed: lock }).update({ placeOwed: null, changedAt: deps.clock.now() })).updated === 1
  let promoted = (await coll.where({ activityId: a._id, promotedBy: mark }).limit(1).get()).data[0] as (SignupDoc & Promoted) | undefined
  for (let guard = 0; !promoted && guard < 50; guard++) {
    const next = await waitlistHead(deps, a._id)
    if (!next) break
    if (await promote(deps, next, mark)) promoted = { ...next, promotionTold: false }
  }
  if (promoted) {
    if (promoted.promotionTold === false) await tellPromoted(deps, a, [promoted])
    await clear()
    return
  }
  if (!(await clear())) return
  await releasePlace(deps, a._id)
  // Someone may have joined the waitlist after the look above: let the head of the line in.
  await tellPromoted(deps, a, await fillFromWaitlist(deps, a))
}

/** Takes over a hand-on left by a dead call (its lock older than the time limit); null when another has it. */
export async function takeOverHandOn(deps: Deps, c: SignupDoc, timeLimitMs: number): Promise<string | null> {
  const now = deps.clock.now()
  const lock = deps.ids.next()
  const res = await deps.db
    .collection('signups')
    .where({ _id: c._id, status: 'cancelled', placeOwed: c.placeOwed, changedAt: deps.db.command.lt(new Date(now.getTime() - timeLimitMs)) })
    .update({ placeOwed: lock, changedAt: now })
  return res.updated === 1 ? lock : null
}
