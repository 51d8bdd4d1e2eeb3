import { useCallback, useEffect, useReducer, useRef } from 'react'
import { useDidShow } from '@tarojs/taro'
import type { ActionInput, ActionName, ActionOutput } from '@shared/contract'
import type { ActionError } from '../services/cloud'
import { entryOf, fetchEntry, subscribe } from './cache'

export interface QueryOptions {
  /** Don't toast on failure: the page shows the error itself. */
  silent?: boolean
  /**
   * Load on mount even when a fresh answer is cached (default true: a page opened shows the cached
   * answer at once and asks again). The session passes false: it changes only when told.
   */
  refetchOnMount?: boolean
  /** false: wait (an input not known yet); nothing is called. */
  enabled?: boolean
}

export interface QueryResult<N extends ActionName> {
  data: ActionOutput<N> | undefined
  error: ActionError | undefined
  /** Nothing to show yet: the first answer (or a retry after an error) is on its way. */
  loading: boolean
  /** Calls again (pull-to-refresh, a retry button); resolves when the new answer is in. */
  reload: () => Promise<void>
}

/**
 * One action's answer for a page, from the shared cache: loads on mount and when the input changes,
 * again when the page is shown after a change marked it stale (invalidate), and on reload().
 */
export function useQuery<N extends ActionName>(name: N, input: ActionInput<N>, opts: QueryOptions = {}): QueryResult<N> {
  const { silent = false, refetchOnMount = true, enabled = true } = opts
  const entry = entryOf(name, input)
  const [, rerender] = useReducer((n: number) => n + 1, 0)
  const entryRef = useRef(entry)
  entryRef.current = entry

  useEffect(() => subscribe(entry, rerender), [entry])

  useEffect(() => {
    if (!enabled) return
    if (refetchOnMount || entry.stale || (entry.state.data === undefined && !entry.state.error)) void fetchEntry(entry, silent)
  }, [entry, enabled, refetchOnMount, silent])

  // Shown again (a tab tapped, back from a page above): load what a change has marked stale meanwhile.
  useDidShow(() => {
    const current = entryRef.current
    if (enabled && current.stale && !current.inflight) void fetchEntry(current, silent)
  })

  const reload = useCallback(() => fetchEntry(entry, silent), [entry, silent])
  const { data, error, fetching } = entry.state
  return {
    data: data as ActionOutput<N> | undefined,
    error,
    loading: enabled && data === undefined && (fetching || !error),
    reload,
  }
}
