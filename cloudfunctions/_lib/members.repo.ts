import type { MemberDetail, MemberRow } from '@shared/contract'
import { notFound } from './app-error'
import { escapeRegExp } from './db-errors'
import type { Deps } from './deps'
import type { BindingDoc, MemberDoc, RoleDoc } from './documents'
import { sortRoles } from './membership'
import { readAll } from './read-all'

/**
 * The `members` records (the roster) as other code asks for them. A member of another union does
 * not exist for the caller: every load by id is within the caller's union.
 */

/** Reads one member of the caller's union; another union's member does not exist for this caller. */
export async function memberInUnion(deps: Deps, unionId: string, id: string): Promise<MemberDoc> {
  const doc = (await deps.db.collection('members').doc(id).get()).data[0] as MemberDoc | undefined
  if (!doc || doc.unionId !== unionId) throw notFound('没有找到这位会员')
  return doc
}

/** A member by id, whatever the union (a bind checks the union against the invite's). */
export async function memberById(deps: Deps, id: string): Promise<MemberDoc | undefined> {
  return (await deps.db.collection('members').doc(id).get()).data[0] as MemberDoc | undefined
}

/** Members with this 会员编号 and name, in any union (bind by profile tells them apart by phone). */
export async function membersByNoAndName(deps: Deps, memberNo: string, name: string): Promise<MemberDoc[]> {
  return (await deps.db.collection('members').where({ memberNo, name }).limit(10).get()).data as MemberDoc[]
}

/** These members of the union (ids of another union are simply not among them). */
export async function membersByIds(deps: Deps, unionId: string, ids: readonly string[]): Promise<MemberDoc[]> {
  return readAll<MemberDoc>(deps.db.collection('members').where({ unionId, _id: deps.db.command.in([...ids]) }))
}

/** Those of these members of the union who are still in it (not 离会): a handful, as a group's leaders are. */
export async function currentMembersAmong(deps: Deps, unionId: string, ids: readonly string[]): Promise<MemberDoc[]> {
  const _ = deps.db.command
  return (
    await deps.db
      .collection('members')
      .where({ _id: _.in([...ids]), unionId, status: _.neq('离会') })
      .limit(ids.length)
      .get()
  ).data as MemberDoc[]
}

/** Every member of the union still in it (not 离会). */
export async function currentMembers(deps: Deps, unionId: string): Promise<MemberDoc[]> {
  return readAll<MemberDoc>(deps.db.collection('members').where({ unionId, status: deps.db.command.neq('离会') }))
}

export const toMemberRow = (m: MemberDoc, bound: boolean): MemberRow => ({
  id: m._id,
  name: m.name,
  gender: m.gender ?? '',
  departmentId: m.departmentId,
  department: m.departmentName,
  memberNo: m.memberNo,
  phone: m.phone ?? '',
  status: m.status,
  bound,
})

/** A member with their role grants and binding joined on by the database (one round trip). */
type MemberWithLinks = MemberDoc & { readonly roles?: readonly RoleDoc[]; readonly bindings?: readonly Pick<BindingDoc, 'unionId'>[] }

const linked = (deps: Deps, where: object) =>
  deps.db
    .collection('members')
    .aggregate()
    .match(where)
    .limit(1)
    .lookup({ from: 'roles', localField: '_id', foreignField: 'memberId', as: 'roles' })
    .lookup({ from: 'bindings', localField: '_id', foreignField: 'memberId', as: 'bindings' })
    .end()

function toDetail(m: MemberWithLinks): MemberDetail {
  const { roles = [], bindings = [], ...member } = m
  const grants = sortRoles(roles.filter((r) => r.unionId === member.unionId))
  return {
    ...toMemberRow(
      member,
      bindings.some((b) => b.unionId === member.unionId),
    ),
    birthday: member.birthday ?? '',
    joinDate: member.joinDate ?? '',
    grants: grants.map(({ role, scope }) => (scope ? { role, scope } : { role })),
  }
}

/** The admin's full view of one member of the union: profile, role grants and whether a WeChat user is bound. */
export async function memberDetailOf(deps: Deps, unionId: string, id: string): Promise<MemberDetail> {
  const [doc] = ((await linked(deps, { _id: id, unionId })) as { data?: MemberWithLinks[] }).data ?? []
  if (!doc) throw notFound('没有找到这位会员')
  return toDetail(doc)
}

/** The same view of a member already loaded, after a change (read again, so grants and binding are as stored). */
export const memberDetail = (deps: Deps, member: Pick<MemberDoc, '_id' | 'unionId'>): Promise<MemberDetail> => memberDetailOf(deps, member.unionId, member._id)

export interface RosterFilter {
  readonly departmentId?: string
  readonly status?: string
  readonly keyword?: string
}

/**
 * One page of the union's roster with whether each member is bound, and the total: the page (with
 * the bindings joined on) and the count in parallel, two round trips.
 */
export async function rosterPage(
  deps: Deps,
  unionId: string,
  filter: RosterFilter,
  skip: number,
  limit: number,
): Promise<{ rows: MemberRow[]; total: number }> {
  const { db } = deps
  const _ = db.command
  const filters: object[] = [{ unionId }]
  if (filter.departmentId) filters.push({ departmentId: filter.departmentId })
  if (filter.status) filters.push({ status: filter.status })
  if (filter.keyword) {
    const text = escapeRegExp(filter.keyword)
    filters.push(_.or([{ name: db.RegExp({ regexp: text }) }, { memberNo: db.RegExp({ regexp: `^${text}`, options: 'i' }) }]))
  }
  const where = _.and(filters)
  const [page, count] = await Promise.all([
    db
      .collection('members')
      .aggregate()
      .match(where)
      .sort({ memberNo: 1, _id: 1 })
      .skip(skip)
      .limit(limit)
      .lookup({ from: 'bindings', localField: '_id', foreignField: 'memberId', as: 'bindings' })
      .end(),
    db.collection('members').where(where).count(),
  ])
  const rows = ((page as { data?: MemberWithLinks[] }).data ?? []).map(({ bindings = [], roles: _roles, ...m }) =>
    toMemberRow(
      m,
      bindings.some((b) => b.unionId === m.unionId),
    ),
  )
  return { rows, total: count.total }
}

/** Writes the changed fields of a member's record. */
export async function saveMemberChanges(deps: Deps, id: string, changes: Readonly<Record<string, unknown>>): Promise<void> {
  await deps.db
    .collection('members')
    .doc(id)
    .update({ ...changes, updatedAt: deps.clock.now() })
}

/** The openid bound to a member (a binding's id is the openid), or null when nobody is bound. */
export async function openidOfMember(deps: Deps, unionId: string, memberId: string): Promise<string | null> {
  const rows = (await deps.db.collection('bindings').where({ unionId, memberId }).field({ _id: true }).limit(1).get()).data as Pick<BindingDoc, '_id'>[]
  return rows[0]?._id ?? null
}
