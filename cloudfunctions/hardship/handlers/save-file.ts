import { fileDatesRefusal } from '@shared/domain/hardship'
import type { Handler } from '../../_lib/entry'
import { invalid } from '../../_lib/app-error'
import type { HardshipFileDoc } from '../records'
import { memberInUnion } from '../../_lib/members.repo'
import { fileDetail, FILES } from '../files.repo'

/**
 * Opens or updates a member's 困难职工档案: level, reason, since when, when to review it next. A new
 * review date re-arms the reminder; saving what is already there writes nothing.
 */
export const saveFile: Handler<'hardship.saveFile'> = async ({ deps, me, input }) => {
  const { db, clock } = deps
  const [member, existing] = await Promise.all([
    memberInUnion(deps, me.unionId, input.memberId),
    db.collection(FILES).doc(input.memberId).get().then((r) => (r.data[0] as HardshipFileDoc | undefined) ?? null),
  ])
  const badDates = fileDatesRefusal(input.since, input.nextReviewOn)
  if (badDates) throw invalid(badDates, { field: badDates.startsWith('建档') ? 'since' : 'nextReviewOn' })
  const same =
    existing &&
    existing.level === input.level &&
    existing.reason === input.reason &&
    existing.since === input.since &&
    existing.nextReviewOn === input.nextReviewOn &&
    existing.active === input.active
  if (same) return fileDetail(deps, me.unionId, member._id, { member, file: existing })

  const now = clock.now()
  const doc: HardshipFileDoc = {
    _id: member._id,
    unionId: me.unionId,
    memberId: member._id,
    memberName: member.name,
    departmentName: member.departmentName,
    level: input.level,
    reason: input.reason,
    since: input.since,
    nextReviewOn: input.nextReviewOn,
    active: input.active,
    reviewReminded: existing && existing.nextReviewOn === input.nextReviewOn ? existing.reviewReminded : false,
    lastVisitOn: existing?.lastVisitOn ?? null,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
    updatedBy: me.member._id,
    updatedByName: me.member.name,
  }
  const { _id, ...fields } = doc
  await db.collection(FILES).doc(_id).set(fields)
  return fileDetail(deps, me.unionId, member._id, { member, file: doc })
}
