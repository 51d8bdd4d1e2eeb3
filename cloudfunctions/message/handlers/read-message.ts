import type { Handler } from '../../_lib/entry'
import { countUnread, markRead, messageOf } from '../../_lib/messages.repo'
import { messageViews } from '../message-view'
import { readerOf } from '../reader'

/** The tap in 消息: the message (with its target checked now) marked read, and the badge's new count. */
export const readMessage: Handler<'message.read'> = async ({ deps, me, input }) => {
  const reader = readerOf(me)
  const doc = await messageOf(deps, reader, input.id)
  const readAt = doc.readAt ?? (await markRead(deps, reader, doc._id))
  const [[message], unread] = await Promise.all([messageViews(deps, me.unionId, [{ ...doc, readAt }]), countUnread(deps, reader)])
  return { message, unread }
}
