import { AppError } from '../_lib/app-error'
import type { Deps } from '../_lib/deps'
import type { GroupDoc } from '../_lib/documents'

/**
 * One seat in a group, taken by one conditional write: the count never passes the limit however
 * many joins and approvals race. Every change of the count bumps `seatVersion` (see settleSeats).
 */
export async function takeSeat(deps: Deps, group: GroupDoc): Promise<boolean> {
  const { db } = deps
  const _ = db.command
  const where = group.sizeLimit === null ? { _id: group._id } : { _id: group._id, memberCount: _.lt(group.sizeLimit) }
  return (await db.collection('groups').where(where).update({ memberCount: _.inc(1), seatVersion: _.inc(1) })).updated === 1
}

/** Gives a seat back after a membership left `active` (the membership carries `vacatedAt` by then). */
export async function releaseSeat(deps: Deps, groupId: string): Promise<void> {
  const _ = deps.db.command
  await deps.db.collection('groups').where({ _id: groupId, memberCount: _.gt(0) }).update({ memberCount: _.inc(-1), seatVersion: _.inc(1) })
}

export const fullError = (group: Pick<GroupDoc, 'name' | 'sizeLimit'>) => new AppError('FULL', `「${group.name}」已满 ${group.sizeLimit} 人，暂时不能加入`)
