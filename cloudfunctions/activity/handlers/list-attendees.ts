import { dateTimeText } from '@shared/domain/time'
import type { AttendeeRow } from '@shared/contract'
import type { Handler } from '../../_lib/entry'
import { forbidden } from '../../_lib/app-error'
import { loadActivity, managesActivity } from '../activities.repo'
import { countByStatus, statusPage } from '../signups.repo'

/** The list runs through these in turn: confirmed (sign-up order), the waitlist (line order), lottery entrants (sign-up order). */
const SEGMENTS = [
  { status: 'confirmed', order: 'signedAt' },
  { status: 'waiting', order: 'seq' },
  { status: 'entered', order: 'signedAt' },
] as const

/** The organizer's list with answers and check-in, paged across the segments. */
export const listAttendees: Handler<'activity.attendees'> = async ({ deps, me, input }) => {
  const a = await loadActivity(deps, me, input.id)
  if (!managesActivity(me, a)) throw forbidden('只有活动的组织者可以查看报名名单')
  const [confirmed, waiting, entered, checkedIn] = await Promise.all([
    ...SEGMENTS.map((s) => countByStatus(deps, a._id, s.status)),
    countByStatus(deps, a._id, 'confirmed', true),
  ])
  const totals = [confirmed, waiting, entered]
  const items: AttendeeRow[] = []
  let skip = (input.page - 1) * input.pageSize
  for (const [i, seg] of SEGMENTS.entries()) {
    if (items.length >= input.pageSize) break
    if (skip >= totals[i]) {
      skip -= totals[i]
      continue
    }
    const rows = await statusPage(deps, a._id, seg.status, seg.order, skip, input.pageSize - items.length)
    rows.forEach((s, j) =>
      items.push({
        memberId: s.memberId,
        name: s.memberName,
        department: s.departmentName,
        status: seg.status,
        waitingPosition: seg.status === 'waiting' ? skip + j + 1 : null,
        answers: s.answers,
        checkedInAt: s.checkedInAt ? dateTimeText(s.checkedInAt, deps.clock.now()) : null,
      }),
    )
    skip = 0
  }
  return { items, total: totals.reduce((x, y) => x + y, 0), page: input.page, pageSize: input.pageSize, confirmed, waiting, entered, checkedIn }
}
