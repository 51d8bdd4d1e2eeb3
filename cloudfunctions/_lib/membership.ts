import { ROLES, type Role } from '@shared/contract'
import type { Subject } from '@shared/domain/authorization'
import { AppError } from './app-error'
import type { Deps } from './deps'
import type { Caller } from './identity'
import type { BindingDoc, MemberDoc, RoleDoc } from './documents'

export interface CallerMember {
  readonly openid: string
  readonly unionId: string
  readonly member: MemberDoc
  readonly roles: readonly RoleDoc[]
  /** What the authorization rules in shared/domain/authorization read. */
  readonly subject: Subject
}

/** Every member holds `member`; stored role assignments add to it. */
export const roleNames = (roles: readonly RoleDoc[]): Role[] => ['member', ...new Set(roles.map((r) => r.role).filter((r) => r !== 'member'))]

/**
 * Resolves the calling WeChat user to their member record in their union: binding, then member and
 * role assignments in parallel (two round trips of latency, three requests).
 */
export async function requireMember(deps: Deps, caller: Caller): Promise<CallerMember> {
  const { db } = deps
  const bindingRes = await db.collection('bindings').doc(caller.openid).get()
  const binding = bindingRes.data[0] as BindingDoc | undefined
  if (!binding) throw new AppError('NOT_BOUND')
  const [memberRes, roleRes] = await Promise.all([
    db.collection('members').doc(binding.memberId).get(),
    rolesOf(deps, binding.unionId, binding.memberId),
  ])
  const member = memberRes.data[0] as MemberDoc | undefined
  if (!member || member.unionId !== binding.unionId || member.status === '离会') throw new AppError('NOT_BOUND')
  const roles = roleRes
  const subject: Subject = { unionId: binding.unionId, memberId: member._id, grants: roles.map(({ role, scope }) => ({ role, scope })) }
  return { openid: caller.openid, unionId: binding.unionId, member, roles, subject }
}

/**
 * A member's stored role grants (a person holds a handful at most), in the order roles are listed
 * everywhere (then by scope): CloudBase returns an unsorted read in a different order each time.
 */
export async function rolesOf(deps: Deps, unionId: string, memberId: string): Promise<RoleDoc[]> {
  const roles = (await deps.db.collection('roles').where({ unionId, memberId }).limit(100).get()).data as RoleDoc[]
  const scopeKey = (r: RoleDoc) => `${r.scope?.kind ?? ''}:${r.scope?.id ?? ''}`
  return roles.sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || (scopeKey(a) < scopeKey(b) ? -1 : scopeKey(a) > scopeKey(b) ? 1 : 0))
}
