import { QUEUE_TAB_STATUSES } from '@shared/domain/hardship'
import type { Handler } from '../../_lib/entry'
import type { HardshipRequestDoc } from '../records'
import { CARD_FIELDS, REQUESTS, toCard } from '../requests.repo'

/**
 * The reviewers' queue by tab: work to do oldest first (待受理, 审核中, 待补充, 待发放), settled ones
 * newest first. Rows carry what a reviewer needs to pick one: who, which category, how much, since when.
 */
export const reviewQueue: Handler<'hardship.queue'> = async ({ deps, me, input }) => {
  const _ = deps.db.command
  const statuses = QUEUE_TAB_STATUSES[input.tab]
  const query = deps.db.collection(REQUESTS).where({ unionId: me.unionId, status: statuses.length === 1 ? statuses[0] : _.in([...statuses]) })
  const settled = input.tab === 'paid' || input.tab === 'closed'
  const [pageRes, countRes] = await Promise.all([
    query
      .orderBy(settled ? 'updatedAt' : 'submittedAt', settled ? 'desc' : 'asc')
      .orderBy('_id', 'asc')
      .skip((input.page - 1) * input.pageSize)
      .limit(input.pageSize)
      .field(CARD_FIELDS)
      .get(),
    query.count(),
  ])
  return { items: (pageRes.data as HardshipRequestDoc[]).map((r) => toCard(r, deps.clock.now())), total: countRes.total, page: input.page, pageSize: input.pageSize }
}
