import { useCallback, useEffect, useRef, useState } from 'react'
import type { MessageView } from '@shared/contract'
import { ActionError, callAction } from '../../../services/cloud'
import { setUnreadMessages } from '../../../hooks/useTabBadges'

const PAGE_SIZE = 20

export interface MessagesState {
  items: readonly MessageView[]
  unread: number
  loading: boolean
  loadingMore: boolean
  error: ActionError | undefined
  hasMore: boolean
  reload: () => Promise<void>
  loadMore: () => Promise<void>
  /** Marks one read (the tap): the list and the badge follow the server's answer. */
  read: (m: MessageView) => Promise<MessageView | null>
  readAll: () => Promise<void>
}

/**
 * 消息 a page at a time by the server's cursor (newest first; messages arriving meanwhile shift
 * nothing). Every answer carries the unread count, which goes straight to the tab badge.
 */
export function useMessages(): MessagesState {
  const [items, setItems] = useState<readonly MessageView[]>([])
  const [unread, setUnread] = useState(0)
  const [next, setNext] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<ActionError | undefined>()
  const generation = useRef(0)
  const busy = useRef(false)
  const mounted = useRef(true)

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const count = (n: number) => {
    setUnread(n)
    setUnreadMessages(n)
  }

  const reload = useCallback(async () => {
    const gen = ++generation.current
    busy.current = true
    setLoading(true)
    setError(undefined)
    try {
      const page = await callAction('message.list', { pageSize: PAGE_SIZE }, { silent: true })
      if (!mounted.current || gen !== generation.current) return
      setItems(page.items)
      setNext(page.next)
      count(page.unread)
    } catch (err) {
      if (!mounted.current || gen !== generation.current) return
      setItems([])
      setNext(null)
      setError(err instanceof ActionError ? err : new ActionError('INTERNAL', String(err)))
    } finally {
      if (mounted.current && gen === generation.current) {
        busy.current = false
        setLoading(false)
      }
    }
  }, [])

  useEffect(() => {
    void reload()
  }, [reload])

  const loadMore = useCallback(async () => {
    if (busy.current || !next) return
    const gen = generation.current
    busy.current = true
    setLoadingMore(true)
    try {
      const page = await callAction('message.list', { cursor: next, pageSize: PAGE_SIZE })
      if (!mounted.current || gen !== generation.current) return
      // A message can be on two pages only if the list moved under us; keep the first copy.
      setItems((prev) => [...prev, ...page.items.filter((m) => !prev.some((p) => p.id === m.id))])
      setNext(page.next)
      count(page.unread)
    } catch {
      // callAction has toasted; 加载更多 stays for another try.
    } finally {
      if (mounted.current && gen === generation.current) {
        busy.current = false
        setLoadingMore(false)
      }
    }
  }, [next])

  const read = useCallback(async (m: MessageView): Promise<MessageView | null> => {
    if (m.read) return m
    try {
      const res = await callAction('message.read', { id: m.id }, { silent: true })
      if (mounted.current) setItems((prev) => prev.map((p) => (p.id === m.id ? res.message : p)))
      count(res.unread)
      return res.message
    } catch {
      // Still unread; the next visit tries again. Opening the thing does not wait on this.
      return null
    }
  }, [])

  const readAll = useCallback(async () => {
    try {
      const res = await callAction('message.readAll', {})
      if (mounted.current) setItems((prev) => prev.map((p) => (p.read ? p : { ...p, read: true })))
      count(res.unread)
      // Something written meanwhile is still unread: show it.
      if (res.unread > 0) await reload()
    } catch {
      // Toasted by callAction.
    }
  }, [reload])

  return { items, unread, loading, loadingMore, error, hasMore: next !== null, reload, loadMore, read, readAll }
}
