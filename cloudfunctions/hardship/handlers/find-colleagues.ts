import type { ColleagueView } from '@shared/contract'
import type { Handler } from '../../_lib/entry'
import { escapeRegExp } from '../../_lib/db-errors'
import type { GroupMemberDoc, MemberDoc } from '../../_lib/documents'
import { ledDepartments, ledGroups, reportsForAll } from '../reporting'

const LIMIT = 20

/**
 * Whom the caller may report for, found by name or 会员编号: anyone in the union for committee
 * members and reviewers, the members of their department or groups for a leader. Names and
 * departments only, as any member sees in rosters.
 */
export const findColleagues: Handler<'hardship.colleagues'> = async ({ deps, me, input }) => {
  const { db } = deps
  const _ = db.command
  const text = escapeRegExp(input.keyword)
  const byName = _.or([{ name: db.RegExp({ regexp: text }) }, { memberNo: db.RegExp({ regexp: `^${text}`, options: 'i' }) }])
  const active = { unionId: me.unionId, status: _.neq('离会') }
  const found = new Map<string, ColleagueView>()
  const add = (m: Pick<MemberDoc, '_id' | 'name' | 'departmentName'>) => found.set(m._id, { id: m._id, name: m.name, department: m.departmentName })

  if (reportsForAll(me)) {
    const res = await db.collection('members').where(_.and([active, byName])).orderBy('memberNo', 'asc').limit(LIMIT).field({ name: true, departmentName: true }).get()
    ;(res.data as MemberDoc[]).forEach(add)
  } else {
    const departments = ledDepartments(me)
    const groups = ledGroups(me)
    const [inDepartments, inGroups] = await Promise.all([
      departments.length
        ? db.collection('members').where(_.and([active, { departmentId: _.in(departments) }, byName])).orderBy('memberNo', 'asc').limit(LIMIT).field({ name: true, departmentName: true }).get()
        : Promise.resolve({ data: [] }),
      groups.length
        ? db.collection('group_members').where({ unionId: me.unionId, groupId: _.in(groups), status: 'active', memberName: db.RegExp({ regexp: text }) }).orderBy('memberName', 'asc').orderBy('_id', 'asc').limit(LIMIT).get()
        : Promise.resolve({ data: [] }),
    ])
    ;(inDepartments.data as MemberDoc[]).forEach(add)
    for (const g of inGroups.data as GroupMemberDoc[]) if (!found.has(g.memberId)) add({ _id: g.memberId, name: g.memberName, departmentName: g.departmentName })
  }
  return [...found.values()].slice(0, LIMIT)
}
