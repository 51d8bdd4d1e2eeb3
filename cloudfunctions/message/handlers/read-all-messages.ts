import type { Handler } from '../../_lib/entry'
import { countUnread, markAllRead } from '../../_lib/messages.repo'
import { readerOf } from '../reader'

export const readAllMessages: Handler<'message.readAll'> = async ({ deps, me }) => {
  const reader = readerOf(me)
  const marked = await markAllRead(deps, reader)
  // Counted again rather than assumed 0: a message written meanwhile is still unread.
  return { marked, unread: await countUnread(deps, reader) }
}
