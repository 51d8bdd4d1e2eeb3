import type { GroupCard, GroupDetail } from '@shared/contract'
import { mayManageScope, type ScopeKind } from '@shared/domain/authorization'
import { AppError, forbidden, notFound } from '../_lib/app-error'
import type { Deps } from '../_lib/deps'
import type { DepartmentDoc, GroupDoc, GroupMemberDoc, MemberDoc, RoleDoc } from '../_lib/documents'
import type { CallerMember } from '../_lib/membership'

/** Union groups (工会小组) are departments; their ids carry this prefix so one id space serves both kinds. */
export const DEPT_PREFIX = 'dept:'

export type GroupRef =
  | { readonly kind: 'interest'; readonly id: string; readonly unionId: string; readonly name: string; readonly doc: GroupDoc }
  | { readonly kind: 'department'; readonly id: string; readonly unionId: string; readonly name: string; readonly departmentId: string }

export const membershipId = (groupId: string, memberId: string) => `${groupId}:${memberId}`

/** A group of the caller's union; anything else does not exist for this caller. */
export async function loadGroup(deps: Deps, me: CallerMember, id: string): Promise<GroupRef> {
  const { db } = deps
  if (id.startsWith(DEPT_PREFIX)) {
    const departmentId = id.slice(DEPT_PREFIX.length)
    const dept = (await db.collection('departments').doc(departmentId).get()).data[0] as DepartmentDoc | undefined
    if (!dept || dept.unionId !== me.unionId) throw notFound('没有找到这个小组')
    return { kind: 'department', id, unionId: dept.unionId, name: `${dept.name}工会小组`, departmentId }
  }
  const doc = (await db.collection('groups').doc(id).get()).data[0] as GroupDoc | undefined
  if (!doc || doc.unionId !== me.unionId) throw notFound('没有找到这个小组')
  return { kind: 'interest', id, unionId: doc.unionId, name: doc.name, doc }
}

export const scopeOf = (g: GroupRef): { unionId: string; kind: ScopeKind; id: string } =>
  g.kind === 'interest' ? { unionId: g.unionId, kind: 'group', id: g.id } : { unionId: g.unionId, kind: 'department', id: g.departmentId }

export const manages = (me: CallerMember, g: GroupRef) => mayManageScope(me.subject, scopeOf(g))

/** Leaders and admins only; a member of the group gets a plain refusal. */
export function requireManager(me: CallerMember, g: GroupRef): void {
  if (!manages(me, g)) throw forbidden('只有本小组的组长或工会管理员可以这样做')
}

export function requireInterest(g: GroupRef): asserts g is Extract<GroupRef, { kind: 'interest' }> {
  if (g.kind !== 'interest') throw new AppError('CONFLICT', '工会小组按部门自动组成，成员随会员名册变化')
}

/** The leaders of a group: role grants scoped to it, with names. */
export async function leadersOf(deps: Deps, g: GroupRef): Promise<{ memberId: string; name: string }[]> {
  const { db } = deps
  const scope = scopeOf(g)
  const roles = (await db.collection('roles').where({ unionId: g.unionId, role: 'leader', 'scope.kind': scope.kind, 'scope.id': scope.id }).limit(20).get()).data as RoleDoc[]
  if (!roles.length) return []
  const members = (await db.collection('members').where({ _id: db.command.in(roles.map((r) => r.memberId)) }).field({ name: true }).limit(20).get()).data as MemberDoc[]
  return members.map((m) => ({ memberId: m._id, name: m.name })).sort((a, b) => a.name.localeCompare(b.name, 'zh'))
}

export const interestCard = (doc: GroupDoc, mine: GroupMemberDoc | undefined, iLead: boolean): GroupCard => ({
  id: doc._id,
  kind: 'interest',
  name: doc.name,
  description: doc.description,
  memberCount: doc.memberCount,
  sizeLimit: doc.sizeLimit,
  joinPolicy: doc.joinPolicy,
  myStatus: !mine ? null : mine.status === 'active' ? 'active' : mine.status === 'pending' || mine.status === 'joining' ? 'pending' : null,
  iLead,
})

export const departmentCard = (dept: { _id: string; name: string }, count: number, mine: boolean, iLead: boolean): GroupCard => ({
  id: `${DEPT_PREFIX}${dept._id}`,
  kind: 'department',
  name: `${dept.name}工会小组`,
  description: `${dept.name}全体会员`,
  memberCount: count,
  sizeLimit: null,
  joinPolicy: 'open',
  myStatus: mine ? 'active' : null,
  iLead,
})

/** The group page's header: the card, its leaders, and for its managers the number of waiting requests. */
export async function groupDetail(deps: Deps, me: CallerMember, g: GroupRef): Promise<GroupDetail> {
  const { db } = deps
  const canManage = manages(me, g)
  if (g.kind === 'department') {
    const [count, leaders] = await Promise.all([
      db.collection('members').where({ unionId: g.unionId, departmentId: g.departmentId, status: db.command.neq('离会') }).count(),
      leadersOf(deps, g),
    ])
    const card = departmentCard({ _id: g.departmentId, name: g.name.replace(/工会小组$/, '') }, count.total, me.member.departmentId === g.departmentId, canManage)
    return { ...card, leaders, pendingCount: null, myDecision: null }
  }
  const [mine, leaders, pending] = await Promise.all([
    db.collection('group_members').doc(membershipId(g.id, me.member._id)).get(),
    leadersOf(deps, g),
    canManage ? db.collection('group_members').where({ groupId: g.id, status: 'pending' }).count() : Promise.resolve(null),
  ])
  const membership = mine.data[0] as GroupMemberDoc | undefined
  const myDecision = membership && (membership.status === 'declined' || membership.status === 'removed') ? { status: membership.status, reason: membership.reason ?? '' } : null
  return { ...interestCard(g.doc, membership, canManage), leaders, pendingCount: pending ? pending.total : null, myDecision }
}
