import type { Handler } from '../../_lib/entry'
import { AppError, invalid } from '../../_lib/app-error'
import { memberDetail, memberInUnion } from '../../_lib/members.repo'
import { knownPoints, replaceGrants } from '../../_lib/roles.repo'
import { appendAudit } from '../../_lib/audit'
import { knownDepartments } from '../departments.repo'

const NEEDS_SCOPE = { leader: ['department', 'group'], redeemer: ['point'] } as const

/**
 * Replaces a member's grants (会员 is implicit). An admin cannot take away their own admin role.
 * Setting the same grants again is a no-op (each grant's id is its natural key), and a grant taken
 * away counts from the member's next call: the caller's grants are read with the caller.
 */
export const setRoles: Handler<'member.setRoles'> = async ({ deps, me, input }) => {
  const member = await memberInUnion(deps, me.unionId, input.id)
  const grants = input.grants.filter((g) => g.role !== 'member')
  for (const g of grants) {
    const kinds: readonly string[] | undefined = NEEDS_SCOPE[g.role as keyof typeof NEEDS_SCOPE]
    if (kinds && (!g.scope || !kinds.includes(g.scope.kind)))
      throw invalid(g.role === 'leader' ? '组长需要指定所带的部门或兴趣小组' : '核销员需要指定核销点', { field: 'grants' })
    if (!kinds && g.scope) throw invalid('管理员、经费审查和帮扶审核不区分范围', { field: 'grants' })
  }
  const scopeIds = (kind: string) => grants.filter((g) => g.scope?.kind === kind).map((g) => g.scope!.id)
  const [departments, points] = await Promise.all([
    knownDepartments(deps, me.unionId, scopeIds('department')),
    knownPoints(deps, me.unionId, scopeIds('point')),
  ])
  if (scopeIds('department').some((id) => !departments.has(id))) throw invalid('没有这个部门', { field: 'grants' })
  if (scopeIds('point').some((id) => !points.has(id))) throw invalid('没有这个兑换点', { field: 'grants' })
  if (member._id === me.member._id && !grants.some((g) => g.role === 'admin')) throw new AppError('CONFLICT', '不能取消自己的管理员身份，请让另一位管理员操作')

  await replaceGrants(deps, me.unionId, member._id, grants)
  await appendAudit(deps, {
    unionId: me.unionId,
    actor: me.member._id,
    actorName: me.member.name,
    action: 'roles.set',
    target: member.name,
    data: { memberId: member._id, grants: grants.map((g) => ({ role: g.role, scope: g.scope ?? null })) },
  })
  return memberDetail(deps, member)
}
