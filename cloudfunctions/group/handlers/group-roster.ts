import type { Handler } from '../../_lib/entry'
import { loadGroup } from '../groups.repo'
import { rosterPage } from '../roster'

export const groupRoster: Handler<'group.roster'> = async ({ deps, me, input }) => {
  const g = await loadGroup(deps, me, input.id)
  const { items, total } = await rosterPage(deps, me, g, (input.page - 1) * input.pageSize, input.pageSize)
  return { items, total, page: input.page, pageSize: input.pageSize }
}
