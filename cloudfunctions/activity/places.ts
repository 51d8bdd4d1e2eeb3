import type { Deps } from '../_lib/deps'
import type { ActivityDoc, SignupDoc } from '../_lib/documents'
import { notify } from '../_lib/notify'
import { takeBackLosses } from './lottery'

/** One confirmed place, taken by one conditional write: the count never passes the capacity. */
export async function takePlace(deps: Deps, a: ActivityDoc): Promise<boolean> {
  const _ = deps.db.command
  const where = a.capacity === null ? { _id: a._id } : { _id: a._id, confirmedCount: _.lt(a.capacity) }
  return (await deps.db.collection('activities').where(where).update({ confirmedCount: _.inc(1) })).updated === 1
}

export async function releasePlace(deps: Deps, activityId: string): Promise<void> {
  const _ = deps.db.command
  await deps.db.collection('activities').where({ _id: activityId, confirmedCount: _.gt(0) }).update({ confirmedCount: _.inc(-1) })
}

/** The next waitlist ticket, in arrival order (the counter and its new value in one request). */
export async function takeTicket(deps: Deps, activityId: string): Promise<number> {
  const res = await deps.db.collection('activities').where({ _id: activityId }).updateAndReturn({ waitSeq: deps.db.command.inc(1) })
  return (res.doc as ActivityDoc).waitSeq
}

/**
 * Moves the first waiting members into free places, in waitlist order, until no place or nobody
 * is left. Each step takes the place first and gives it back if the member it meant was taken by
 * someone else (cancelled, or promoted by a concurrent call) — so no place is lost or doubled.
 * Returns the promoted members, so they can be told.
 */
export async function fillFromWaitlist(deps: Deps, a: ActivityDoc): Promise<string[]> {
  const { db } = deps
  const promoted: string[] = []
  for (let guard = 0; guard < 50; guard++) {
    const next = (await db.collection('signups').where({ activityId: a._id, status: 'waiting' }).orderBy('seq', 'asc').limit(1).get()).data[0] as SignupDoc | undefined
    if (!next) break
    if (!(await takePlace(deps, a))) break
    const moved = await db.collection('signups').where({ _id: next._id, status: 'waiting' }).update({ status: 'confirmed', promotedAt: deps.clock.now() })
    if (moved.updated === 1) promoted.push(next.memberId)
    else await releasePlace(deps, a._id)
  }
  return promoted
}

/** The promoted are told: a place they queued for is theirs. */
export async function tellPromoted(deps: Deps, a: ActivityDoc, memberIds: readonly string[]): Promise<void> {
  await takeBackLosses(deps, a, memberIds)
  await notify(
    deps,
    memberIds.map((memberId) => ({ unionId: a.unionId, memberId, kind: 'waitlist-promoted' as const, title: `报名成功：${a.title}`, body: '有人取消了报名，您已从排队转为报名成功。', link: `/pages/activity/index?id=${a._id}` })),
  )
}
