import type { MemberDetail, MemberRow } from '@shared/contract'
import { notFound } from './app-error'
import type { Deps } from './deps'
import type { BindingDoc, MemberDoc } from './documents'
import { rolesOf } from './membership'

/** Reads one member of the caller's union; another union's member does not exist for this caller. */
export async function memberInUnion(deps: Deps, unionId: string, id: string): Promise<MemberDoc> {
  const doc = (await deps.db.collection('members').doc(id).get()).data[0] as MemberDoc | undefined
  if (!doc || doc.unionId !== unionId) throw notFound('没有找到这位会员')
  return doc
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

/** The admin's full view of one member: profile, role grants and whether a WeChat user is bound. */
export async function memberDetail(deps: Deps, member: MemberDoc): Promise<MemberDetail> {
  const { db } = deps
  const [roles, bindings] = await Promise.all([
    rolesOf(deps, member.unionId, member._id),
    db.collection('bindings').where({ unionId: member.unionId, memberId: member._id }).limit(1).get(),
  ])
  return {
    ...toMemberRow(member, (bindings.data as BindingDoc[]).length > 0),
    birthday: member.birthday ?? '',
    joinDate: member.joinDate ?? '',
    grants: roles.map(({ role, scope }) => (scope ? { role, scope } : { role })),
  }
}

/** The openid bound to a member (a binding's id is the openid), or null when nobody is bound. */
export async function openidOfMember(deps: Deps, unionId: string, memberId: string): Promise<string | null> {
  const rows = (await deps.db.collection('bindings').where({ unionId, memberId }).field({ _id: true }).limit(1).get()).data as Pick<BindingDoc, '_id'>[]
  return rows[0]?._id ?? null
}
