import { useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { MessagePage, MessageView } from '@shared/contract'
import { callAction } from '../../../services/cloud'
import { setUnreadMessages } from '../../../hooks/useTabBadges'
import { usePages, useStaleOnShow, type PagedState } from '../../../data'

const PAGE_SIZE = 20

export interface MessagesState extends PagedState<MessageView, MessagePage> {
  unread: number
  /** Marks one read (the tap): the list and the badge follow the server's answer. */
  read: (m: MessageView) => Promise<MessageView | null>
  readAll: () => Promise<void>
}

/**
 * 消息 a page at a time by the server's cursor (newest first; messages arriving meanwhile shift
 * nothing). Every answer carries the unread count, which goes straight to the tab badge. The page's
 * scroll drives it: the bottom pages on, pulling down starts over.
 */
export function useMessages(): MessagesState {
  const [unread, setUnread] = useState(0)
  const count = (n: number) => {
    setUnread(n)
    setUnreadMessages(n)
  }

  const list = usePages<MessageView, string, MessagePage>('', async (cursor) => {
    // The first page's failure is the page's error state; a further page's is toasted.
    const page = cursor
      ? await callAction('message.list', { cursor, pageSize: PAGE_SIZE })
      : await callAction('message.list', { pageSize: PAGE_SIZE }, { silent: true })
    count(page.unread)
    return { items: page.items, next: page.next, answer: page }
  })
  const { patch, reload } = list
  // A switch of account marks everything stale; nothing else changes 消息 from elsewhere.
  useStaleOnShow(['message'], reload)
  useReachBottom(() => void list.loadMore())
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  const read = async (m: MessageView): Promise<MessageView | null> => {
    if (m.read) return m
    try {
      const res = await callAction('message.read', { id: m.id }, { silent: true })
      patch((items) => items.map((p) => (p.id === m.id ? res.message : p)))
      count(res.unread)
      return res.message
    } catch {
      // Still unread; the next visit tries again. Opening the thing does not wait on this.
      return null
    }
  }

  const readAll = async () => {
    try {
      const res = await callAction('message.readAll', {})
      patch((items) => items.map((p) => (p.read ? p : { ...p, read: true })))
      count(res.unread)
      // Something written meanwhile is still unread: show it.
      if (res.unread > 0) await reload()
    } catch {
      // Toasted by callAction.
    }
  }

  return { ...list, unread, read, readAll }
}
