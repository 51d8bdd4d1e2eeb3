import type { Handler } from '../../_lib/entry'
import { invalid } from '../../_lib/app-error'
import type { MemberDoc } from '../../_lib/documents'
import { memberDetail, memberInUnion, saveMemberChanges } from '../../_lib/members.repo'
import { departmentInUnion } from '../departments.repo'

type Editable = Omit<MemberDoc, '_id' | 'unionId' | 'memberNo'>

/**
 * Edits the fields given; 会员编号 is the import key and stays as it is. Nothing is written when
 * nothing changed. The member's own next call sees the change (a 离会 refuses it): the caller's
 * member record is read with the caller, not copied.
 */
export const updateMember: Handler<'member.update'> = async ({ deps, me, input }) => {
  const member = await memberInUnion(deps, me.unionId, input.id)
  const { id: _id, departmentId, ...fields } = input
  const changes: Partial<Record<keyof Editable, unknown>> = {}
  for (const [key, value] of Object.entries(fields) as [keyof Editable, unknown][]) {
    if (value !== undefined && member[key] !== value) changes[key] = value
  }
  if (departmentId && departmentId !== member.departmentId) {
    const dept = await departmentInUnion(deps, me.unionId, departmentId)
    if (!dept) throw invalid('没有这个部门', { field: 'departmentId' })
    changes.departmentId = dept._id
    changes.departmentName = dept.name
  }
  if (Object.keys(changes).length) await saveMemberChanges(deps, member._id, changes)
  return memberDetail(deps, member)
}
