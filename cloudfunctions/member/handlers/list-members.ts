import type { Handler } from '../../_lib/entry'
import { rosterPage } from '../../_lib/members.repo'

/** The admin's roster: filtered, searched by name or 会员编号, paged; the page (bindings joined on) and the count in parallel. */
export const listMembers: Handler<'member.list'> = async ({ deps, me, input }) => {
  const { rows, total } = await rosterPage(deps, me.unionId, input, (input.page - 1) * input.pageSize, input.pageSize)
  return { items: rows, total, page: input.page, pageSize: input.pageSize }
}
