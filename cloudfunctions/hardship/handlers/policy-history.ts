import { dateTimeText } from '@shared/domain/time'
import type { Handler } from '../../_lib/entry'
import { policyChangesPage } from '../policy.repo'

/** Every change to the standards, newest first: who, when, what. */
export const policyHistory: Handler<'hardship.policyHistory'> = async ({ deps, me, input }) => {
  const { docs, total } = await policyChangesPage(deps, me.unionId, input.page, input.pageSize)
  const items = docs.map((c) => ({ id: c._id, year: c.year, version: c.version, at: dateTimeText(c.at, deps.clock.now()), by: c.byName, changes: c.changes }))
  return { items, total, page: input.page, pageSize: input.pageSize }
}
