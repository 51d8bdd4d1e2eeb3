import type { Handler } from '../../_lib/entry'
import { AppError, forbidden } from '../../_lib/app-error'
import type { GroupMemberDoc, RoleDoc } from '../../_lib/documents'
import { groupDetail, loadGroup, membershipId, requireInterest } from '../groups.repo'

const grantId = (memberId: string, groupId: string) => [memberId, 'leader', 'group', groupId].join(':')

/**
 * A leader passes the group to one of its active members; the role grant moves with it. The new
 * grant is written first and names who handed over, so if the call dies before the old grant is
 * removed, trying again finishes it, and trying again after that answers the group as it is now.
 */
export const handOver: Handler<'group.handOver'> = async ({ deps, me, input }) => {
  const g = await loadGroup(deps, me, input.id)
  requireInterest(g)
  const { db } = deps
  const mine = me.roles.find((r) => r.role === 'leader' && r.scope?.kind === 'group' && r.scope.id === g.id)
  if (!mine) {
    const given = (await db.collection('roles').doc(grantId(input.toMemberId, g.id)).get()).data[0] as (RoleDoc & { handedOverBy?: string }) | undefined
    if (given?.handedOverBy === me.member._id && given.unionId === me.unionId) return groupDetail(deps, me, g)
    throw forbidden('只有本小组的组长可以移交组长')
  }
  if (input.toMemberId === me.member._id) throw new AppError('INVALID_ARGUMENT', '请选择另一位成员接任组长', { field: 'toMemberId' })
  const next = (await db.collection('group_members').doc(membershipId(g.id, input.toMemberId)).get()).data[0] as GroupMemberDoc | undefined
  if (!next || next.status !== 'active') throw new AppError('INVALID_ARGUMENT', '接任的组长需要是本小组的成员', { field: 'toMemberId' })
  await db.collection('roles').doc(grantId(input.toMemberId, g.id)).set({ unionId: me.unionId, memberId: input.toMemberId, role: 'leader', scope: { kind: 'group', id: g.id }, handedOverBy: me.member._id })
  await db.collection('roles').doc(mine._id).remove()
  const roles = me.roles.filter((r) => r._id !== mine._id)
  const after = { ...me, roles, subject: { ...me.subject, grants: roles.map(({ role, scope }) => ({ role, scope })) } }
  return groupDetail(deps, after, g)
}
