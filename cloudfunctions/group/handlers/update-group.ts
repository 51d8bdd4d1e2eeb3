import type { Handler } from '../../_lib/entry'
import { invalid } from '../../_lib/app-error'
import { sizeLimitBelowMembers } from '@shared/domain/group-size'
import type { Deps } from '../../_lib/deps'
import { grantGroupLeaders, revokeGroupLeadersExcept } from '../../_lib/roles.repo'
import { groupDetail, loadGroup, requireInterest, saveGroupChanges } from '../groups.repo'
import { activeAmong } from '../memberships.repo'

export const updateGroup: Handler<'group.update'> = async ({ deps, me, input }) => {
  const g = await loadGroup(deps, me, input.id)
  requireInterest(g)
  const { id, leaderIds, ...fields } = input
  if (leaderIds) await replaceLeaders(deps, me.unionId, g.id, [...new Set(leaderIds)])
  const changes = Object.fromEntries(Object.entries(fields).filter(([k, v]) => v !== undefined && (g.doc as unknown as Record<string, unknown>)[k] !== v))
  if (Object.keys(changes).length === 0) return groupDetail(deps, me, id)
  const tooLow = () => invalid(sizeLimitBelowMembers(g.doc.memberCount), { field: 'sizeLimit' })
  if (typeof changes.sizeLimit === 'number' && changes.sizeLimit < g.doc.memberCount) throw tooLow()
  // A lower limit may not cut below today's members; checked in the same write that sets it.
  if (!(await saveGroupChanges(deps, id, changes))) throw tooLow()
  return groupDetail(deps, me, id)
}

/** The admin's way to change leaders (say, the only leader left the union): grants follow the list. */
async function replaceLeaders(deps: Deps, unionId: string, groupId: string, leaderIds: string[]): Promise<void> {
  const active = await activeAmong(deps, groupId, leaderIds)
  if (active.length !== leaderIds.length) throw invalid('组长需要是本小组的成员', { field: 'leaderIds' })
  await revokeGroupLeadersExcept(deps, unionId, groupId, leaderIds)
  await grantGroupLeaders(deps, unionId, groupId, leaderIds)
}
