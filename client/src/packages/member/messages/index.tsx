import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { MessageView } from '@shared/contract'
import { useReloadOnChange } from '../../../hooks/useReloadOnChange'
import { LoadingState } from '../../../components/LoadingState'
import { ErrorState } from '../../../components/ErrorState'
import { EmptyState } from '../../../components/EmptyState'
import { Button } from '../../../ui/nutui'
import { openHint, openingOf } from './target'
import { useMessages } from './useMessages'
import './index.scss'

/**
 * 消息: every notice the union sent the member, newest first, unread marked. A tap marks it read and
 * opens what it is about (or says it is gone); 全部已读 clears the badge.
 */
export default function MessagesPage() {
  const list = useMessages()

  useReloadOnChange('me', list.reload)
  useReachBottom(() => void list.loadMore())
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const open = (m: MessageView) => {
    const opening = openingOf(m)
    // Marked read alongside: opening never waits for it.
    void list.read(m)
    if (opening.kind === 'navigate') void Taro.navigateTo({ url: opening.url })
    else if (opening.kind === 'tab') void Taro.switchTab({ url: opening.url })
    else if (opening.kind === 'gone') void Taro.showToast({ title: opening.text, icon: 'none' })
  }

  return (
    <View className="page page-messages">
      {process.env.TARO_ENV === 'h5' && LOCAL_MODE ? (
        <View className="messages-local-note">本地演示：微信提醒只在微信小程序里推送，全部通知都在这里。</View>
      ) : null}
      {list.loading && !list.items.length ? (
        <LoadingState rows={4} />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.reload()} art="me" />
      ) : list.items.length === 0 ? (
        <EmptyState className="messages-empty" title="还没有消息" description="报名结果、候补递补、活动变更、福利到账和帮扶进展，都会在这里通知您" art="me" />
      ) : (
        <>
          <View className="messages-bar">
            <Text className="messages-bar__count">{list.unread > 0 ? `${list.unread} 条未读` : '全部已读'}</Text>
            {list.unread > 0 ? (
              <Button className="messages-read-all" type="primary" size="small" fill="outline" onClick={() => void list.readAll()}>
                全部已读
              </Button>
            ) : null}
          </View>
          <View className="messages-list">
            {list.items.map((m) => (
              <MessageRow key={m.id} m={m} onOpen={() => open(m)} />
            ))}
          </View>
          <View className="messages-footer">
            {list.hasMore ? (
              <Button className="messages-more" size="small" loading={list.loadingMore} onClick={() => void list.loadMore()}>
                {list.loadingMore ? '正在加载…' : '加载更多'}
              </Button>
            ) : (
              '到底了'
            )}
          </View>
        </>
      )}
    </View>
  )
}

function MessageRow({ m, onOpen }: { m: MessageView; onOpen: () => void }) {
  const hint = openHint(m)
  const gone = m.targetExists === false
  return (
    <View className={`message ${m.read ? 'message--read' : 'message--unread'}`} data-id={m.id} onClick={onOpen}>
      <View className="message__top">
        <Text className="message__kind">{m.kindLabel}</Text>
        {m.read ? null : <Text className="message__dot" aria-label="未读" />}
        <Text className="message__at">{m.at}</Text>
      </View>
      <View className="message__title">{m.title}</View>
      {m.body ? <View className="message__body">{m.body}</View> : null}
      {hint ? <View className={`message__hint${gone ? ' message__hint--gone' : ''}`}>{gone ? hint : `${hint} ›`}</View> : null}
    </View>
  )
}
