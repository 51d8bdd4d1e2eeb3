import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { MessageView } from '@shared/contract'
import { PagedList } from '../../../components/PagedList'
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
      <PagedList
        // Starting over (pull-down, after 全部已读) keeps the messages on screen until the answer is in.
        list={{ ...list, loading: list.loading && !list.items.length }}
        name="messages"
        loadingRows={4}
        art="me"
        empty={{ title: '还没有消息', description: '报名结果、候补递补、活动变更、福利到账和帮扶进展，都会在这里通知您' }}
        endText={() => '到底了'}
        header={
          <View className="messages-bar">
            <Text className="messages-bar__count">{list.unread > 0 ? `${list.unread} 条未读` : '全部已读'}</Text>
            {list.unread > 0 ? (
              <Button className="messages-read-all" type="primary" size="small" fill="outline" onClick={() => void list.readAll()}>
                全部已读
              </Button>
            ) : null}
          </View>
        }
        renderItem={(m) => <MessageRow m={m} onOpen={() => open(m)} />}
      />
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
