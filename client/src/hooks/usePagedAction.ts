import { useCallback, useEffect, useRef, useState } from 'react'
import type { ActionInput, ActionName, ActionOutput, Page } from '@shared/contract'
import { ActionError, callAction } from '../services/cloud'

/** Actions answering Page<T> and taking page/pageSize. */
export type PagedActionName = {
  [K in ActionName]: ActionOutput<K> extends Page<unknown> ? (ActionInput<K> extends { page?: number; pageSize?: number } ? K : never) : never
}[ActionName]
export type PageItem<N extends PagedActionName> = ActionOutput<N> extends Page<infer T> ? T : never
export type PageFilters<N extends PagedActionName> = Omit<ActionInput<N>, 'page' | 'pageSize'>

export interface PagedState<T, A = unknown> {
  items: readonly T[]
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
   * 已签到 / 已报名 totals): a page reads them from here instead of calling the action again.
   */
  latest: A | undefined
  loadMore: () => Promise<void>
  reload: () => Promise<void>
}

/**
 * A paged list: page 1 whenever the filters change, further pages appended by loadMore
 * (a 加载更多 button or reaching the bottom). Answers for old filters are dropped.
 */
export function usePagedAction<N extends PagedActionName>(name: N, filters: PageFilters<N>, pageSize = 20): PagedState<PageItem<N>, ActionOutput<N>> {
  const [items, setItems] = useState<readonly PageItem<N>[]>([])
  const [latest, setLatest] = useState<ActionOutput<N>>()
  const [total, setTotal] = useState(0)
  const [page, setPage] = useState(0)
  const [loading, setLoading] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<ActionError | undefined>()
  const filtersKey = JSON.stringify(filters ?? null)
  const filtersRef = useRef(filters)
  filtersRef.current = filters
  const generation = useRef(0)
  const busy = useRef(false)
  const mounted = useRef(true)

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const fetchPage = useCallback(
    (n: number) => callAction(name, { ...filtersRef.current, page: n, pageSize } as ActionInput<N>, { silent: n === 1 }) as Promise<Page<PageItem<N>>>,
    [name, pageSize],
  )

  const reload = useCallback(async () => {
    const gen = ++generation.current
    busy.current = true
    setLoading(true)
    setError(undefined)
    try {
      const res = await fetchPage(1)
      if (!mounted.current || gen !== generation.current) return
      setItems(res.items)
      setTotal(res.total)
      setLatest(res as ActionOutput<N>)
      setPage(1)
    } catch (err) {
      if (!mounted.current || gen !== generation.current) return
      setItems([])
      setTotal(0)
      setLatest(undefined)
      setPage(0)
      setError(err instanceof ActionError ? err : new ActionError('INTERNAL', String(err)))
    } finally {
      if (mounted.current && gen === generation.current) {
        busy.current = false
        setLoading(false)
      }
    }
    // filtersKey: new filters (by value, not identity) start over from page 1.
    // The input's text is the dependency on purpose: a new object with the same value is the same input.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetchPage, filtersKey])

  useEffect(() => {
    void reload()
  }, [reload])

  const hasMore = page > 0 && items.length < total

  const loadMore = useCallback(async () => {
    if (busy.current || !hasMore) return
    const gen = generation.current
    busy.current = true
    setLoadingMore(true)
    try {
      const res = await fetchPage(page + 1)
      if (!mounted.current || gen !== generation.current) return
      setItems((prev) => [...prev, ...res.items])
      setTotal(res.total)
      setLatest(res as ActionOutput<N>)
      setPage(page + 1)
    } catch {
      // callAction has toasted; the 加载更多 button stays for another try.
    } finally {
      if (mounted.current && gen === generation.current) {
        busy.current = false
        setLoadingMore(false)
      }
    }
  }, [fetchPage, hasMore, page])

  return { items, total, loading, loadingMore, error, hasMore, latest, loadMore, reload }
}
