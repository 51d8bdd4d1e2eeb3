import { dateTimeText } from '@shared/domain/time'
import type { TimerJob } from '../../_lib/entry'
import { notify } from '../../_lib/notify'
import { dueReminders, markReminded } from '../activities.repo'
import { membersIn } from '../signups.repo'

const AHEAD_MS = 24 * 3600 * 1000

/**
 * Every ten minutes: members of events starting within a day who asked for a reminder get one in
 * the outbox, keyed by event and member, and then the event is marked reminded. A run cut between
 * the two is finished by the next, which sends nobody a second reminder; overlapping runs neither.
 */
export const remindBeforeStart: TimerJob = async (deps) => {
  const now = deps.clock.now()
  const due = await dueReminders(deps, now, new Date(now.getTime() + AHEAD_MS))
  let reminded = 0
  for (const a of due) {
    const people = await membersIn(deps, a._id, ['confirmed'], { remind: true })
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
    if (await markReminded(deps, a._id)) reminded += people.length
  }
  return { events: due.length, reminded }
}
