import type { Handler } from '../../_lib/entry'
import { AppError, invalid } from '../../_lib/app-error'
import { currentMembersAmong } from '../../_lib/members.repo'
import { completeFounding, isSameCreate } from '../founding'
import { groupDetail, groupNamed, insertGroup } from '../groups.repo'
import type { GroupDoc } from '../records'

/**
 * An admin founds an interest group with its first leaders, who are its first members. The group
 * is written first with its founding leaders on it; their grants and memberships follow. If the
 * call dies between them, the same admin sending the same form finishes the founding and is
 * answered the group (so is a retry after a lost answer); the repair timer finishes one nobody
 * came back for.
 */
export const createGroup: Handler<'group.create'> = async ({ deps, me, input }) => {
  const { clock, ids } = deps
  // The schema has held the limit to the leaders (the admin's form checks the same before sending).
  const leaderIds = [...new Set(input.leaderIds)]
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
    createdBy: me.member._id,
    founding: { leaderIds },
  }
  if (await insertGroup(deps, group)) {
    await completeFounding(deps, group, leaders)
    return groupDetail(deps, me, group._id)
  }
  const first = await groupNamed(deps, me.unionId, input.name)
  if (!first || !isSameCreate(first, me.member._id, { ...input, leaderIds }, now)) throw new AppError('CONFLICT', `已经有一个叫「${input.name}」的小组了`)
  if (first.founding) await completeFounding(deps, first, leaders)
  return groupDetail(deps, me, first._id)
}
