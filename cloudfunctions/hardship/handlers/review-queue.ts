import { QUEUE_TAB_STATUSES } from '@shared/domain/hardship'
import type { Handler } from '../../_lib/entry'
import { queuePage, toCard } from '../requests.repo'

/**
 * The reviewers' queue by tab: work to do oldest first (待受理, 审核中, 待补充, 待发放), settled ones
 * newest first. Rows carry what a reviewer needs to pick one: who, which category, how much, since when.
 */
export const reviewQueue: Handler<'hardship.queue'> = async ({ deps, me, input }) => {
  const settled = input.tab === 'paid' || input.tab === 'closed'
  const { docs, total } = await queuePage(deps, me.unionId, QUEUE_TAB_STATUSES[input.tab], settled, input.page, input.pageSize)
  return { items: docs.map((r) => toCard(r, deps.clock.now())), total, page: input.page, pageSize: input.pageSize }
}
