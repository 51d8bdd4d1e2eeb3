import { Fragment, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import type { PagedState } from '../../data'
import { Button } from '../../ui/nutui'
import { LoadingState } from '../LoadingState'
import { ErrorState } from '../ErrorState'
import { EmptyState, type EmptyArt } from '../EmptyState'

export interface PagedListProps<T> {
  list: Pick<PagedState<T>, 'items' | 'loading' | 'loadingMore' | 'error' | 'hasMore' | 'loadMore' | 'reload'> & { total?: number }
  /**
   * The list's class prefix: `<name>-list`, `<name>-footer`, `<name>-more`, `<name>-empty` — pages
   * style these and tests find them by them.
   */
  name: string
  /** What the list holds when it is empty, and when something will appear (className: instead of `<name>-empty`). */
  empty: { title: string; description?: string; action?: ReactNode; className?: string }
  art?: EmptyArt
  loadingRows?: number
  /** What the loading state says (default 正在加载…). */
  loadingText?: string
  renderItem: (item: T, index: number) => ReactNode
  /** An item's React key (default: its id). */
  itemKey?: (item: T, index: number) => string
  /** Replaces the error state for an answer the page explains itself (e.g. 无权限); null: the default. */
  errorView?: ReactNode
  /** The footer's class where a page styles it with its other footers (default `<name>-footer`). */
  footerClass?: string
  /** The list's class where a page styles it with its other lists (default `<name>-list`). */
  listClass?: string
  /** What the items are counted in: 加载更多 then says how many are left (加载更多（还有 5 人）); needs list.total. */
  unit?: string
  /** The footer at the end instead of 已经到底了, from the total (共 12 笔); null: no footer at the end. */
  endText?: (total: number) => string | null
  /** 加载更多's own words where the page says what comes (加载更多纪实). */
  moreText?: string
  /** Shown above the items, only when there are some (消息's unread count and 全部已读). */
  header?: ReactNode
}

const idKey = (item: unknown, index: number): string => {
  const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined
  return typeof id === 'string' ? id : String(index)
}

/**
 * Every paged list's states in one place: loading, error (with 重试), empty (with what will appear
 * here), the items, and at the bottom 加载更多 or 已经到底了.
 */
export function PagedList<T>(props: PagedListProps<T>) {
  const { list, name, empty, art, loadingRows = 3, renderItem, itemKey = idKey, errorView = null, footerClass = `${name}-footer`, unit, endText } = props
  const { listClass = `${name}-list`, loadingText, moreText = '加载更多', header = null } = props
  if (list.loading) return <LoadingState rows={loadingRows} text={loadingText} />
  if (list.error) return errorView ?? <ErrorState error={list.error} onRetry={() => void list.reload()} art={art} />
  if (list.items.length === 0)
    return (
      <EmptyState className={empty.className ?? `${name}-empty`} title={empty.title} description={empty.description} art={art}>
        {empty.action}
      </EmptyState>
    )
  const end = list.hasMore ? null : endText ? endText(list.total ?? list.items.length) : '已经到底了'
  return (
    <>
      {header}
      <View className={listClass}>
        {list.items.map((item, i) => (
          <Fragment key={itemKey(item, i)}>{renderItem(item, i)}</Fragment>
        ))}
      </View>
      {list.hasMore ? (
        <View className={footerClass}>
          <Button className={`${name}-more`} size="small" loading={list.loadingMore} onClick={() => void list.loadMore()}>
            {list.loadingMore ? '正在加载…' : unit ? `${moreText}（还有 ${(list.total ?? 0) - list.items.length} ${unit}）` : moreText}
          </Button>
        </View>
      ) : end === null ? null : (
        <View className={footerClass}>{end}</View>
      )}
    </>
  )
}

export default PagedList
