import { dateTimeText } from '@shared/domain/time'
import type { Handler } from '../../_lib/entry'
import type { HardshipPolicyChangeDoc } from '../../_lib/documents'

/** Every change to the standards, newest first: who, when, what. */
export const policyHistory: Handler<'hardship.policyHistory'> = async ({ deps, me, input }) => {
  const query = deps.db.collection('hardship_policy_changes').where({ unionId: me.unionId })
  const [pageRes, countRes] = await Promise.all([
    query.orderBy('at', 'desc').orderBy('_id', 'asc').skip((input.page - 1) * input.pageSize).limit(input.pageSize).field({ before: false, after: false }).get(),
    query.count(),
  ])
  const items = (pageRes.data as HardshipPolicyChangeDoc[]).map((c) => ({ id: c._id, year: c.year, version: c.version, at: dateTimeText(c.at, deps.clock.now()), by: c.byName, changes: c.changes }))
  return { items, total: countRes.total, page: input.page, pageSize: input.pageSize }
}
