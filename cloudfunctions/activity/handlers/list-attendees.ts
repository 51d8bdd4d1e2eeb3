import { dateTimeText } from '@shared/domain/time'
import type { AttendeeRow } from '@shared/contract'
import type { Handler } from '../../_lib/entry'
import { forbidden } from '../../_lib/app-error'
import type { SignupDoc } from '../../_lib/documents'
import { loadActivity, managesActivity } from '../activities.repo'

/** The list runs through these in turn: confirmed (sign-up order), the waitlist (line order), lottery entrants (sign-up order). */
const SEGMENTS = [
  { status: 'confirmed', order: 'signedAt' },
  { status: 'waiting', order: 'seq' },
  { status: 'entered', order: 'signedAt' },
] as const

/** The organizer's list with answers and check-in, paged across the segments. */
export const listAttendees: Handler<'activity.attendees'> = async ({ deps, me, input }) => {
  const { db } = deps
  const _ = db.command
  const a = await loadActivity(deps, me, input.id)
  if (!managesActivity(me, a)) throw forbidden('只有活动的组织者可以查看报名名单')
  const coll = db.collection('signups')
  const [confirmed, waiting, entered, checkedIn] = await Promise.all([
    ...SEGMENTS.map((s) => coll.where({ activityId: a._id, status: s.status }).count()),
    coll.where({ activityId: a._id, status: 'confirmed', checkedInAt: _.neq(null) }).count(),
  ])
  const totals = [confirmed.total, waiting.total, entered.total]
  const items: AttendeeRow[] = []
  let skip = (input.page - 1) * input.pageSize
  for (const [i, seg] of SEGMENTS.entries()) {
    if (items.length >= input.pageSize) break
    if (skip >= totals[i]) {
      skip -= totals[i]
      continue
    }
    const rows = (await coll.where({ activityId: a._id, status: seg.status }).orderBy(seg.order, 'asc').orderBy('_id', 'asc').skip(skip).limit(input.pageSize - items.length).get()).data as SignupDoc[]
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
  return { items, total: totals.reduce((x, y) => x + y, 0), page: input.page, pageSize: input.pageSize, confirmed: confirmed.total, waiting: waiting.total, entered: entered.total, checkedIn: checkedIn.total }
}
