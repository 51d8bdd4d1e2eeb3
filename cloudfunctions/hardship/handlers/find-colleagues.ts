import type { ColleagueView } from '@shared/contract'
import type { Handler } from '../../_lib/entry'
import { escapeRegExp } from '../../_lib/db-errors'
import { groupMembersMatching, membersMatching, type Colleague } from '../people.repo'
import { ledDepartments, ledGroups, reportsForAll } from '../reporting'

const LIMIT = 20

/**
 * Whom the caller may report for, found by name or 会员编号: anyone in the union for committee
 * members and reviewers, the members of their department or groups for a leader. Names and
 * departments only, as any member sees in rosters.
 */
export const findColleagues: Handler<'hardship.colleagues'> = async ({ deps, me, input }) => {
  const text = escapeRegExp(input.keyword)
  const found = new Map<string, ColleagueView>()
  const add = (m: Colleague) => found.set(m._id, { id: m._id, name: m.name, department: m.departmentName })
  if (reportsForAll(me)) {
    ;(await membersMatching(deps, me.unionId, text, null, LIMIT)).forEach(add)
  } else {
    const departments = ledDepartments(me)
    const groups = ledGroups(me)
    const [inDepartments, inGroups] = await Promise.all([
      departments.length ? membersMatching(deps, me.unionId, text, departments, LIMIT) : Promise.resolve([]),
      groups.length ? groupMembersMatching(deps, me.unionId, groups, text, LIMIT) : Promise.resolve([]),
    ])
    inDepartments.forEach(add)
    for (const g of inGroups) if (!found.has(g._id)) add(g)
  }
  return [...found.values()].slice(0, LIMIT)
}
