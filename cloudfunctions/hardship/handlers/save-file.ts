import { fileDatesRefusal } from '@shared/domain/hardship'
import type { Handler } from '../../_lib/entry'
import { invalid } from '../../_lib/app-error'
import type { HardshipFileDoc } from '../records'
import { memberInUnion } from '../../_lib/members.repo'
import { fileDetail, fileOf, saveFileDoc } from '../files.repo'

/**
 * Opens or updates a member's 困难职工档案: level, reason, since when, when to review it next. A new
 * review date re-arms the reminder; saving what is already there writes nothing.
 */
export const saveFile: Handler<'hardship.saveFile'> = async ({ deps, me, input }) => {
  const { clock } = deps
  const [member, found] = await Promise.all([memberInUnion(deps, me.unionId, input.memberId), fileOf(deps, input.memberId)])
  // memberInUnion vouched for the member; the file is theirs (its _id is the member's).
  const existing = found && found.unionId === me.unionId ? found : null
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
  await saveFileDoc(deps, doc)
  return fileDetail(deps, me.unionId, member._id, { member, file: doc })
}
