import { useCallback, useEffect, useRef, useState } from 'react'
import { ActionError } from '../services/cloud'

/** One page of a list as a fetcher answers it: the items, where the next page starts (null: the end), the whole answer. */
export interface Fetched<T, C, A> {
  readonly items: readonly T[]
  readonly next: C | null
  readonly answer: A
  /** How many there are in all, where the action says. */
  readonly total?: number
}

const idOf = (item: unknown): unknown => (item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined)
const sameItem = (a: unknown, b: unknown): boolean => idOf(a) !== undefined && idOf(a) === idOf(b)

export interface PagedState<T, A = unknown> {
  items: readonly T[]
  /** How many there are in all (0 until the first page is in, or where the action does not count). */
  total: number
  /** The first page is loading (show the loading state). */
  loading: boolean
  /** A further page is loading (show it at the bottom). */
  loadingMore: boolean
  /** The first page failed (show the error state); a failed further page only toasts. */
  error: ActionError | undefined
  hasMore: boolean
  /**
   * The latest page's whole answer, for what a paged action sends besides items (报名名单's
   * 已签到 / 已报名 totals, 消息's unread count): a page reads them from here instead of calling again.
   */
  latest: A | undefined
  loadMore: () => Promise<void>
  reload: () => Promise<void>
  /** Replaces items in place (a message marked read) without a call. */
  patch: (change: (items: readonly T[]) => readonly T[]) => void
}

/**
 * A list loaded a page at a time, by page number or by the server's cursor alike: the first page
 * whenever `key` changes (new filters), further pages appended by loadMore (加载更多 or reaching the
 * bottom). Answers for an older key are dropped; an item already shown is not shown twice.
 */
export function usePages<T, C, A>(key: string, fetchPage: (cursor: C | undefined, first: boolean) => Promise<Fetched<T, C, A>>): PagedState<T, A> {
  const [items, setItems] = useState<readonly T[]>([])
  const [latest, setLatest] = useState<A>()
  const [total, setTotal] = useState(0)
  const [next, setNext] = useState<C | null>(null)
  const [loading, setLoading] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<ActionError | undefined>()
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage
  const generation = useRef(0)
  const busy = useRef(false)
  const mounted = useRef(true)

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const reload = useCallback(async () => {
    const gen = ++generation.current
    busy.current = true
    setLoading(true)
    setError(undefined)
    try {
      const page = await fetchRef.current(undefined, true)
      if (!mounted.current || gen !== generation.current) return
      setItems(page.items)
      setNext(page.next)
      setLatest(page.answer)
      setTotal(page.total ?? page.items.length)
    } catch (err) {
      if (!mounted.current || gen !== generation.current) return
      setItems([])
      setNext(null)
      setLatest(undefined)
      setTotal(0)
      setError(err instanceof ActionError ? err : new ActionError('INTERNAL', String(err)))
    } finally {
      if (mounted.current && gen === generation.current) {
        busy.current = false
        setLoading(false)
      }
    }
  }, [])

  // New filters (by value: the key is their text) start over from the first page.
  useEffect(() => {
    void reload()
  }, [reload, key])

  const loadMore = useCallback(async () => {
    if (busy.current || next === null) return
    const gen = generation.current
    busy.current = true
    setLoadingMore(true)
    try {
      const page = await fetchRef.current(next, false)
      if (!mounted.current || gen !== generation.current) return
      // An item can be on two pages only if the list moved under us; keep the first copy.
      setItems((prev) => [...prev, ...page.items.filter((m) => !prev.some((p) => sameItem(p, m)))])
      setNext(page.next)
      setLatest(page.answer)
      if (page.total !== undefined) setTotal(page.total)
    } catch {
      // callAction has toasted; 加载更多 stays for another try.
    } finally {
      if (mounted.current && gen === generation.current) {
        busy.current = false
        setLoadingMore(false)
      }
    }
  }, [next])

  const patch = useCallback((change: (items: readonly T[]) => readonly T[]) => setItems(change), [])

  return { items, total, loading, loadingMore, error, hasMore: next !== null, latest, loadMore, reload, patch }
}
