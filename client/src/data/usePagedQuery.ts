import { useRef } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { ActionInput, ActionName, ActionOutput, Page } from '@shared/contract'
import { callAction } from '../services/cloud'
import type { Scope } from './cache'
import { usePages, type PagedState } from './usePages'
import { useStaleOnShow } from './useStaleOnShow'

/** Actions answering Page<T> and taking page/pageSize. */
export type PagedActionName = {
  [K in ActionName]: ActionOutput<K> extends Page<unknown> ? (ActionInput<K> extends { page?: number; pageSize?: number } ? K : never) : never
}[ActionName]
export type PageItem<N extends PagedActionName> = ActionOutput<N> extends Page<infer T> ? T : never
export type PageFilters<N extends PagedActionName> = Omit<ActionInput<N>, 'page' | 'pageSize'>

export interface PagedQueryOptions {
  pageSize?: number
  /** Besides the action's own function, changes that make this list stale (loaded again when next shown). */
  alsoStaleOn?: readonly Scope[]
  /**
   * The page's scroll drives the list: reaching the bottom loads more, pulling down starts over
   * (default true; false where a page has two lists or handles them itself).
   */
  ownsPage?: boolean
}

const functionOf = (name: ActionName): Scope => name.slice(0, name.indexOf('.')) as Scope

/**
 * A paged action as a list: page 1 whenever the filters change, further pages by number, fresh again
 * when shown after a change to its function (invalidate('activity') → activity.list starts over).
 */
export function usePagedQuery<N extends PagedActionName>(
  name: N,
  filters: PageFilters<N>,
  opts: PagedQueryOptions = {},
): PagedState<PageItem<N>, ActionOutput<N>> {
  const { pageSize = 20, alsoStaleOn = [], ownsPage = true } = opts
  const key = JSON.stringify(filters ?? null)
  const filtersRef = useRef(filters)
  filtersRef.current = filters
  const fetchPage = async (page: number | undefined) => {
    const n = page ?? 1
    const input = { ...filtersRef.current, page: n, pageSize } as ActionInput<N>
    const res = (await callAction(name, input, { silent: n === 1 })) as Page<PageItem<N>>
    const shown = (n - 1) * pageSize + res.items.length
    return { items: res.items, next: shown < res.total && res.items.length > 0 ? n + 1 : null, answer: res as ActionOutput<N>, total: res.total }
  }
  const list = usePages(key, fetchPage)
  const own = useStaleOnShow([functionOf(name), ...alsoStaleOn], list.reload)
  // Loading again now answers any change marked before: the next show need not load a third time.
  const reload = () => {
    own.fresh()
    return list.reload()
  }
  useReachBottom(() => {
    if (ownsPage) void list.loadMore()
  })
  usePullDownRefresh(() => {
    if (ownsPage) void reload().finally(() => Taro.stopPullDownRefresh())
  })
  return { ...list, reload }
}
