import type { JoinRequest, RosterEntry } from '@shared/contract'
import { dateTimeText, formatShanghai } from '@shared/domain/time'
import { countOf, countRead, stages, type SubRead } from '../_lib/batch-read'
import { isDuplicateWrite } from '../_lib/db-errors'
import type { Deps } from '../_lib/deps'
import { readAll } from '../_lib/read-all'
import type { MemberDoc } from '../_lib/documents'
import type { GroupMemberDoc, GroupMembershipStatus, MembershipUndo } from './records'

/**
 * The `group_members` records: `_id` = `<groupId>:<memberId>`, so a member is in a group at most
 * once; every move of a membership is one conditional write on its status and claim token.
 */

const MEMBERSHIPS = 'group_members'

export const membershipId = (groupId: string, memberId: string) => `${groupId}:${memberId}`

export async function readMembership(deps: Deps, id: string): Promise<GroupMemberDoc | undefined> {
  return (await deps.db.collection(MEMBERSHIPS).doc(id).get()).data[0] as GroupMemberDoc | undefined
}

/** The fields a claim or request writes onto a membership. */
export type ClaimFields = Pick<GroupMemberDoc, 'status' | 'claim' | 'shareContact' | 'requestedAt' | 'joinedAt' | 'memberName' | 'departmentName'> & {
  readonly claimedAt?: Date
  readonly undo?: MembershipUndo | null
}

/** A first membership of this member in this group; false when a simultaneous call made it first. */
export async function insertMembership(deps: Deps, doc: Pick<GroupMemberDoc, '_id' | 'unionId' | 'groupId' | 'memberId'> & ClaimFields): Promise<boolean> {
  try {
    await deps.db.collection(MEMBERSHIPS).add(doc)
    return true
  } catch (error) {
    if (isDuplicateWrite(error)) return false
    throw error
  }
}

/**
 * Moves a membership on, only while it is still in one of `from` with the claim read: the one write
 * every join, request, decision, leave and removal is. False when it changed meanwhile.
 */
export async function moveMembership(
  deps: Deps,
  id: string,
  from: GroupMembershipStatus | readonly GroupMembershipStatus[],
  claim: string,
  fields: Readonly<Record<string, unknown>>,
): Promise<boolean> {
  const status = typeof from === 'string' ? from : deps.db.command.in([...from])
  return (await deps.db.collection(MEMBERSHIPS).where({ _id: id, status, claim }).update(fields)).updated === 1
}

/** A new membership's claim that found no seat goes away (only while it is still that claim). */
export async function dropClaim(deps: Deps, id: string, claim: string): Promise<void> {
  await deps.db.collection(MEMBERSHIPS).where({ _id: id, claim, status: 'joining' }).remove()
}

/** What a recount of a group's seats reads of its roster (see seat-count.ts). */
export async function seatHolders(
  deps: Deps,
  groupId: string,
  vacatedSince: Date,
  inFlightMax: number,
): Promise<{ active: number; joining: GroupMemberDoc[]; vacated: number }> {
  const _ = deps.db.command
  const members = deps.db.collection(MEMBERSHIPS)
  const [active, joining, vacated] = await Promise.all([
    members.where({ groupId, status: 'active' }).count(),
    members.where({ groupId, status: 'joining' }).field({ claim: true, claimedAt: true, requestedAt: true }).limit(inFlightMax).get(),
    members.where({ groupId, status: _.in(['left', 'removed']), vacatedAt: _.gt(vacatedSince) }).count(),
  ])
  return { active: active.total, joining: joining.data as GroupMemberDoc[], vacated: vacated.total }
}

/** Every group's active head count (one row per group, of every union) and every claim still `joining`: the repair's survey. */
export async function rostersAndClaims(deps: Deps, maxGroups: number): Promise<{ roster: Map<string, number>; claims: GroupMemberDoc[] }> {
  const $ = deps.db.command.aggregate
  const members = deps.db.collection(MEMBERSHIPS)
  const [rosters, claims] = await Promise.all([
    members
      .aggregate()
      .match({ status: 'active' })
      .group({ _id: '$groupId', n: $.sum(1) })
      .limit(maxGroups)
      .end(),
    readAll<GroupMemberDoc>(members.where({ status: 'joining' })),
  ])
  return { roster: new Map(((rosters as { data?: { _id: string; n: number }[] }).data ?? []).map((r) => [r._id, r.n])), claims }
}

/** A group's first members, written as active at its founding (the ids are natural keys: a retry rewrites the same). */
export async function foundMemberships(
  deps: Deps,
  unionId: string,
  groupId: string,
  members: readonly MemberDoc[],
  now: Date,
  claimOf: () => string,
): Promise<void> {
  // Inserted only where none exists yet: a founding finished again (retry or repair) never brings
  // back a leader who left meanwhile, nor moves a count the seat rules keep.
  await Promise.all(
    members.map((m) =>
      insertMembership(deps, {
        _id: membershipId(groupId, m._id),
        unionId,
        groupId,
        memberId: m._id,
        memberName: m.name,
        departmentName: m.departmentName,
        status: 'active',
        shareContact: false,
        requestedAt: now,
        joinedAt: now,
        claim: claimOf(),
      }),
    ),
  )
}

/** Which of these members are active in the group. */
export async function activeAmong(deps: Deps, groupId: string, memberIds: readonly string[]): Promise<GroupMemberDoc[]> {
  if (!memberIds.length) return []
  const ids = memberIds.map((m) => membershipId(groupId, m))
  return (
    await deps.db
      .collection(MEMBERSHIPS)
      .where({ _id: deps.db.command.in(ids), status: 'active' })
      .limit(ids.length)
      .get()
  ).data as GroupMemberDoc[]
}

// —— pages, as reads inside the batch that loads the group (see groups.repo.ts loadGroupWith) ——

/**
 * One page of an interest group's roster and its total. Managers' pages carry each member's phone
 * joined on; it is shown only where the member agreed (see toRosterEntries).
 */
export function rosterReads(deps: Deps, groupId: string, skip: number, limit: number, withPhones: boolean): { page: SubRead; total: SubRead } {
  const where = { groupId, status: 'active' }
  let page = stages(deps).match(where).sort({ joinedAt: 1, _id: 1 }).skip(skip).limit(limit)
  if (withPhones)
    page = page
      .lookup({ from: 'members', localField: 'memberId', foreignField: '_id', as: 'contact' })
      .project({ memberId: 1, memberName: 1, departmentName: 1, joinedAt: 1, shareContact: 1, 'contact.phone': 1, 'contact.unionId': 1 })
  else page = page.project({ memberId: 1, memberName: 1, departmentName: 1, joinedAt: 1 })
  return { page: { from: MEMBERSHIPS, pipeline: page.done() }, total: countRead(deps, MEMBERSHIPS, where) }
}

type RosterRow = GroupMemberDoc & { readonly contact?: readonly Pick<MemberDoc, 'phone' | 'unionId'>[] }

/** Names and departments for everyone; a phone only where the member agreed to share it with the group's managers. */
export function toRosterEntries(rows: readonly unknown[], unionId: string, leaders: ReadonlySet<string>): RosterEntry[] {
  return (rows as RosterRow[]).map((e) => {
    const entry: RosterEntry = {
      memberId: e.memberId,
      name: e.memberName,
      department: e.departmentName,
      joinedAt: e.joinedAt ? formatShanghai(e.joinedAt, 'YYYY-MM-DD') : '',
      isLeader: leaders.has(e.memberId),
    }
    const phone = e.shareContact ? e.contact?.find((c) => c.unionId === unionId)?.phone : undefined
    return phone ? { ...entry, phone } : entry
  })
}

/** One page of a department's roster (a 工会小组 is its department) and its total: names, departments, join dates. */
export function departmentRosterReads(deps: Deps, unionId: string, departmentId: string, skip: number, limit: number): { page: SubRead; total: SubRead } {
  const where = { unionId, departmentId, status: deps.db.command.neq('离会') }
  return {
    page: {
      from: 'members',
      pipeline: stages(deps).match(where).sort({ memberNo: 1, _id: 1 }).skip(skip).limit(limit).project({ name: 1, departmentName: 1, joinDate: 1 }).done(),
    },
    total: countRead(deps, 'members', where),
  }
}

export const toDepartmentRoster = (rows: readonly unknown[], leaders: ReadonlySet<string>): RosterEntry[] =>
  (rows as MemberDoc[]).map((m) => ({ memberId: m._id, name: m.name, department: m.departmentName, joinedAt: m.joinDate ?? '', isLeader: leaders.has(m._id) }))

/** One page of the requests waiting for the leader, oldest first, and their total. */
export function requestReads(deps: Deps, groupId: string, skip: number, limit: number): { page: SubRead; total: SubRead } {
  const where = { groupId, status: 'pending' }
  return {
    page: {
      from: MEMBERSHIPS,
      pipeline: stages(deps)
        .match(where)
        .sort({ requestedAt: 1, _id: 1 })
        .skip(skip)
        .limit(limit)
        .project({ memberId: 1, memberName: 1, departmentName: 1, requestedAt: 1 })
        .done(),
    },
    total: countRead(deps, MEMBERSHIPS, where),
  }
}

export const toJoinRequests = (rows: readonly unknown[], now: Date): JoinRequest[] =>
  (rows as GroupMemberDoc[]).map((m) => ({
    memberId: m.memberId,
    name: m.memberName,
    department: m.departmentName,
    requestedAt: dateTimeText(m.requestedAt, now),
  }))

export { countOf }
