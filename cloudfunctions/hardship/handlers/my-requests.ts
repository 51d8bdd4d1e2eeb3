import type { Handler } from '../../_lib/entry'
import { myRequestsPage, toCard } from '../requests.repo'

/** 我的帮扶申请: those the caller made and those made for them, newest first. */
export const myRequests: Handler<'hardship.mine'> = async ({ deps, me, input }) => {
  const { docs, total } = await myRequestsPage(deps, me.unionId, me.member._id, input.page, input.pageSize)
  return { items: docs.map((r) => toCard(r, deps.clock.now())), total, page: input.page, pageSize: input.pageSize }
}
