import type { Handler } from '../../_lib/entry'
import { rosterPage } from '../roster'

export const groupRoster: Handler<'group.roster'> = async ({ deps, me, input }) => {
  const { items, total } = await rosterPage(deps, me, input.id, (input.page - 1) * input.pageSize, input.pageSize)
  return { items, total, page: input.page, pageSize: input.pageSize }
}
