import { formatShanghai } from '@shared/domain/time'
import type { Handler } from '../../_lib/entry'
import { forbidden } from '../../_lib/app-error'
import type { SignupDoc } from '../../_lib/documents'
import { loadActivity, managesActivity } from '../activities.repo'

/** The organizer's list: confirmed first (in sign-up order), then the waitlist in line order, with answers and check-in. */
export const listAttendees: Handler<'activity.attendees'> = async ({ deps, me, input }) => {
  const { db } = deps
  const _ = db.command
  const a = await loadActivity(deps, me, input.id)
  if (!managesActivity(me, a)) throw forbidden('只有活动的组织者可以查看报名名单')
  const coll = db.collection('signups')
  const [confirmed, waiting, checkedIn] = await Promise.all([
    coll.where({ activityId: a._id, status: 'confirmed' }).count(),
    coll.where({ activityId: a._id, status: 'waiting' }).count(),
    coll.where({ activityId: a._id, status: 'confirmed', checkedInAt: _.neq(null) }).count(),
  ])
  const skip = (input.page - 1) * input.pageSize
  const fromConfirmed = skip < confirmed.total ? ((await coll.where({ activityId: a._id, status: 'confirmed' }).orderBy('signedAt', 'asc').skip(skip).limit(input.pageSize).get()).data as SignupDoc[]) : []
  const rest = input.pageSize - fromConfirmed.length
  const fromWaiting = rest > 0 ? ((await coll.where({ activityId: a._id, status: 'waiting' }).orderBy('seq', 'asc').skip(Math.max(0, skip - confirmed.total)).limit(rest).get()).data as SignupDoc[]) : []
  const firstWaitingPosition = Math.max(0, skip - confirmed.total) + 1
  const items = [
    ...fromConfirmed.map((s) => ({ memberId: s.memberId, name: s.memberName, department: s.departmentName, status: 'confirmed' as const, waitingPosition: null, answers: s.answers, checkedInAt: s.checkedInAt ? formatShanghai(s.checkedInAt) : null })),
    ...fromWaiting.map((s, i) => ({ memberId: s.memberId, name: s.memberName, department: s.departmentName, status: 'waiting' as const, waitingPosition: firstWaitingPosition + i, answers: s.answers, checkedInAt: null })),
  ]
  return { items, total: confirmed.total + waiting.total, page: input.page, pageSize: input.pageSize, confirmed: confirmed.total, waiting: waiting.total, checkedIn: checkedIn.total }
}
