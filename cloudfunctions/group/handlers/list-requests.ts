import { mayManageScope } from '@shared/domain/authorization'
import type { Handler } from '../../_lib/entry'
import { countOf } from '../../_lib/batch-read'
import { loadGroupWith, requireInterest, requireManager } from '../groups.repo'
import { requestReads, toJoinRequests } from '../memberships.repo'

/** The requests waiting for the leader, read with the group in one round trip (and only for its managers). */
export const listRequests: Handler<'group.requests'> = async ({ deps, me, input }) => {
  const skip = (input.page - 1) * input.pageSize
  const { group: g, rows } = await loadGroupWith(deps, me, input.id, (scope) =>
    mayManageScope(me.subject, scope) ? requestReads(deps, scope.id, skip, input.pageSize) : { page: null, total: null },
  )
  requireInterest(g)
  requireManager(me, g)
  return { items: toJoinRequests(rows.page, deps.clock.now()), total: countOf(rows.total), page: input.page, pageSize: input.pageSize }
}
