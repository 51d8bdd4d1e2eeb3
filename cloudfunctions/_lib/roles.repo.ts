import type { Role } from '@shared/contract'
import type { Deps } from './deps'
import type { RoleDoc } from './documents'

/**
 * The `roles` records: one document per grant, its `_id` the grant's natural key, so granting again
 * is a no-op and a retry never duplicates. The caller's grants are read with the caller (see
 * membership.ts), so a grant written or removed here counts from the next call on.
 */

export type Grant = { readonly role: Role; readonly scope?: { readonly kind: 'department' | 'group' | 'point'; readonly id: string } }

export const grantId = (memberId: string, g: Grant): string => [memberId, g.role, g.scope?.kind ?? '', g.scope?.id ?? ''].join(':')

const leaderOfGroup = (groupId: string): Grant => ({ role: 'leader', scope: { kind: 'group', id: groupId } })

/** Replaces a member's grants with these: the others removed first (a cut call has taken away, never added, more than asked). */
export async function replaceGrants(deps: Deps, unionId: string, memberId: string, grants: readonly Grant[]): Promise<void> {
  const { db } = deps
  const keep = grants.map((g) => grantId(memberId, g))
  await db
    .collection('roles')
    .where({ unionId, memberId, _id: db.command.nin(keep) })
    .remove()
  await Promise.all(
    grants.map((g) =>
      db
        .collection('roles')
        .doc(grantId(memberId, g))
        .set({ unionId, memberId, role: g.role, ...(g.scope ? { scope: g.scope } : {}) }),
    ),
  )
}

/** Makes each of these members a leader of the group (the grant's natural key: writing it again changes nothing). */
export async function grantGroupLeaders(
  deps: Deps,
  unionId: string,
  groupId: string,
  memberIds: readonly string[],
  extra: Record<string, unknown> = {},
): Promise<void> {
  await Promise.all(
    memberIds.map((memberId) =>
      deps.db
        .collection('roles')
        .doc(grantId(memberId, leaderOfGroup(groupId)))
        .set({ unionId, memberId, role: 'leader', scope: { kind: 'group', id: groupId }, ...extra }),
    ),
  )
}

/** Takes the group's leader grant from every member not in `keep`. */
export async function revokeGroupLeadersExcept(deps: Deps, unionId: string, groupId: string, keep: readonly string[]): Promise<void> {
  const _ = deps.db.command
  await deps.db
    .collection('roles')
    .where({ unionId, role: 'leader', 'scope.kind': 'group', 'scope.id': groupId, memberId: _.nin([...keep]) })
    .remove()
}

/** One member's leader grant of the group, if any (with who handed it over, when it came by hand-over). */
export async function groupLeaderGrant(
  deps: Deps,
  unionId: string,
  groupId: string,
  memberId: string,
): Promise<(RoleDoc & { readonly handedOverBy?: string }) | undefined> {
  const rows = await deps.db.collection('roles').where({ unionId, memberId, role: 'leader', 'scope.kind': 'group', 'scope.id': groupId }).limit(1).get()
  return rows.data[0] as (RoleDoc & { handedOverBy?: string }) | undefined
}

export async function removeGrant(deps: Deps, id: string): Promise<void> {
  await deps.db.collection('roles').doc(id).remove()
}

/** The leader grants of a department or interest group (a handful). */
export async function leaderGrantsOf(deps: Deps, unionId: string, scope: { kind: 'department' | 'group'; id: string }): Promise<RoleDoc[]> {
  return (await deps.db.collection('roles').where({ unionId, role: 'leader', 'scope.kind': scope.kind, 'scope.id': scope.id }).limit(20).get())
    .data as RoleDoc[]
}

/** Which of these ids are redemption points of the union (a redeemer's grant must name one). */
export async function knownPoints(deps: Deps, unionId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set()
  const found = await deps.db
    .collection('redeem_points')
    .where({ _id: deps.db.command.in([...ids]), unionId })
    .field({ _id: true })
    .limit(100)
    .get()
  return new Set((found.data as { _id: string }[]).map((p) => p._id))
}
