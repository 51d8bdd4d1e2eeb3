import type { Handler } from '../../_lib/entry'
import { forbidden, invalid } from '../../_lib/app-error'
import type { ActivityDoc, DepartmentDoc, GroupDoc } from '../../_lib/documents'
import { activityDetail, managesActivity } from '../activities.repo'

/** Posting: a leader for their own department or group, an admin for the whole union. Times must make sense together. */
export const createActivity: Handler<'activity.create'> = async ({ deps, me, input }) => {
  const { db, clock, ids } = deps
  const scope = input.scope
  if (!managesActivity(me, { unionId: me.unionId, scope })) throw forbidden(scope.kind === 'union' ? '只有工会管理员可以发布全会活动' : '只能为自己带领的小组发布活动')
  const [startAt, endAt, opens, closes, cancelBy] = [input.startAt, input.endAt, input.signUpOpensAt, input.signUpClosesAt, input.cancelDeadline].map((t) => new Date(t))
  if (endAt <= startAt) throw invalid('结束时间要晚于开始时间', { field: 'endAt' })
  if (closes <= opens) throw invalid('报名截止时间要晚于报名开始时间', { field: 'signUpClosesAt' })
  if (closes > startAt) throw invalid('报名截止时间不能晚于活动开始时间', { field: 'signUpClosesAt' })
  if (cancelBy > startAt) throw invalid('取消截止时间不能晚于活动开始时间', { field: 'cancelDeadline' })
  for (const f of input.fields) {
    const choice = f.type === 'single' || f.type === 'multi'
    if (choice !== Boolean(f.options?.length)) throw invalid(choice ? `「${f.label}」需要至少两个选项` : `「${f.label}」不需要选项`, { field: 'fields' })
  }
  if (new Set(input.fields.map((f) => f.key)).size !== input.fields.length) throw invalid('报名项不能重复', { field: 'fields' })

  let organizer = '工会'
  if (scope.kind === 'department') organizer = `${((await db.collection('departments').doc(scope.id).get()).data[0] as DepartmentDoc | undefined)?.name ?? ''}工会小组`
  if (scope.kind === 'group') organizer = `${((await db.collection('groups').doc(scope.id).get()).data[0] as GroupDoc | undefined)?.name ?? ''}兴趣小组`

  const doc: ActivityDoc = {
    _id: ids.next(),
    unionId: me.unionId,
    scope,
    organizer,
    title: input.title,
    type: input.type,
    description: input.description,
    place: input.place,
    startAt,
    endAt,
    signUpOpensAt: opens,
    signUpClosesAt: closes,
    cancelDeadline: cancelBy,
    capacity: input.capacity,
    waitlist: input.capacity === null ? false : input.waitlist,
    audience: input.audience,
    fields: input.fields,
    confirmedCount: 0,
    waitSeq: 0,
    status: 'open',
    createdBy: me.member._id,
    createdAt: clock.now(),
  }
  await db.collection('activities').add(doc)
  return activityDetail(deps, me, doc)
}
