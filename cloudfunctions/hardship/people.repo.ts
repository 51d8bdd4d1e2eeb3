import type { Deps } from '../_lib/deps'
import type { GroupMemberDoc, MemberDoc, RoleDoc } from '../_lib/documents'

/**
 * The people a hardship request involves that other domains keep: colleagues a leader or committee
 * member may report for (members, interest-group rosters) and the union's reviewers (role grants).
 * Reads only, for this domain's questions; the records stay with their own domains.
 */

export type Colleague = Pick<MemberDoc, '_id' | 'name' | 'departmentName'>

/** Current members (not 离会) whose name contains `text` or whose 会员编号 starts with it, optionally only in these departments. */
export async function membersMatching(deps: Deps, unionId: string, text: string, departments: readonly string[] | null, limit: number): Promise<Colleague[]> {
  const { db } = deps
  const _ = db.command
  const byName = _.or([{ name: db.RegExp({ regexp: text }) }, { memberNo: db.RegExp({ regexp: `^${text}`, options: 'i' }) }])
  const where = _.and([{ unionId, status: _.neq('离会') }, ...(departments ? [{ departmentId: _.in([...departments]) }] : []), byName])
  return (await db.collection('members').where(where).orderBy('memberNo', 'asc').limit(limit).field({ name: true, departmentName: true }).get())
    .data as Colleague[]
}

/** Active members of these interest groups whose name contains `text`. */
export async function groupMembersMatching(deps: Deps, unionId: string, groups: readonly string[], text: string, limit: number): Promise<Colleague[]> {
  const { db } = deps
  const rows = (
    await db
      .collection('group_members')
      .where({ unionId, groupId: db.command.in([...groups]), status: 'active', memberName: db.RegExp({ regexp: text }) })
      .orderBy('memberName', 'asc')
      .orderBy('_id', 'asc')
      .limit(limit)
      .get()
  ).data as GroupMemberDoc[]
  return rows.map((g) => ({ _id: g.memberId, name: g.memberName, departmentName: g.departmentName }))
}

/** Whether the member is active in any of these interest groups (memberships are keyed `<group>:<member>`). */
export async function activeInAnyGroup(deps: Deps, groups: readonly string[], memberId: string): Promise<boolean> {
  if (!groups.length) return false
  const res = await deps.db
    .collection('group_members')
    .where({ _id: deps.db.command.in(groups.map((g) => `${g}:${memberId}`)), status: 'active' })
    .limit(groups.length)
    .get()
  return res.data.length > 0
}

/** The reviewers of a union (a handful of people). */
export async function reviewersOf(deps: Deps, unionId: string): Promise<string[]> {
  const roles = (await deps.db.collection('roles').where({ unionId, role: 'reviewer' }).limit(100).get()).data as RoleDoc[]
  return [...new Set(roles.map((r) => r.memberId))]
}
