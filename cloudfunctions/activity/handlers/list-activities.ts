import type { Handler } from '../../_lib/entry'
import { coverLinks, listPage, toCard } from '../activities.repo'

/**
 * 即将开始 (not yet ended, soonest first), 往期 (latest first) and 我报名的 (latest start first),
 * filtered by type and organizing group: a page with the caller's sign-up at each event (one joined
 * read) and its count in parallel, then the cover links.
 */
export const listActivities: Handler<'activity.list'> = async ({ deps, me, input }) => {
  const filters = { ...(input.type ? { type: input.type } : {}), ...(input.groupId ? { 'scope.kind': 'group', 'scope.id': input.groupId } : {}) }
  const { rows, total } = await listPage(deps, me, { tab: input.tab, filters, skip: (input.page - 1) * input.pageSize, limit: input.pageSize })
  const links = await coverLinks(rows.map((r) => r.activity))
  return { items: rows.map((r) => toCard(r.activity, r.mine, links)), total, page: input.page, pageSize: input.pageSize }
}
