import type { Handler } from '../../_lib/entry'
import { forbidden } from '../../_lib/app-error'
import type { Deps } from '../../_lib/deps'
import { notify } from '../../_lib/notify'
import { callOff, loadActivity, managesActivity, markCancelTold, readActivity } from '../activities.repo'
import type { ActivityDoc } from '../records'
import { membersIn } from '../signups.repo'

/**
 * Calling an event off tells everyone who signed up or is waiting, once: the call-off marks the
 * event `cancelTold: false` in the same write, and the mark goes only after the messages (keyed by
 * event and member). A retry after a crash finds the mark and finishes telling; a retry after a
 * finished call-off finds the event already off and tells nobody again.
 */
export const cancelEvent: Handler<'activity.cancelEvent'> = async ({ deps, me, input }) => {
  const a = await loadActivity(deps, me, input.id)
  if (!managesActivity(me, a)) throw forbidden('只有活动的组织者可以取消活动')
  if (a.status === 'open') {
    if (await callOff(deps, a._id, input.reason)) return { notified: await tellCancelled(deps, { ...a, cancelReason: input.reason }) }
  }
  // Off already (or called off by another call just now): a call-off cut before everyone was told is finished here.
  const now = a.status === 'open' ? await readActivity(deps, a._id) : a
  return { notified: now?.cancelTold === false ? await tellCancelled(deps, now) : 0 }
}

/** Everyone signed up or waiting hears it once; returns how many. Also run by the repair job for a cut call-off. */
export async function tellCancelled(deps: Deps, a: ActivityDoc): Promise<number> {
  const people = await membersIn(deps, a._id, ['confirmed', 'waiting'])
  await notify(
    deps,
    people.map((p) => ({
      key: `activity-cancelled:${a._id}:${p.memberId}`,
      unionId: a.unionId,
      memberId: p.memberId,
      kind: 'activity-cancelled' as const,
      title: `活动取消：${a.title}`,
      body: a.cancelReason ?? '',
      link: `/pages/activity/index?id=${a._id}`,
    })),
  )
  await markCancelTold(deps, a._id)
  return people.length
}
