import type { Handler } from '../../_lib/entry'
import { AppError, invalid } from '../../_lib/app-error'
import { isDuplicateWrite } from '../../_lib/db-errors'
import { groupDetail, loadGroup, membershipId, requireInterest } from '../groups.repo'
import type { Deps } from '../../_lib/deps'
import type { GroupMemberDoc } from '../../_lib/documents'

export const updateGroup: Handler<'group.update'> = async ({ deps, me, input }) => {
  const g = await loadGroup(deps, me, input.id)
  requireInterest(g)
  const { id, leaderIds, ...fields } = input
  if (leaderIds) await replaceLeaders(deps, me.unionId, g.id, [...new Set(leaderIds)])
  const changes = Object.fromEntries(Object.entries(fields).filter(([k, v]) => v !== undefined && (g.doc as unknown as Record<string, unknown>)[k] !== v))
  if (Object.keys(changes).length === 0) return groupDetail(deps, me, await loadGroup(deps, me, id))
  const tooLow = () => invalid(`人数上限不能少于现有的 ${g.doc.memberCount} 人`, { field: 'sizeLimit' })
  if (typeof changes.sizeLimit === 'number' && changes.sizeLimit < g.doc.memberCount) throw tooLow()
  const _ = deps.db.command
  // A lower limit may not cut below today's members; checked in the same write that sets it.
  const where = typeof changes.sizeLimit === 'number' ? { _id: id, memberCount: _.lte(changes.sizeLimit) } : { _id: id }
  try {
    const res = await deps.db.collection('groups').where(where).update(changes)
    if (res.updated !== 1) throw tooLow()
  } catch (error) {
    if (isDuplicateWrite(error)) throw new AppError('CONFLICT', `已经有一个叫「${String(changes.name)}」的小组了`)
    throw error
  }
  return groupDetail(deps, me, await loadGroup(deps, me, id))
}

/** The admin's way to change leaders (say, the only leader left the union): grants follow the list. */
async function replaceLeaders(deps: Deps, unionId: string, groupId: string, leaderIds: string[]): Promise<void> {
  const { db } = deps
  const _ = db.command
  const active = (await db.collection('group_members').where({ _id: _.in(leaderIds.map((m) => membershipId(groupId, m))), status: 'active' }).limit(leaderIds.length).get()).data as GroupMemberDoc[]
  if (active.length !== leaderIds.length) throw invalid('组长需要是本小组的成员', { field: 'leaderIds' })
  const grantId = (memberId: string) => [memberId, 'leader', 'group', groupId].join(':')
  await db.collection('roles').where({ unionId, role: 'leader', 'scope.kind': 'group', 'scope.id': groupId, memberId: _.nin(leaderIds) }).remove()
  await Promise.all(leaderIds.map((memberId) => db.collection('roles').doc(grantId(memberId)).set({ unionId, memberId, role: 'leader', scope: { kind: 'group', id: groupId } })))
}
