import { AppError } from '../_lib/app-error'
import type { Deps } from '../_lib/deps'
import { releaseSeatOf, takeSeatOf } from './groups.repo'
import type { GroupDoc } from './records'

/**
 * One seat in a group, taken by one conditional write: the count never passes the limit however
 * many joins and approvals race. Every change of the count bumps `seatVersion` (see settleSeats).
 */
export async function takeSeat(deps: Deps, group: GroupDoc): Promise<boolean> {
  return takeSeatOf(deps, group)
}

/** Gives a seat back after a membership left `active` (the membership carries `vacatedAt` by then). */
export async function releaseSeat(deps: Deps, groupId: string): Promise<void> {
  await releaseSeatOf(deps, groupId)
}

export const fullError = (group: Pick<GroupDoc, 'name' | 'sizeLimit'>) => new AppError('FULL', `「${group.name}」已满 ${group.sizeLimit} 人，暂时不能加入`)
