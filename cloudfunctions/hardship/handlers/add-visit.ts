import { isCalendarDate, notAfterTodayRefusal } from '@shared/domain/hardship'
import { HARDSHIP_LABELS } from '@shared/contract/hardship.contract'
import type { Handler } from '../../_lib/entry'
import { invalid } from '../../_lib/app-error'
import type { HardshipFileDoc, HardshipVisitDoc } from '../records'
import { memberInUnion } from '../../_lib/members.repo'
import { derivedId } from '../requests.repo'
import { advanceLastVisit, fileDetail, fileOf, insertVisit, todayIn } from '../files.repo'

/** 送温暖: records a visit to a member on file — date, who went, what was given. The same form again adds nothing. */
export const addVisit: Handler<'hardship.addVisit'> = async ({ deps, me, input }) => {
  const { clock } = deps
  const [member, file] = await Promise.all([memberInUnion(deps, me.unionId, input.memberId), fileOf(deps, input.memberId)])
  if (!file || file.unionId !== me.unionId) throw invalid('请先为这位会员建立困难职工档案', { field: 'memberId' })
  if (!isCalendarDate(input.date)) throw invalid('走访日期不是有效日期', { field: 'date' })
  const later = notAfterTodayRefusal(HARDSHIP_LABELS.date, input.date, todayIn(deps))
  if (later) throw invalid(later, { field: 'date' })

  const visit: HardshipVisitDoc = {
    _id: derivedId('visit', me.unionId, member._id, input.key),
    unionId: me.unionId,
    memberId: member._id,
    date: input.date,
    visitors: input.visitors,
    given: input.given,
    amountFen: input.amountFen,
    note: input.note,
    recordedBy: me.member._id,
    recordedByName: me.member.name,
    createdAt: clock.now(),
  }
  const added = await insertVisit(deps, visit)
  let current: HardshipFileDoc = file
  if (added && (file.lastVisitOn === null || file.lastVisitOn < input.date)) {
    await advanceLastVisit(deps, file._id, input.date)
    current = { ...file, lastVisitOn: input.date }
  }
  return fileDetail(deps, me.unionId, member._id, { member, file: current })
}
