import { Fragment, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import type { PagedState } from '../../data'
import { Button } from '../../ui/nutui'
import { LoadingState } from '../LoadingState'
import { ErrorState } from '../ErrorState'
import { EmptyState, type EmptyArt } from '../EmptyState'

export interface PagedListProps<T> {
  list: Pick<PagedState<T>, 'items' | 'loading' | 'loadingMore' | 'error' | 'hasMore' | 'loadMore' | 'reload'>
  /**
   * The list's class prefix: `<name>-list`, `<name>-footer`, `<name>-more`, `<name>-empty` — pages
   * style these and tests find them by them.
   */
  name: string
  /** What the list holds when it is empty, and when something will appear. */
  empty: { title: string; description?: string; action?: ReactNode }
  art?: EmptyArt
  loadingRows?: number
  renderItem: (item: T, index: number) => ReactNode
  /** An item's React key (default: its id). */
  itemKey?: (item: T, index: number) => string
  /** Replaces the error state for an answer the page explains itself (e.g. 无权限); null: the default. */
  errorView?: ReactNode
}

const idKey = (item: unknown, index: number): string => {
  const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined
  return typeof id === 'string' ? id : String(index)
}

/**
 * Every paged list's states in one place: loading, error (with 重试), empty (with what will appear
 * here), the items, and at the bottom 加载更多 or 已经到底了.
 */
export function PagedList<T>({ list, name, empty, art, loadingRows = 3, renderItem, itemKey = idKey, errorView = null }: PagedListProps<T>) {
  if (list.loading) return <LoadingState rows={loadingRows} />
  if (list.error) return errorView ?? <ErrorState error={list.error} onRetry={() => void list.reload()} art={art} />
  if (list.items.length === 0)
    return (
      <EmptyState className={`${name}-empty`} title={empty.title} description={empty.description} art={art}>
        {empty.action}
      </EmptyState>
    )
  return (
    <>
      <View className={`${name}-list`}>
        {list.items.map((item, i) => (
          <Fragment key={itemKey(item, i)}>{renderItem(item, i)}</Fragment>
        ))}
      </View>
      <View className={`${name}-footer`}>
        {list.hasMore ? (
          <Button className={`${name}-more`} size="small" loading={list.loadingMore} onClick={() => void list.loadMore()}>
            {list.loadingMore ? '正在加载…' : '加载更多'}
          </Button>
        ) : (
          '已经到底了'
        )}
      </View>
    </>
  )
}

export default PagedList
