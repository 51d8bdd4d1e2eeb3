import type { Handler } from '../../_lib/entry'
import { forbidden } from '../../_lib/app-error'
import type { ActivityDoc, SignupDoc } from '../../_lib/documents'
import type { Deps } from '../../_lib/deps'
import { notify } from '../../_lib/notify'
import { readAll } from '../../_lib/read-all'
import { loadActivity, managesActivity } from '../activities.repo'

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
    const off = await deps.db.collection('activities').where({ _id: a._id, status: 'open' }).update({ status: 'cancelled', cancelReason: input.reason, cancelledAt: deps.clock.now(), cancelTold: false })
    if (off.updated === 1) return { notified: await tellCancelled(deps, { ...a, cancelReason: input.reason }) }
  }
  // Off already (or called off by another call just now): a call-off cut before everyone was told is finished here.
  const now = a.status === 'open' ? ((await deps.db.collection('activities').doc(a._id).get()).data[0] as ActivityDoc) : a
  return { notified: now.cancelTold === false ? await tellCancelled(deps, now) : 0 }
}

/** Everyone signed up or waiting hears it once; returns how many. Also run by the repair job for a cut call-off. */
export async function tellCancelled(deps: Deps, a: ActivityDoc): Promise<number> {
  const people = await readAll<SignupDoc>(deps.db.collection('signups').where({ activityId: a._id, status: deps.db.command.in(['confirmed', 'waiting']) }).field({ memberId: true }))
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
  await deps.db.collection('activities').where({ _id: a._id, cancelTold: false }).update({ cancelTold: true })
  return people.length
}
