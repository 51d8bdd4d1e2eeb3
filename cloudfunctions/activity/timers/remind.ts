import { dateTimeText } from '@shared/domain/time'
import type { TimerJob } from '../../_lib/entry'
import type { ActivityDoc, SignupDoc } from '../../_lib/documents'
import { notify } from '../../_lib/notify'
import { readAll } from '../../_lib/read-all'

const AHEAD_MS = 24 * 3600 * 1000

/**
 * Every ten minutes: members of events starting within a day who asked for a reminder get one in
 * the outbox, keyed by event and member, and then the event is marked reminded. A run cut between
 * the two is finished by the next, which sends nobody a second reminder; overlapping runs neither.
 */
export const remindBeforeStart: TimerJob = async (deps) => {
  const { db, clock } = deps
  const _ = db.command
  const now = clock.now()
  const due = await readAll<ActivityDoc>(db.collection('activities').where({ status: 'open', remindedAt: null, startAt: _.gt(now).and(_.lte(new Date(now.getTime() + AHEAD_MS))) }), 200, 2000)
  let reminded = 0
  for (const a of due) {
    const people = await readAll<SignupDoc>(db.collection('signups').where({ activityId: a._id, status: 'confirmed', remind: true }).field({ memberId: true }))
    await notify(
      deps,
      people.map((p) => ({
        key: `activity-reminder:${a._id}:${p.memberId}`,
        unionId: a.unionId,
        memberId: p.memberId,
        kind: 'activity-reminder' as const,
        title: `活动提醒：${a.title}`,
        body: `${dateTimeText(a.startAt, now)} 在 ${a.place}，别忘了参加。`,
        link: `/pages/activity/index?id=${a._id}`,
      })),
    )
    if ((await db.collection('activities').where({ _id: a._id, remindedAt: null }).update({ remindedAt: now })).updated === 1) reminded += people.length
  }
  return { events: due.length, reminded }
}
