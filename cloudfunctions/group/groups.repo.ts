import type { GroupCard, GroupDetail } from '@shared/contract'
import { mayManageScope, type ScopeKind } from '@shared/domain/authorization'
import { AppError, forbidden, notFound } from '../_lib/app-error'
import { countOf, countRead, readTogether, stages, type Anchor, type SubRead } from '../_lib/batch-read'
import { isDuplicateWrite } from '../_lib/db-errors'
import type { Deps } from '../_lib/deps'
import { readAll } from '../_lib/read-all'
import type { DepartmentDoc } from '../_lib/documents'
import type { CallerMember } from '../_lib/membership'
import { membershipId } from './memberships.repo'
import type { GroupDoc, GroupMemberDoc } from './records'

export { membershipId }

/** Union groups (工会小组) are departments; their ids carry this prefix so one id space serves both kinds. */
export const DEPT_PREFIX = 'dept:'

export type GroupRef =
  | { readonly kind: 'interest'; readonly id: string; readonly unionId: string; readonly name: string; readonly doc: GroupDoc }
  | { readonly kind: 'department'; readonly id: string; readonly unionId: string; readonly name: string; readonly departmentId: string }

const GROUPS = 'groups'
/** How many departments and interest groups one union's list shows: one page each. */
const LIST_MAX = 1000
/** Leaders of one group: a handful. */
const LEADERS_MAX = 20
/** The caller's memberships looked at on the list (joined, waiting or joining). */
const MINE_MAX = 200

const NOT_FOUND = '没有找到这个小组'

/** What a group id names before anything is read: the interest group's id, or the department's. */
const parseId = (id: string) =>
  id.startsWith(DEPT_PREFIX) ? { kind: 'department' as const, docId: id.slice(DEPT_PREFIX.length) } : { kind: 'interest' as const, docId: id }

const deptRef = (dept: Pick<DepartmentDoc, '_id' | 'unionId' | 'name'>): GroupRef => ({
  kind: 'department',
  id: `${DEPT_PREFIX}${dept._id}`,
  unionId: dept.unionId,
  name: `${dept.name}工会小组`,
  departmentId: dept._id,
})
const interestRef = (doc: GroupDoc): GroupRef => ({ kind: 'interest', id: doc._id, unionId: doc.unionId, name: doc.name, doc })

/** The group's own document, as the anchor of a batch of reads about it (within the caller's union). */
const anchorOf = (unionId: string, id: string): Anchor => {
  const { kind, docId } = parseId(id)
  return { collection: kind === 'department' ? 'departments' : GROUPS, where: { _id: docId, unionId } }
}
const refOf = (id: string, anchor: Record<string, unknown>): GroupRef =>
  parseId(id).kind === 'department' ? deptRef(anchor as unknown as DepartmentDoc) : interestRef(anchor as unknown as GroupDoc)

/** A group of the caller's union; anything else does not exist for this caller. */
export async function loadGroup(deps: Deps, me: CallerMember, id: string): Promise<GroupRef> {
  const { kind, docId } = parseId(id)
  const doc = (
    await deps.db
      .collection(kind === 'department' ? 'departments' : GROUPS)
      .doc(docId)
      .get()
  ).data[0] as (GroupDoc | DepartmentDoc) | undefined
  if (!doc || doc.unionId !== me.unionId) throw notFound(NOT_FOUND)
  return kind === 'department' ? deptRef(doc as DepartmentDoc) : interestRef(doc as GroupDoc)
}

/**
 * A group of the caller's union loaded together with reads about it, in one round trip (see
 * batch-read.ts): the reads are built from the scope the id names, which is known before anything
 * is read. NOT_FOUND as loadGroup says it.
 */
export async function loadGroupWith<K extends string>(
  deps: Deps,
  me: CallerMember,
  id: string,
  reads: (scope: { kind: 'department' | 'group'; id: string; unionId: string }, kind: GroupRef['kind']) => Record<K, SubRead | null>,
): Promise<{ group: GroupRef; rows: Record<K, unknown[]> }> {
  const { kind, docId } = parseId(id)
  const batch = await readTogether(
    deps,
    anchorOf(me.unionId, id),
    reads({ kind: kind === 'department' ? 'department' : 'group', id: docId, unionId: me.unionId }, kind),
  )
  if (!batch) throw notFound(NOT_FOUND)
  return { group: refOf(id, batch.anchor), rows: batch.rows }
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

/** The leaders of a group as a read inside a batch: their grants with each leader's name joined on. */
export const leadersRead = (deps: Deps, scope: { kind: 'department' | 'group'; id: string; unionId: string }): SubRead => ({
  from: 'roles',
  pipeline: stages(deps)
    .match({ unionId: scope.unionId, role: 'leader', 'scope.kind': scope.kind, 'scope.id': scope.id })
    .limit(LEADERS_MAX)
    .lookup({ from: 'members', localField: 'memberId', foreignField: '_id', as: 'member' })
    .project({ memberId: 1, 'member.name': 1, 'member.unionId': 1 })
    .done(),
})

export type Leader = { memberId: string; name: string }

export const toLeaders = (rows: readonly unknown[], unionId: string): Leader[] =>
  (rows as { memberId: string; member?: { name: string; unionId: string }[] }[])
    .flatMap((r) => (r.member ?? []).filter((m) => m.unionId === unionId).map((m) => ({ memberId: r.memberId, name: m.name })))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'))

/** The department's members still in the union (a 工会小组 is its department). */
const departmentMembersWhere = (deps: Deps, unionId: string, departmentId: string) => ({ unionId, departmentId, status: deps.db.command.neq('离会') })

export const interestCard = (doc: GroupDoc, mine: Pick<GroupMemberDoc, 'status'> | undefined, iLead: boolean): GroupCard => ({
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

/**
 * The group page's header in one round trip: the group with, read in the same batch, its leaders
 * (names joined on), the caller's membership, and for its managers the number of waiting requests
 * (for a 工会小组: its head count).
 */
export async function groupDetail(deps: Deps, me: CallerMember, id: string): Promise<GroupDetail> {
  const { group: g, rows } = await loadGroupWith(deps, me, id, (scope, kind) => {
    const canManage = mayManageScope(me.subject, scope)
    return kind === 'department'
      ? { leaders: leadersRead(deps, scope), count: countRead(deps, 'members', departmentMembersWhere(deps, me.unionId, scope.id)), mine: null, pending: null }
      : {
          leaders: leadersRead(deps, scope),
          count: null,
          mine: {
            from: 'group_members',
            pipeline: stages(deps)
              .match({ _id: membershipId(scope.id, me.member._id), unionId: me.unionId })
              .limit(1)
              .done(),
          },
          pending: canManage ? countRead(deps, 'group_members', { groupId: scope.id, status: 'pending' }) : null,
        }
  })
  const canManage = manages(me, g)
  const leaders = toLeaders(rows.leaders, me.unionId)
  if (g.kind === 'department') {
    const card = departmentCard(
      { _id: g.departmentId, name: g.name.replace(/工会小组$/, '') },
      countOf(rows.count),
      me.member.departmentId === g.departmentId,
      canManage,
    )
    return { ...card, leaders, pendingCount: null, myDecision: null }
  }
  const membership = rows.mine[0] as GroupMemberDoc | undefined
  const myDecision =
    membership && (membership.status === 'declined' || membership.status === 'removed') ? { status: membership.status, reason: membership.reason ?? '' } : null
  return { ...interestCard(g.doc, membership, canManage), leaders, pendingCount: canManage ? countOf(rows.pending) : null, myDecision }
}

/**
 * The 小组 tab's directory in one round trip, anchored on the caller's union: its interest groups,
 * its departments with their head counts (one row per department: bounded like the list), and the
 * caller's own memberships.
 */
export async function groupDirectory(
  deps: Deps,
  unionId: string,
  memberId: string,
): Promise<{ groups: GroupDoc[]; departments: DepartmentDoc[]; counts: Map<string, number>; mine: Map<string, GroupMemberDoc> }> {
  const _ = deps.db.command
  const $ = _.aggregate
  const batch = await readTogether(
    deps,
    { collection: 'unions', where: { _id: unionId } },
    {
      groups: { from: GROUPS, pipeline: stages(deps).match({ unionId }).sort({ name: 1, _id: 1 }).limit(LIST_MAX).done() },
      departments: { from: 'departments', pipeline: stages(deps).match({ unionId }).sort({ name: 1, _id: 1 }).limit(LIST_MAX).done() },
      counts: {
        from: 'members',
        pipeline: stages(deps)
          .match({ unionId, status: _.neq('离会') })
          .group({ _id: '$departmentId', n: $.sum(1) })
          .limit(LIST_MAX)
          .done(),
      },
      mine: {
        from: 'group_members',
        pipeline: stages(deps)
          .match({ unionId, memberId, status: _.in(['active', 'pending', 'joining']) })
          .limit(MINE_MAX)
          .project({ groupId: 1, status: 1 })
          .done(),
      },
    },
  )
  if (!batch) throw notFound('所在工会不存在')
  const { rows } = batch
  return {
    groups: rows.groups as GroupDoc[],
    departments: rows.departments as DepartmentDoc[],
    counts: new Map((rows.counts as { _id: string; n: number }[]).map((c) => [c._id, c.n])),
    mine: new Map((rows.mine as GroupMemberDoc[]).map((m) => [m.groupId, m])),
  }
}

/** A new interest group; its name is unique in the union: false when the union has one of that name. */
export async function insertGroup(deps: Deps, group: GroupDoc): Promise<boolean> {
  try {
    await deps.db.collection(GROUPS).add(group)
    return true
  } catch (error) {
    if (isDuplicateWrite(error)) return false
    throw error
  }
}

/** The union's interest group of this name (names are unique within a union). */
export async function groupNamed(deps: Deps, unionId: string, name: string): Promise<GroupDoc | undefined> {
  return (await deps.db.collection(GROUPS).where({ unionId, name }).limit(1).get()).data[0] as GroupDoc | undefined
}

/** Marks a group's founding done (its leaders granted and seated); a second mark changes nothing. */
export async function endFounding(deps: Deps, groupId: string): Promise<void> {
  const _ = deps.db.command
  await deps.db
    .collection(GROUPS)
    .where({ _id: groupId, founding: _.exists(true) })
    .update({ founding: _.remove() })
}

/** Groups, of every union, whose founding began before `before` and is not done: left by a dead create. */
export async function foundingsLeftBefore(deps: Deps, before: Date): Promise<GroupDoc[]> {
  const _ = deps.db.command
  return readAll<GroupDoc>(deps.db.collection(GROUPS).where({ founding: _.exists(true), createdAt: _.lt(before) }))
}

/**
 * Saves edits of a group. A lower limit may not cut below today's members: checked in the same
 * write that sets it (false when the group had more members by then). A taken name is CONFLICT.
 */
export async function saveGroupChanges(deps: Deps, id: string, changes: Readonly<Record<string, unknown>>): Promise<boolean> {
  const _ = deps.db.command
  const where = typeof changes.sizeLimit === 'number' ? { _id: id, memberCount: _.lte(changes.sizeLimit) } : { _id: id }
  try {
    return (await deps.db.collection(GROUPS).where(where).update(changes)).updated === 1
  } catch (error) {
    if (isDuplicateWrite(error)) throw new AppError('CONFLICT', `已经有一个叫「${String(changes.name)}」的小组了`)
    throw error
  }
}

// —— seats: memberCount moves only together with a membership entering or leaving `active` ——

/** One seat taken by one conditional write (under the limit, if any); every change of the count bumps `seatVersion`. */
export async function takeSeatOf(deps: Deps, group: Pick<GroupDoc, '_id' | 'sizeLimit'>): Promise<boolean> {
  const _ = deps.db.command
  const where = group.sizeLimit === null ? { _id: group._id } : { _id: group._id, memberCount: _.lt(group.sizeLimit) }
  return (
    (
      await deps.db
        .collection(GROUPS)
        .where(where)
        .update({ memberCount: _.inc(1), seatVersion: _.inc(1) })
    ).updated === 1
  )
}

/** Gives one seat back (never below zero). */
export async function releaseSeatOf(deps: Deps, groupId: string): Promise<void> {
  const _ = deps.db.command
  await deps.db
    .collection(GROUPS)
    .where({ _id: groupId, memberCount: _.gt(0) })
    .update({ memberCount: _.inc(-1), seatVersion: _.inc(1) })
}

/** A group by id, whatever the union (the seat count's own reads and the repair). */
export async function groupById(deps: Deps, id: string): Promise<GroupDoc | undefined> {
  return (await deps.db.collection(GROUPS).doc(id).get()).data[0] as GroupDoc | undefined
}

/** Writes a recounted seat count only if neither the count nor its version moved since they were read. */
export async function saveSeatCount(deps: Deps, groupId: string, from: number, version: number | undefined, to: number): Promise<boolean> {
  const _ = deps.db.command
  const res = await deps.db
    .collection(GROUPS)
    .where({ _id: groupId, memberCount: from, seatVersion: version ?? _.exists(false) })
    .update({ memberCount: to, seatVersion: _.inc(1) })
  return res.updated === 1
}

/** Every interest group's seat count, of every union (the repair's survey). */
export async function allSeatCounts(deps: Deps): Promise<Pick<GroupDoc, '_id' | 'memberCount' | 'founding'>[]> {
  return readAll<Pick<GroupDoc, '_id' | 'memberCount' | 'founding'>>(deps.db.collection(GROUPS).field({ memberCount: true, founding: true }))
}
