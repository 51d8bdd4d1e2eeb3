import { notFound } from '../../_lib/app-error'
import { countOf, readTogether } from '../../_lib/batch-read'
import type { Handler } from '../../_lib/entry'
import { messagePageRead, pageOf, unreadRead, type MessageDoc } from '../../_lib/messages.repo'
import { messageViews } from '../message-view'
import { readerOf } from '../reader'

/** 消息: a page and the badge in one round trip, then whether the page's targets still exist in one more. */
export const listMessages: Handler<'message.list'> = async ({ deps, me, input }) => {
  const reader = readerOf(me)
  const batch = await readTogether(
    deps,
    { collection: 'unions', where: { _id: me.unionId } },
    { page: messagePageRead(deps, reader, input.cursor, input.pageSize), unread: unreadRead(deps, reader) },
  )
  if (!batch) throw notFound('所在工会不存在')
  const { rows, next } = pageOf(batch.rows.page as MessageDoc[], input.pageSize)
  return { items: await messageViews(deps, me.unionId, rows), next, unread: countOf(batch.rows.unread) }
}
