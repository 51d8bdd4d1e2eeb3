import type { MeView } from '@shared/contract'
import { notFound } from '../_lib/app-error'
import type { Deps } from '../_lib/deps'
import type { DepartmentDoc, MemberDoc, RoleDoc, UnionDoc } from '../_lib/documents'
import { countUnread } from '../_lib/messages.repo'
import { roleNames } from '../_lib/membership'
import { uploadFolderOf } from '../_lib/uploads'

/** What the member sees of themself: profile, union, roles with the names of what they lead. */
export async function meView(deps: Deps, openid: string, member: MemberDoc, roles: readonly RoleDoc[]): Promise<MeView> {
  const { db } = deps
  const _ = db.command
  const departmentIds = roles.filter((r) => r.scope?.kind === 'department').map((r) => r.scope!.id)
  const groupIds = roles.filter((r) => r.role === 'leader' && r.scope?.kind === 'group').map((r) => r.scope!.id)
  // The unread count rides along in the same parallel batch, so 首页 and 我的 get their badge with no call of its own.
  const reviewer = roles.some((r) => r.role === 'reviewer')
  const [unionRes, deptRes, requests, unreadMessages] = await Promise.all([
    db.collection('unions').doc(member.unionId).get(),
    departmentIds.length ? db.collection('departments').where({ _id: _.in(departmentIds), unionId: member.unionId }).limit(100).get() : Promise.resolve({ data: [] }),
    groupIds.length ? db.collection('group_members').where({ groupId: _.in(groupIds), status: 'pending' }).count() : Promise.resolve({ total: 0 }),
    countUnread(deps, { unionId: member.unionId, memberId: member._id, reviewer }),
  ])
  const union = unionRes.data[0] as UnionDoc | undefined
  if (!union) throw notFound('所在工会不存在')
  const deptName = new Map((deptRes.data as DepartmentDoc[]).map((d) => [d._id, d.name]))
  return {
    member: { id: member._id, name: member.name, department: member.departmentName, memberNo: member.memberNo },
    union: { id: union._id, name: union.name, contact: union.contact ? { phone: union.contact.phone, place: union.contact.place } : null },
    roles: roleNames(roles),
    grants: roles
      .filter((r) => r.role !== 'member')
      .map(({ role, scope }) => (scope ? { role, scope: { ...scope, name: scope.kind === 'department' ? (deptName.get(scope.id) ?? '') : scope.id } } : { role })),
    badges: { groupRequests: requests.total, unreadMessages },
    uploadFolder: uploadFolderOf(openid),
  }
}
