import type { Handler } from '../../_lib/entry'
import { invalid } from '../../_lib/app-error'
import { currentMembersAmong } from '../../_lib/members.repo'
import { grantGroupLeaders } from '../../_lib/roles.repo'
import { groupDetail, insertGroup } from '../groups.repo'
import { foundMemberships } from '../memberships.repo'
import type { GroupDoc } from '../records'

/** An admin founds an interest group with its first leaders, who are its first members. */
export const createGroup: Handler<'group.create'> = async ({ deps, me, input }) => {
  const { clock, ids } = deps
  const leaderIds = [...new Set(input.leaderIds)]
  if (input.sizeLimit !== null && input.sizeLimit < leaderIds.length) throw invalid('人数上限不能少于组长人数', { field: 'sizeLimit' })
  const leaders = await currentMembersAmong(deps, me.unionId, leaderIds)
  if (leaders.length !== leaderIds.length) throw invalid('组长需要是本工会的会员', { field: 'leaderIds' })
  const now = clock.now()
  const group: GroupDoc = {
    _id: ids.next(),
    unionId: me.unionId,
    name: input.name,
    description: input.description,
    joinPolicy: input.joinPolicy,
    sizeLimit: input.sizeLimit,
    memberCount: leaders.length,
    createdAt: now,
  }
  await insertGroup(deps, group)
  await Promise.all([
    grantGroupLeaders(deps, me.unionId, group._id, leaders.map((m) => m._id)),
    foundMemberships(deps, me.unionId, group._id, leaders, now, () => ids.next()),
  ])
  return groupDetail(deps, me, group._id)
}
