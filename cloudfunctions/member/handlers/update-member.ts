import type { Handler } from '../../_lib/entry'
import { invalid } from '../../_lib/app-error'
import type { DepartmentDoc, MemberDoc } from '../../_lib/documents'
import { memberDetail, memberInUnion } from '../../_lib/members.repo'

type Editable = Omit<MemberDoc, '_id' | 'unionId' | 'memberNo'>

/** Edits the fields given; 会员编号 is the import key and stays as it is. Nothing is written when nothing changed. */
export const updateMember: Handler<'member.update'> = async ({ deps, me, input }) => {
  const member = await memberInUnion(deps, me.unionId, input.id)
  const { id: _id, departmentId, ...fields } = input
  const changes: Partial<Record<keyof Editable, unknown>> = {}
  for (const [key, value] of Object.entries(fields) as [keyof Editable, unknown][]) {
    if (value !== undefined && member[key] !== value) changes[key] = value
  }
  if (departmentId && departmentId !== member.departmentId) {
    const dept = (await deps.db.collection('departments').doc(departmentId).get()).data[0] as DepartmentDoc | undefined
    if (!dept || dept.unionId !== me.unionId) throw invalid('没有这个部门', { field: 'departmentId' })
    changes.departmentId = dept._id
    changes.departmentName = dept.name
  }
  if (Object.keys(changes).length === 0) return memberDetail(deps, member)
  await deps.db.collection('members').doc(member._id).update({ ...changes, updatedAt: deps.clock.now() })
  return memberDetail(deps, { ...member, ...changes } as MemberDoc)
}
