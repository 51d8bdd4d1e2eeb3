import type { Handler } from '../../_lib/entry'
import type { ActivityDoc, SignupDoc } from '../../_lib/documents'
import { readAll } from '../../_lib/read-all'
import { coverLinks, signupId, toCard } from '../activities.repo'

/** A member's sign-ups the 我报名的 tab looks through (years of activity fit well within it). */
const MINE_LIMIT = 500

/**
 * 即将开始 (not yet ended, soonest first), 往期 (latest first) and 我报名的 (latest start first),
 * filtered by type and organizing group: a page and its count in parallel, then the caller's
 * sign-ups for that page and the cover links.
 */
export const listActivities: Handler<'activity.list'> = async ({ deps, me, input }) => {
  const { db, clock } = deps
  const _ = db.command
  const now = clock.now()
  const skip = (input.page - 1) * input.pageSize
  const filters = { ...(input.type ? { type: input.type } : {}), ...(input.groupId ? { 'scope.kind': 'group', 'scope.id': input.groupId } : {}) }
  let mine: SignupDoc[] | null = null
  let where: Record<string, unknown>
  if (input.tab === 'mine') {
    mine = await readAll<SignupDoc>(
      db.collection('signups').where({ unionId: me.unionId, memberId: me.member._id, status: _.in(['confirmed', 'waiting', 'entered']) }).orderBy('signedAt', 'desc').field({ activityId: true, status: true, memberId: true }),
      MINE_LIMIT,
      MINE_LIMIT,
    )
    if (!mine.length) return { items: [], total: 0, page: input.page, pageSize: input.pageSize }
    where = { _id: _.in(mine.map((s) => s.activityId)), unionId: me.unionId, ...filters }
  } else where = { unionId: me.unionId, status: 'open', endAt: input.tab === 'upcoming' ? _.gt(now) : _.lte(now), ...filters }
  const query = db.collection('activities').where(where)
  const [pageRes, countRes] = await Promise.all([query.orderBy('startAt', input.tab === 'upcoming' ? 'asc' : 'desc').orderBy('_id', 'asc').skip(skip).limit(input.pageSize).get(), query.count()])
  const acts = pageRes.data as ActivityDoc[]
  const mySignups = async (): Promise<SignupDoc[]> =>
    mine ?? (acts.length ? ((await db.collection('signups').where({ _id: _.in(acts.map((a) => signupId(a._id, me.member._id))) }).limit(acts.length).get()).data as SignupDoc[]) : [])
  const [signups, links] = await Promise.all([mySignups(), coverLinks(acts)])
  const mineBy = new Map(signups.map((s) => [s.activityId, s]))
  return { items: acts.map((a) => toCard(a, mineBy.get(a._id), links)), total: countRes.total, page: input.page, pageSize: input.pageSize }
}
