import type { Handler } from '../../_lib/entry'
import { countUnread, messagePage } from '../../_lib/messages.repo'
import { messageViews } from '../message-view'
import { readerOf } from '../reader'

export const listMessages: Handler<'message.list'> = async ({ deps, me, input }) => {
  const reader = readerOf(me)
  const [{ rows, next }, unread] = await Promise.all([messagePage(deps, reader, input.cursor, input.pageSize), countUnread(deps, reader)])
  return { items: await messageViews(deps, me.unionId, rows), next, unread }
}
