import type { AudienceMember, Audience } from '@shared/domain/activity'
import type { Deps } from '../_lib/deps'
import type { DepartmentDoc, GroupDoc, GroupMemberDoc, MemberDoc } from '../_lib/documents'
import type { CallerMember } from '../_lib/membership'
import { readAll } from '../_lib/read-all'

/**
 * Members, departments, interest groups and group memberships as the activity function reads them (their
 * records belong to the member and group functions; events only need names and who is in a group).
 */
type TeamKind = 'department' | 'group'
const teamsOf = (deps: Deps, kind: TeamKind) => deps.db.collection(kind === 'department' ? 'departments' : 'groups')

/** The name an organizing department or group lends an event, '' if it is gone. */
export async function teamName(deps: Deps, kind: TeamKind, id: string): Promise<string> {
  return ((await teamsOf(deps, kind).doc(id).field({ name: true }).get()).data[0] as DepartmentDoc | GroupDoc | undefined)?.name ?? ''
}

export async function teamNames(deps: Deps, kind: TeamKind, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = (
    await teamsOf(deps, kind)
      .where({ _id: deps.db.command.in([...ids]) })
      .field({ name: true })
      .limit(ids.length)
      .get()
  ).data as (DepartmentDoc | GroupDoc)[]
  return new Map(rows.map((d) => [d._id, d.name]))
}

/** How many of `ids` are teams of this union (a contest's teams must all be). */
export async function countTeamsInUnion(deps: Deps, kind: TeamKind, unionId: string, ids: readonly string[]): Promise<number> {
  return (
    await teamsOf(deps, kind)
      .where({ _id: deps.db.command.in([...ids]), unionId })
      .count()
  ).total
}

/** Which of `groupIds` the member is active in. */
export async function activeGroupsOf(deps: Deps, memberId: string, groupIds: readonly string[]): Promise<Set<string>> {
  if (!groupIds.length) return new Set()
  const rows = (
    await deps.db
      .collection('group_members')
      .where({ _id: deps.db.command.in(groupIds.map((g) => `${g}:${memberId}`)), status: 'active' })
      .field({ groupId: true })
      .limit(groupIds.length)
      .get()
  ).data as GroupMemberDoc[]
  return new Set(rows.map((r) => r.groupId))
}

/**
 * What the audience rules need to know of the caller. Group memberships cost a read, so they are
 * fetched only for a group-only event (the sign-up hot path usually skips it); `groupIds` known
 * already (the detail's joined read) are used as they are.
 */
export async function audienceMember(deps: Deps, me: CallerMember, audience: Audience, knownGroupIds?: readonly string[]): Promise<AudienceMember> {
  const groups = knownGroupIds ?? (audience.kind === 'group' ? [...(await activeGroupsOf(deps, me.member._id, [audience.groupId]))] : [])
  return { gender: me.member.gender ?? '', departmentId: me.member.departmentId, status: me.member.status, groupIds: groups }
}

/** A union's members who have not left, by name and department (for 群众参与度). */
export const currentMembers = (deps: Deps, unionId: string) =>
  readAll<Pick<MemberDoc, '_id' | 'name' | 'departmentName'>>(
    deps.db
      .collection('members')
      .where({ unionId, status: deps.db.command.neq('离会') })
      .field({ name: true, departmentName: true }),
  )
