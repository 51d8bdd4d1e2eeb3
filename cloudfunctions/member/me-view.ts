import type { MeView } from '@shared/contract'
import { notFound } from '../_lib/app-error'
import type { Deps } from '../_lib/deps'
import type { DepartmentDoc, GroupDoc, MemberDoc, PointDoc, RoleDoc, UnionDoc } from '../_lib/documents'
import { countUnread } from '../_lib/messages.repo'
import { roleNames } from '../_lib/membership'
import { uploadFolderOf } from '../_lib/uploads'

const GONE: Readonly<Record<string, string>> = { department: '已删除的部门', group: '已删除的小组', point: '已删除的兑换点' }

/** What the member sees of themself: profile, union, roles with the names of what they lead. */
export async function meView(deps: Deps, openid: string, member: MemberDoc, roles: readonly RoleDoc[]): Promise<MeView> {
  const { db } = deps
  const _ = db.command
  const scoped = (kind: string) => [...new Set(roles.filter((r) => r.scope?.kind === kind).map((r) => r.scope!.id))]
  const departmentIds = scoped('department')
  const scopeGroupIds = scoped('group')
  const pointIds = scoped('point')
  const groupIds = roles.filter((r) => r.role === 'leader' && r.scope?.kind === 'group').map((r) => r.scope!.id)
  // The unread count rides along in the same parallel batch, so 首页 and 我的 get their badge with no call of its own.
  const reviewer = roles.some((r) => r.role === 'reviewer')
  // Names of what each grant is for (a group, a redemption point), read in the same batch: 我的 shows
  // 「摄影 组长」, never an id. Only callers holding such grants pay for the reads.
  const [unionRes, deptRes, groupRes, pointRes, requests, unreadMessages] = await Promise.all([
    db.collection('unions').doc(member.unionId).get(),
    departmentIds.length ? db.collection('departments').where({ _id: _.in(departmentIds), unionId: member.unionId }).limit(100).get() : Promise.resolve({ data: [] }),
    scopeGroupIds.length ? db.collection('groups').where({ _id: _.in(scopeGroupIds), unionId: member.unionId }).field({ name: true }).limit(100).get() : Promise.resolve({ data: [] }),
    pointIds.length ? db.collection('redeem_points').where({ _id: _.in(pointIds), unionId: member.unionId }).field({ name: true }).limit(100).get() : Promise.resolve({ data: [] }),
    groupIds.length ? db.collection('group_members').where({ groupId: _.in(groupIds), status: 'pending' }).count() : Promise.resolve({ total: 0 }),
    countUnread(deps, { unionId: member.unionId, memberId: member._id, reviewer }),
  ])
  const union = unionRes.data[0] as UnionDoc | undefined
  if (!union) throw notFound('所在工会不存在')
  const names: Record<string, Map<string, string>> = {
    department: new Map((deptRes.data as DepartmentDoc[]).map((d) => [d._id, d.name])),
    group: new Map((groupRes.data as GroupDoc[]).map((g) => [g._id, g.name])),
    point: new Map((pointRes.data as PointDoc[]).map((p) => [p._id, p.name])),
  }
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
    badges: { groupRequests: requests.total, unreadMessages },
    uploadFolder: uploadFolderOf(openid),
  }
}
