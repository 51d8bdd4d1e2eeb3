import type { Handler } from '../../_lib/entry'
import type { HardshipRequestDoc } from '../records'
import { CARD_FIELDS, REQUESTS, toCard } from '../requests.repo'

/** 我的帮扶申请: those the caller made and those made for them, newest first. */
export const myRequests: Handler<'hardship.mine'> = async ({ deps, me, input }) => {
  const _ = deps.db.command
  const query = deps.db.collection(REQUESTS).where(_.or([{ unionId: me.unionId, memberId: me.member._id }, { unionId: me.unionId, reporterId: me.member._id }]))
  const [pageRes, countRes] = await Promise.all([
    query.orderBy('submittedAt', 'desc').orderBy('_id', 'asc').skip((input.page - 1) * input.pageSize).limit(input.pageSize).field(CARD_FIELDS).get(),
    query.count(),
  ])
  return { items: (pageRes.data as HardshipRequestDoc[]).map((r) => toCard(r, deps.clock.now())), total: countRes.total, page: input.page, pageSize: input.pageSize }
}
