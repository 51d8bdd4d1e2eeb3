import type { Handler } from '../../_lib/entry'
import { AppError, invalid } from '../../_lib/app-error'
import { isDuplicateWrite } from '../../_lib/db-errors'
import { groupDetail, loadGroup, requireInterest } from '../groups.repo'

export const updateGroup: Handler<'group.update'> = async ({ deps, me, input }) => {
  const g = await loadGroup(deps, me, input.id)
  requireInterest(g)
  const { id, ...fields } = input
  const changes = Object.fromEntries(Object.entries(fields).filter(([k, v]) => v !== undefined && (g.doc as unknown as Record<string, unknown>)[k] !== v))
  if (Object.keys(changes).length === 0) return groupDetail(deps, me, g)
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
