import type { Handler } from '../../_lib/entry'
import { AppError, invalid } from '../../_lib/app-error'
import type { DepartmentDoc, PointDoc, RoleDoc } from '../../_lib/documents'
import { memberDetail, memberInUnion } from '../../_lib/members.repo'
import { appendAudit } from '../../_lib/audit'

const NEEDS_SCOPE = { leader: ['department', 'group'], redeemer: ['point'] } as const

/** The natural key makes setting the same grants again a no-op. */
const grantId = (memberId: string, g: { role: string; scope?: { kind: string; id: string } }) => [memberId, g.role, g.scope?.kind ?? '', g.scope?.id ?? ''].join(':')

/** Replaces a member's grants (会员 is implicit). An admin cannot take away their own admin role. */
export const setRoles: Handler<'member.setRoles'> = async ({ deps, me, input }) => {
  const { db } = deps
  const _ = db.command
  const member = await memberInUnion(deps, me.unionId, input.id)
  const grants = input.grants.filter((g) => g.role !== 'member')
  for (const g of grants) {
    const kinds: readonly string[] | undefined = NEEDS_SCOPE[g.role as keyof typeof NEEDS_SCOPE]
    if (kinds && (!g.scope || !kinds.includes(g.scope.kind))) throw invalid(g.role === 'leader' ? '组长需要指定所带的部门或兴趣小组' : '核销员需要指定核销点', { field: 'grants' })
    if (!kinds && g.scope) throw invalid('管理员、经费审查和帮扶审核不区分范围', { field: 'grants' })
  }
  const deptIds = grants.filter((g) => g.scope?.kind === 'department').map((g) => g.scope!.id)
  if (deptIds.length) {
    const found = await db.collection('departments').where({ _id: _.in(deptIds), unionId: me.unionId }).limit(100).get()
    const known = new Set((found.data as DepartmentDoc[]).map((d) => d._id))
    if (deptIds.some((id) => !known.has(id))) throw invalid('没有这个部门', { field: 'grants' })
  }
  const pointIds = grants.filter((g) => g.scope?.kind === 'point').map((g) => g.scope!.id)
  if (pointIds.length) {
    const found = await db.collection('redeem_points').where({ _id: _.in(pointIds), unionId: me.unionId }).limit(100).get()
    const known = new Set((found.data as PointDoc[]).map((p) => p._id))
    if (pointIds.some((id) => !known.has(id))) throw invalid('没有这个兑换点', { field: 'grants' })
  }
  if (member._id === me.member._id && !grants.some((g) => g.role === 'admin')) throw new AppError('CONFLICT', '不能取消自己的管理员身份，请让另一位管理员操作')

  const docs: RoleDoc[] = grants.map((g) => ({ _id: grantId(member._id, g), unionId: me.unionId, memberId: member._id, role: g.role, ...(g.scope ? { scope: g.scope } : {}) }))
  const keep = docs.map((d) => d._id)
  await db.collection('roles').where({ unionId: me.unionId, memberId: member._id, _id: _.nin(keep) }).remove()
  await Promise.all(docs.map(({ _id, ...rest }) => db.collection('roles').doc(_id).set(rest)))
  await appendAudit(deps, { unionId: me.unionId, actor: me.member._id, actorName: me.member.name, action: 'roles.set', target: member.name, data: { memberId: member._id, grants: grants.map((g) => ({ role: g.role, scope: g.scope ?? null })) } })
  return memberDetail(deps, member)
}
