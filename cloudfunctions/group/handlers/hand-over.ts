import type { Handler } from '../../_lib/entry'
import { AppError, forbidden } from '../../_lib/app-error'
import { grantGroupLeaders, groupLeaderGrant, removeGrant } from '../../_lib/roles.repo'
import { groupDetail, loadGroup, membershipId, requireInterest } from '../groups.repo'
import { readMembership } from '../memberships.repo'

/**
 * A leader passes the group to one of its active members; the role grant moves with it. The new
 * grant is written first and names who handed over, so if the call dies before the old grant is
 * removed, trying again finishes it, and trying again after that answers the group as it is now.
 * The answer is read after both writes, so the old leader's page no longer offers what they led.
 */
export const handOver: Handler<'group.handOver'> = async ({ deps, me, input }) => {
  const g = await loadGroup(deps, me, input.id)
  requireInterest(g)
  const mine = me.roles.find((r) => r.role === 'leader' && r.scope?.kind === 'group' && r.scope.id === g.id)
  if (!mine) {
    const given = await groupLeaderGrant(deps, me.unionId, g.id, input.toMemberId)
    if (given?.handedOverBy === me.member._id) return groupDetail(deps, me, g.id)
    throw forbidden('只有本小组的组长可以移交组长')
  }
  if (input.toMemberId === me.member._id) throw new AppError('INVALID_ARGUMENT', '请选择另一位成员接任组长', { field: 'toMemberId' })
  const next = await readMembership(deps, membershipId(g.id, input.toMemberId))
  if (!next || next.status !== 'active') throw new AppError('INVALID_ARGUMENT', '接任的组长需要是本小组的成员', { field: 'toMemberId' })
  await grantGroupLeaders(deps, me.unionId, g.id, [input.toMemberId], { handedOverBy: me.member._id })
  await removeGrant(deps, mine._id)
  const roles = me.roles.filter((r) => r._id !== mine._id)
  const after = { ...me, roles, subject: { ...me.subject, grants: roles.map(({ role, scope }) => ({ role, scope })) } }
  return groupDetail(deps, after, g.id)
}
