import type { Deps } from '../_lib/deps'
import type { ActivityDoc, SignupDoc } from '../_lib/documents'
import { notify } from '../_lib/notify'
import { takeBackLosses } from './lottery'

/**
 * One confirmed place, taken by one conditional write: the count never passes the capacity. The
 * time goes with it, so the repair job can tell a place still on its way to a sign-up.
 */
export async function takePlace(deps: Deps, a: Pick<ActivityDoc, '_id' | 'capacity'>): Promise<boolean> {
  const _ = deps.db.command
  const where = a.capacity === null ? { _id: a._id } : { _id: a._id, confirmedCount: _.lt(a.capacity) }
  return (await deps.db.collection('activities').where(where).update({ confirmedCount: _.inc(1), placesAt: deps.clock.now() })).updated === 1
}

export async function releasePlace(deps: Deps, activityId: string): Promise<void> {
  const _ = deps.db.command
  await deps.db.collection('activities').where({ _id: activityId, confirmedCount: _.gt(0) }).update({ confirmedCount: _.inc(-1), placesAt: deps.clock.now() })
}

/** The next waitlist ticket, in arrival order (the counter and its new value in one request). */
export async function takeTicket(deps: Deps, activityId: string): Promise<number> {
  const res = await deps.db.collection('activities').where({ _id: activityId }).updateAndReturn({ waitSeq: deps.db.command.inc(1) })
  return (res.doc as ActivityDoc).waitSeq
}

/** What telling a promoted member needs: the message's key is the sign-up's claim, one promotion per claim. */
export type Promoted = Pick<SignupDoc, '_id' | 'memberId' | 'claim'>

/** The waitlist's head, in ticket order (seq is unique per event). */
export async function waitlistHead(deps: Deps, activityId: string): Promise<SignupDoc | undefined> {
  return (await deps.db.collection('signups').where({ activityId, status: 'waiting' }).orderBy('seq', 'asc').limit(1).get()).data[0] as SignupDoc | undefined
}

/** Moves one waiting sign-up into a place it already holds; false if it left the line meanwhile. */
export async function promote(deps: Deps, s: Promoted, promotedBy: string | null): Promise<boolean> {
  const now = deps.clock.now()
  const moved = await deps.db.collection('signups').where({ _id: s._id, status: 'waiting' }).update({ status: 'confirmed', promotedAt: now, promotedBy, promotionTold: false, changedAt: now })
  return moved.updated === 1
}

/**
 * Moves the first waiting members into free places, in waitlist order, until no place or nobody
 * is left. Each step takes the place first and gives it back if the member it meant was taken by
 * someone else (cancelled, or promoted by a concurrent call) — so no place is lost or doubled. A
 * crash between the two leaves the count one high (never low), which the repair job lowers.
 * Returns the promoted, so they can be told.
 */
export async function fillFromWaitlist(deps: Deps, a: Pick<ActivityDoc, '_id' | 'capacity'>): Promise<Promoted[]> {
  const promoted: Promoted[] = []
  for (let guard = 0; guard < 50; guard++) {
    const next = await waitlistHead(deps, a._id)
    if (!next) break
    if (!(await takePlace(deps, a))) break
    if (await promote(deps, next, null)) promoted.push(next)
    else await releasePlace(deps, a._id)
  }
  return promoted
}

/**
 * The promoted are told, once: a place they queued for is theirs. `quietly` are members who
 * learn it from their own call's answer. The mark goes last, so a cut telling is found again
 * (by the repair job) and the message's key keeps it single.
 */
export async function tellPromoted(deps: Deps, a: ActivityDoc, promoted: readonly Promoted[], quietly: readonly string[] = []): Promise<void> {
  if (!promoted.length) return
  await takeBackLosses(deps, a, promoted.map((p) => p.memberId))
  await notify(
    deps,
    promoted
      .filter((p) => !quietly.includes(p.memberId))
      .map((p) => ({
        key: `waitlist-promoted:${p.claim}`,
        unionId: a.unionId,
        memberId: p.memberId,
        kind: 'waitlist-promoted' as const,
        title: `报名成功：${a.title}`,
        body: '有人取消了报名，您已从排队转为报名成功。',
        link: `/pages/activity/index?id=${a._id}`,
      })),
  )
  await deps.db.collection('signups').where({ _id: deps.db.command.in(promoted.map((p) => p._id)), promotionTold: false }).update({ promotionTold: true })
}
