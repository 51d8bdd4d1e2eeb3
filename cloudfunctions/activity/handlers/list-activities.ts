import type { Handler } from '../../_lib/entry'
import type { ActivityDoc, SignupDoc } from '../../_lib/documents'
import { signupId, toCard } from '../activities.repo'

/** 即将开始 (not yet ended, soonest first), 我报名的, 往期 (latest first); one page and its count in parallel, then the caller's sign-ups for that page. */
export const listActivities: Handler<'activity.list'> = async ({ deps, me, input }) => {
  const { db, clock } = deps
  const _ = db.command
  const now = clock.now()
  const skip = (input.page - 1) * input.pageSize
  const typeFilter = input.type ? { type: input.type } : {}
  if (input.tab === 'mine') {
    const query = db.collection('signups').where({ unionId: me.unionId, memberId: me.member._id, status: _.in(['confirmed', 'waiting']) })
    const [pageRes, countRes] = await Promise.all([query.orderBy('signedAt', 'desc').skip(skip).limit(input.pageSize).get(), query.count()])
    const signups = pageRes.data as SignupDoc[]
    const acts = signups.length ? ((await db.collection('activities').where({ _id: _.in(signups.map((s) => s.activityId)) }).limit(signups.length).get()).data as ActivityDoc[]) : []
    const byId = new Map(acts.map((a) => [a._id, a]))
    const items = signups.flatMap((s) => (byId.has(s.activityId) ? [toCard(byId.get(s.activityId)!, s)] : []))
    return { items, total: countRes.total, page: input.page, pageSize: input.pageSize }
  }
  const upcoming = input.tab === 'upcoming'
  const query = db.collection('activities').where({ unionId: me.unionId, status: 'open', endAt: upcoming ? _.gt(now) : _.lte(now), ...typeFilter })
  const [pageRes, countRes] = await Promise.all([query.orderBy('startAt', upcoming ? 'asc' : 'desc').skip(skip).limit(input.pageSize).get(), query.count()])
  const acts = pageRes.data as ActivityDoc[]
  const mine = acts.length ? ((await db.collection('signups').where({ _id: _.in(acts.map((a) => signupId(a._id, me.member._id))) }).limit(acts.length).get()).data as SignupDoc[]) : []
  const mineBy = new Map(mine.map((s) => [s.activityId, s]))
  return { items: acts.map((a) => toCard(a, mineBy.get(a._id))), total: countRes.total, page: input.page, pageSize: input.pageSize }
}
