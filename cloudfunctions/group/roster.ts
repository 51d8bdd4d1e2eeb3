import type { RosterEntry } from '@shared/contract'
import { mayManageScope } from '@shared/domain/authorization'
import type { Deps } from '../_lib/deps'
import type { CallerMember } from '../_lib/membership'
import { countOf } from '../_lib/batch-read'
import { leadersRead, loadGroupWith, toLeaders, type GroupRef } from './groups.repo'
import { departmentRosterReads, rosterReads, toDepartmentRoster, toRosterEntries } from './memberships.repo'

export interface RosterPage {
  readonly group: GroupRef
  readonly items: RosterEntry[]
  readonly total: number
}

/**
 * One page of a group's roster, with the group, its leaders and the total read in the same round
 * trip. Everyone sees names and departments; a leader or admin also sees the phone of an
 * interest-group member who agreed to share it when joining.
 */
export async function rosterPage(deps: Deps, me: CallerMember, id: string, skip: number, limit: number): Promise<RosterPage> {
  const { group, rows } = await loadGroupWith(deps, me, id, (scope, kind) => {
    const { page, total } =
      kind === 'department'
        ? departmentRosterReads(deps, me.unionId, scope.id, skip, limit)
        : rosterReads(deps, scope.id, skip, limit, mayManageScope(me.subject, scope))
    return { leaders: leadersRead(deps, scope), page, total }
  })
  const leaders = new Set(toLeaders(rows.leaders, me.unionId).map((l) => l.memberId))
  const items = group.kind === 'department' ? toDepartmentRoster(rows.page, leaders) : toRosterEntries(rows.page, me.unionId, leaders)
  return { group, items, total: countOf(rows.total) }
}
