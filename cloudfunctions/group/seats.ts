import { AppError } from '../_lib/app-error'
import type { Deps } from '../_lib/deps'
import type { GroupDoc } from '../_lib/documents'

/**
 * One seat in a group, taken by one conditional write: the count never passes the limit however
 * many joins and approvals race. Called only after the membership itself moved to `active`.
 */
export async function takeSeat(deps: Deps, group: GroupDoc): Promise<boolean> {
  const { db } = deps
  const _ = db.command
  const where = group.sizeLimit === null ? { _id: group._id } : { _id: group._id, memberCount: _.lt(group.sizeLimit) }
  return (await db.collection('groups').where(where).update({ memberCount: _.inc(1) })).updated === 1
}

/**
 * The claimed membership (`joining`) takes a seat and becomes `active`, or, with no seat left, goes
 * back to what it was. Nobody else changes a `joining` membership, so the last write always lands.
 */
export async function seatClaimed(deps: Deps, group: GroupDoc, membershipId: string, claim: string, undo: Record<string, unknown> | null): Promise<boolean> {
  const coll = deps.db.collection('group_members')
  if (await takeSeat(deps, group)) {
    await coll.where({ _id: membershipId, claim, status: 'joining' }).update({ status: 'active', joinedAt: deps.clock.now() })
    return true
  }
  if (undo) await coll.where({ _id: membershipId, claim }).update(undo)
  else await coll.where({ _id: membershipId, claim }).remove()
  return false
}

/** Gives a seat back when a membership leaves `active`. */
export async function releaseSeat(deps: Deps, groupId: string): Promise<void> {
  const _ = deps.db.command
  await deps.db.collection('groups').where({ _id: groupId, memberCount: _.gt(0) }).update({ memberCount: _.inc(-1) })
}

export const fullError = (group: GroupDoc) => new AppError('FULL', `「${group.name}」已满 ${group.sizeLimit} 人，暂时不能加入`)
