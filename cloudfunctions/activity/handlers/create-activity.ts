import type { Handler } from '../../_lib/entry'
import { forbidden } from '../../_lib/app-error'
import { derivedId } from '../../_lib/derived-id'
import { insertActivity, managesActivity } from '../activities.repo'
import { loadDetail } from '../activity-detail'
import { checkEventInput } from '../event-input'
import type { ActivityDoc } from '../records'
import { teamName } from '../teams.repo'

/**
 * Posting: a leader for their own department or group, an admin for the whole union. Times must
 * make sense together. The event's id derives from the poster and the form's key, so the same form
 * sent again (a lost answer, a call cut after its write) answers the event it posted, not a second.
 */
export const createActivity: Handler<'activity.create'> = async ({ deps, me, input }) => {
  const { clock } = deps
  const scope = input.scope
  if (!managesActivity(me, { unionId: me.unionId, scope }))
    throw forbidden(scope.kind === 'union' ? '只有工会管理员可以发布全会活动' : '只能为自己带领的小组发布活动')
  const fields = await checkEventInput(deps, me, input)

  let organizer = '工会'
  if (scope.kind === 'department') organizer = `${await teamName(deps, 'department', scope.id)}工会小组`
  if (scope.kind === 'group') organizer = `${await teamName(deps, 'group', scope.id)}兴趣小组`

  const doc: ActivityDoc = {
    _id: derivedId('activity', me.unionId, me.member._id, input.key),
    unionId: me.unionId,
    scope,
    organizer,
    ...fields,
    confirmedCount: 0,
    waitSeq: 0,
    status: 'open',
    drawState: fields.allocation === 'lottery' ? 'pending' : null,
    drawnAt: null,
    remindedAt: null,
    createdBy: me.member._id,
    createdAt: clock.now(),
  }
  // Inserted or already there from the first sending: either way the answer is that event.
  await insertActivity(deps, doc)
  return loadDetail(deps, me, doc._id)
}
