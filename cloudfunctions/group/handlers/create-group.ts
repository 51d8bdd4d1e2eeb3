import type { Handler } from '../../_lib/entry'
import { AppError, invalid } from '../../_lib/app-error'
import { isDuplicateWrite } from '../../_lib/db-errors'
import type { GroupDoc, MemberDoc } from '../../_lib/documents'
import { groupDetail, membershipId } from '../groups.repo'

/** An admin founds an interest group with its first leaders, who are its first members. */
export const createGroup: Handler<'group.create'> = async ({ deps, me, input }) => {
  const { db, clock, ids } = deps
  const leaderIds = [...new Set(input.leaderIds)]
  if (input.sizeLimit !== null && input.sizeLimit < leaderIds.length) throw invalid('人数上限不能少于组长人数', { field: 'sizeLimit' })
  const leaders = (await db.collection('members').where({ _id: db.command.in(leaderIds), unionId: me.unionId, status: db.command.neq('离会') }).limit(10).get()).data as MemberDoc[]
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
  try {
    await db.collection('groups').add(group)
  } catch (error) {
    if (isDuplicateWrite(error)) throw new AppError('CONFLICT', `已经有一个叫「${input.name}」的小组了`)
    throw error
  }
  await Promise.all(
    leaders.flatMap((m) => [
      db.collection('roles').doc([m._id, 'leader', 'group', group._id].join(':')).set({ unionId: me.unionId, memberId: m._id, role: 'leader', scope: { kind: 'group', id: group._id } }),
      db.collection('group_members').doc(membershipId(group._id, m._id)).set({
        unionId: me.unionId, groupId: group._id, memberId: m._id, memberName: m.name, departmentName: m.departmentName,
        status: 'active', shareContact: false, requestedAt: now, joinedAt: now, claim: ids.next(),
      }),
    ]),
  )
  return groupDetail(deps, me, { kind: 'interest', id: group._id, unionId: me.unionId, name: group.name, doc: group })
}
