import type { Handler } from '../../_lib/entry'
import { invitePage, toInviteView } from '../invites.repo'

export const listInvites: Handler<'member.listInvites'> = async ({ deps, me, input }) => {
  const { rows, total } = await invitePage(deps, me.unionId, input.unusedOnly, deps.clock.now(), (input.page - 1) * input.pageSize, input.pageSize)
  return { items: rows.map(toInviteView), total, page: input.page, pageSize: input.pageSize }
}
