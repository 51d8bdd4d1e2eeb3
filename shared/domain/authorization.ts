/**
 * Who may do what: the one place that decides. Pure functions of the caller's role grants and the
 * target's union and scope; the function entry applies the action-level rule, handlers apply the
 * target-level rule with the same functions.
 */
import type { Role } from './roles'

export type ScopeKind = 'department' | 'group' | 'point'

export interface RoleGrant {
  readonly role: Role
  /** A leader leads a department (工会小组) or an interest group; a redeemer serves a redemption point. */
  readonly scope?: { readonly kind: ScopeKind; readonly id: string }
}

export interface Subject {
  readonly unionId: string
  readonly memberId: string
  readonly grants: readonly RoleGrant[]
}

/** The rule an action carries in the contract. */
export type Access =
  /** Anyone the platform identified, bound or not (binding itself). */
  | { readonly kind: 'identified' }
  /** A bound member holding at least one of `roles` (any bound member when omitted). */
  | { readonly kind: 'member'; readonly roles?: readonly Role[] }

export const hasRole = (subject: Subject, role: Role): boolean => role === 'member' || subject.grants.some((g) => g.role === role)

export const mayCall = (subject: Subject, access: Access): boolean =>
  access.kind === 'identified' || !access.roles || access.roles.some((role) => hasRole(subject, role))

/** Records of another union do not exist for this caller. */
export const sameUnion = (subject: Subject, target: { readonly unionId: string }): boolean => subject.unionId === target.unionId

/** A leader of exactly this department or group, or an admin of the union. */
export const mayManageScope = (subject: Subject, target: { readonly unionId: string; readonly kind: ScopeKind; readonly id: string }): boolean =>
  sameUnion(subject, target) &&
  (hasRole(subject, 'admin') || subject.grants.some((g) => g.role === 'leader' && g.scope?.kind === target.kind && g.scope.id === target.id))

/** A redeemer may redeem only at the points they serve. */
export const mayRedeemAt = (subject: Subject, target: { readonly unionId: string; readonly pointId: string }): boolean =>
  sameUnion(subject, target) && subject.grants.some((g) => g.role === 'redeemer' && g.scope?.kind === 'point' && g.scope.id === target.pointId)
