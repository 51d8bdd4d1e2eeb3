import type { MeView } from '@shared/contract'
import { notFound } from '../_lib/app-error'
import { countOf, readTogether, stages, type SubRead } from '../_lib/batch-read'
import type { Deps } from '../_lib/deps'
import type { MemberDoc, RoleDoc, UnionDoc } from '../_lib/documents'
import { unreadRead, type Reader } from '../_lib/messages.repo'
import { roleNames } from '../_lib/membership'
import { uploadFolderOf } from '../_lib/uploads'

const GONE: Readonly<Record<string, string>> = { department: '已删除的部门', group: '已删除的小组', point: '已删除的兑换点' }
/** Where each kind of scope is named. */
const NAMED_IN = { department: 'departments', group: 'groups', point: 'redeem_points' } as const
type ScopeKind = keyof typeof NAMED_IN

/** What member.me reads besides the caller: the union and the reads below, named. */
export type MeReads = 'unread' | 'requests' | 'department' | 'group' | 'point'

export const readerOf = (unionId: string, memberId: string, roles: readonly RoleDoc[]): Reader => ({
  unionId,
  memberId,
  reviewer: roles.some((r) => r.role === 'reviewer'),
})

/**
 * The reads member.me needs, to run in one batch anchored on the caller's union (member.home adds
 * its own to the same batch): the 消息 badge, the leader's 小组申请 badge, and the names of what
 * each grant is for (「摄影 组长」, never an id). Names are read when shown rather than copied onto
 * grants, so a renamed or deleted group reads right at once; callers without such grants read none.
 */
export function meReads(deps: Deps, member: MemberDoc, roles: readonly RoleDoc[]): Record<MeReads, SubRead | null> {
  const _ = deps.db.command
  const scoped = (kind: ScopeKind) => [...new Set(roles.filter((r) => r.scope?.kind === kind).map((r) => r.scope!.id))]
  const names = (kind: ScopeKind): SubRead | null => {
    const ids = scoped(kind)
    return ids.length
      ? {
          from: NAMED_IN[kind],
          pipeline: stages(deps)
            .match({ _id: _.in(ids), unionId: member.unionId })
            .project({ name: 1 })
            .limit(100)
            .done(),
        }
      : null
  }
  const ledGroups = roles.filter((r) => r.role === 'leader' && r.scope?.kind === 'group').map((r) => r.scope!.id)
  return {
    unread: unreadRead(deps, readerOf(member.unionId, member._id, roles)),
    requests: ledGroups.length
      ? {
          from: 'group_members',
          pipeline: stages(deps)
            .match({ groupId: _.in(ledGroups), status: 'pending' })
            .count('n')
            .done(),
        }
      : null,
    department: names('department'),
    group: names('group'),
    point: names('point'),
  }
}

/** What the member sees of themself, from the union document and the rows of meReads. */
export function toMeView(
  openid: string,
  member: MemberDoc,
  roles: readonly RoleDoc[],
  union: UnionDoc,
  rows: Readonly<Record<MeReads, readonly unknown[]>>,
): MeView {
  const named = (kind: ScopeKind) => new Map((rows[kind] as { _id: string; name: string }[]).map((d) => [d._id, d.name]))
  const names: Record<string, Map<string, string>> = { department: named('department'), group: named('group'), point: named('point') }
  // A grant can outlive what it was for: say so instead of showing its id.
  const scopeName = (kind: string, id: string): { name: string; gone?: true } => {
    const name = names[kind]?.get(id)
    return name ? { name } : { name: GONE[kind] ?? '已删除', gone: true }
  }
  return {
    member: { id: member._id, name: member.name, department: member.departmentName, memberNo: member.memberNo },
    union: { id: union._id, name: union.name, contact: union.contact ? { phone: union.contact.phone, place: union.contact.place } : null },
    roles: roleNames(roles),
    grants: roles
      .filter((r) => r.role !== 'member')
      .map(({ role, scope }) => (scope ? { role, scope: { ...scope, ...scopeName(scope.kind, scope.id) } } : { role })),
    badges: { groupRequests: countOf(rows.requests), unreadMessages: countOf(rows.unread) },
    uploadFolder: uploadFolderOf(openid),
  }
}

/** member.me: the caller (already read) and one more round trip for everything else. */
export async function meView(deps: Deps, openid: string, member: MemberDoc, roles: readonly RoleDoc[]): Promise<MeView> {
  const batch = await readTogether(deps, { collection: 'unions', where: { _id: member.unionId } }, meReads(deps, member, roles))
  if (!batch) throw notFound('所在工会不存在')
  return toMeView(openid, member, roles, batch.anchor as unknown as UnionDoc, batch.rows)
}
