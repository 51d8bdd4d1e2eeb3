import type { Handler } from '../../_lib/entry'
import { forbidden } from '../../_lib/app-error'
import type { SignupDoc } from '../../_lib/documents'
import { notify } from '../../_lib/notify'
import { readAll } from '../../_lib/read-all'
import { loadActivity, managesActivity } from '../activities.repo'

/** Calling an event off tells everyone who signed up or is waiting, once (a retry finds it already off). */
export const cancelEvent: Handler<'activity.cancelEvent'> = async ({ deps, me, input }) => {
  const a = await loadActivity(deps, me, input.id)
  if (!managesActivity(me, a)) throw forbidden('只有活动的组织者可以取消活动')
  const off = await deps.db.collection('activities').where({ _id: a._id, status: 'open' }).update({ status: 'cancelled', cancelReason: input.reason, cancelledAt: deps.clock.now() })
  if (off.updated !== 1) return { notified: 0 }
  const people = await readAll<SignupDoc>(deps.db.collection('signups').where({ activityId: a._id, status: deps.db.command.in(['confirmed', 'waiting']) }).field({ memberId: true }))
  await notify(
    deps,
    people.map((p) => ({ unionId: a.unionId, memberId: p.memberId, kind: 'activity-cancelled' as const, title: `活动取消：${a.title}`, body: input.reason, link: `/pages/activity/index?id=${a._id}` })),
  )
  return { notified: people.length }
}
