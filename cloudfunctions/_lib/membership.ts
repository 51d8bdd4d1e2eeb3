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

/** The caller's principal as the database assembles it: the binding with its member and role grants joined on. */
type PrincipalRow = BindingDoc & { readonly member?: readonly MemberDoc[]; readonly roles?: readonly RoleDoc[] }

/**
 * Resolves the calling WeChat user to their member record in their union in one database round
 * trip: the binding (`_id` = openid) with the member record and the role grants joined on by the
 * database (`$lookup` on the member's id; both sides indexed). Nothing is copied onto the binding,
 * so there is nothing to keep in step: a role revoked or a member marked 离会 counts from the next
 * call on, whichever action or crash came between, and bindings written before this stay valid.
 */
export async function requireMember(deps: Deps, caller: Caller): Promise<CallerMember> {
  const res = await deps.db
    .collection('bindings')
    .aggregate()
    .match({ _id: caller.openid })
    .limit(1)
    .lookup({ from: 'members', localField: 'memberId', foreignField: '_id', as: 'member' })
    .lookup({ from: 'roles', localField: 'memberId', foreignField: 'memberId', as: 'roles' })
    .end()
  const row = ((res as { data?: PrincipalRow[] }).data ?? [])[0]
  if (!row) throw new AppError('NOT_BOUND')
  const member = row.member?.[0]
  if (!member || member.unionId !== row.unionId || member.status === '离会') throw new AppError('NOT_BOUND')
  // A member id is one union's; the union is checked anyway, as every read of a grant does.
  const roles = sortRoles((row.roles ?? []).filter((r) => r.unionId === row.unionId))
  const subject: Subject = { unionId: row.unionId, memberId: member._id, grants: roles.map(({ role, scope }) => ({ role, scope })) }
  return { openid: caller.openid, unionId: row.unionId, member, roles, subject }
}

/**
 * A member's stored role grants (a person holds a handful at most), in the order roles are listed
 * everywhere (then by scope): CloudBase returns an unsorted read in a different order each time.
 */
export async function rolesOf(deps: Deps, unionId: string, memberId: string): Promise<RoleDoc[]> {
  return sortRoles((await deps.db.collection('roles').where({ unionId, memberId }).limit(100).get()).data as RoleDoc[])
}

const scopeKey = (r: RoleDoc) => `${r.scope?.kind ?? ''}:${r.scope?.id ?? ''}`

export function sortRoles(roles: readonly RoleDoc[]): RoleDoc[] {
  return [...roles].sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || (scopeKey(a) < scopeKey(b) ? -1 : scopeKey(a) > scopeKey(b) ? 1 : 0))
}
