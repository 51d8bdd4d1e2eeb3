import { formatShanghai } from '@shared/domain/time'
import type { TimerJob } from '../../_lib/entry'
import type { ActivityDoc, SignupDoc } from '../../_lib/documents'
import { notify } from '../../_lib/notify'
import { readAll } from '../../_lib/read-all'

const AHEAD_MS = 24 * 3600 * 1000

/**
 * Every ten minutes: events starting within a day that have not been reminded are claimed one by
 * one (a conditional write, so overlapping runs remind once), and members who asked for a reminder
 * get one in the outbox.
 */
export const remindBeforeStart: TimerJob = async (deps) => {
  const { db, clock } = deps
  const _ = db.command
  const now = clock.now()
  const due = await readAll<ActivityDoc>(db.collection('activities').where({ status: 'open', remindedAt: null, startAt: _.gt(now).and(_.lte(new Date(now.getTime() + AHEAD_MS))) }), 200, 2000)
  let reminded = 0
  for (const a of due) {
    if ((await db.collection('activities').where({ _id: a._id, remindedAt: null }).update({ remindedAt: now })).updated !== 1) continue
    const people = await readAll<SignupDoc>(db.collection('signups').where({ activityId: a._id, status: 'confirmed', remind: true }).field({ memberId: true }))
    await notify(deps, people.map((p) => ({ unionId: a.unionId, memberId: p.memberId, kind: 'activity-reminder' as const, title: `活动提醒：${a.title}`, body: `${formatShanghai(a.startAt)} 在 ${a.place}，别忘了参加。`, link: `/pages/activity/index?id=${a._id}` })))
    reminded += people.length
  }
  return { events: due.length, reminded }
}
