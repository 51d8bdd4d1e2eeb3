import { useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { ScrollView, Text, View } from '@tarojs/components'
import type { ActivityCard } from '@shared/contract'
import { ACTIVITY_TYPES, type ActivityType } from '@shared/domain/activity'
import { useAction } from '../../hooks/useAction'
import { usePagedAction } from '../../hooks/usePagedAction'
import { useReloadOnChange } from '../../hooks/useReloadOnChange'
import { PageHeader } from '../../components/PageHeader'
import { LoadingState } from '../../components/LoadingState'
import { ErrorState } from '../../components/ErrorState'
import { EmptyState } from '../../components/EmptyState'
import { LocalLogin } from '../../components/LocalLogin'
import { Button } from '../../ui/nutui'
import { ROUTES } from '../../constants/routes'
import { canPost, dateTimeText, isFull, myStatusText, placesText, withActivityId } from '../../constants/activities'
import './index.scss'

export type ActivityTab = 'upcoming' | 'mine' | 'past'

const TABS: ReadonlyArray<{ key: ActivityTab; text: string }> = [
  { key: 'upcoming', text: '即将开始' },
  { key: 'mine', text: '我报名的' },
  { key: 'past', text: '往期' },
]

function emptyWording(tab: ActivityTab, type: ActivityType | undefined): { title: string; description: string } {
  if (tab === 'mine') return { title: '你还没有报名活动', description: '在「即将开始」里挑一个感兴趣的活动报名吧' }
  if (type) return { title: `没有「${type}」类的${tab === 'past' ? '往期' : ''}活动`, description: '换个类型看看，或者选「全部」' }
  if (tab === 'past') return { title: '还没有往期活动', description: '活动结束后会留在这里，方便回顾' }
  return { title: '近期还没有活动', description: '工会和各小组发布活动后，会第一时间出现在这里' }
}

/** 活动 tab: 即将开始 / 我报名的 / 往期, filtered by type, 20 at a time. */
export default function ActivitiesPage() {
  const [tab, setTab] = useState<ActivityTab>('upcoming')
  const [type, setType] = useState<ActivityType>()
  const me = useAction('member.me', {}, { silent: true })
  // 我报名的 lists every event signed up for: the type filter applies to the other two.
  const filterType = tab === 'mine' ? undefined : type
  const list = usePagedAction('activity.list', { tab, type: filterType }, 20)

  const reloadAll = () => Promise.all([me.reload(), list.reload()])
  // A switch of account, a bind, or a sign-up / new event elsewhere: load again when shown.
  useReloadOnChange('me', reloadAll)
  useReloadOnChange('activities', list.reload)
  useReachBottom(() => void list.loadMore())
  usePullDownRefresh(() => {
    void reloadAll().finally(() => Taro.stopPullDownRefresh())
  })

  const empty = emptyWording(tab, filterType)
  // Not bound or not signed in: only the reason (with the way to bind), no tabs or filters.
  const denied = Boolean(me.error) || (list.error !== undefined && ['NOT_BOUND', 'UNAUTHENTICATED', 'FORBIDDEN'].includes(list.error.code))

  return (
    <View className='page page-activities'>
      <PageHeader title='活动' subtitle={me.data ? `${me.data.union.name}组织的文体活动、讲座和志愿服务` : undefined} />

      {canPost(me.data) ? (
        <View className='activities-post' onClick={() => void Taro.navigateTo({ url: ROUTES.organizerCreate })}>
          <Text className='activities-post__plus'>＋</Text>
          发布活动
        </View>
      ) : null}

      {denied ? null : (
        <>
          <View className='activities-tabs'>
            {TABS.map((t) => (
              <View key={t.key} className={`activities-tab activities-tab--${t.key}${tab === t.key ? ' activities-tab--on' : ''}`} onClick={() => setTab(t.key)}>
                {t.text}
              </View>
            ))}
          </View>
          {tab === 'mine' ? null : (
            <ScrollView className='activities-types' scrollX enhanced showScrollbar={false}>
              <View className={`activities-type${type ? '' : ' activities-type--on'}`} onClick={() => setType(undefined)}>
                全部
              </View>
              {ACTIVITY_TYPES.map((t) => (
                <View key={t} className={`activities-type${type === t ? ' activities-type--on' : ''}`} onClick={() => setType(type === t ? undefined : t)}>
                  {t}
                </View>
              ))}
            </ScrollView>
          )}
        </>
      )}

      {me.error ? (
        <ErrorState error={me.error} onRetry={() => void reloadAll()} art='activities' />
      ) : list.loading ? (
        <LoadingState rows={4} />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.reload()} art='activities' />
      ) : list.items.length === 0 ? (
        <EmptyState className={`activities-empty activities-empty--${tab}`} title={empty.title} description={empty.description} art='activities'>
          {tab === 'mine' ? (
            <Button size='small' type='primary' fill='outline' onClick={() => setTab('upcoming')}>
              看看即将开始的活动
            </Button>
          ) : null}
        </EmptyState>
      ) : (
        <>
          <View className='activities-list'>
            {list.items.map((a) => (
              <ActivityCardView key={a.id} activity={a} past={tab === 'past'} />
            ))}
          </View>
          <View className='activities-footer'>
            {list.hasMore ? (
              <Button className='activities-more' size='small' loading={list.loadingMore} onClick={() => void list.loadMore()}>
                {list.loadingMore ? '正在加载…' : `加载更多（还有 ${list.total - list.items.length} 个）`}
              </Button>
            ) : (
              '已经到底了'
            )}
          </View>
        </>
      )}
      <LocalLogin />
    </View>
  )
}

function ActivityCardView({ activity: a, past }: { activity: ActivityCard; past: boolean }) {
  const mine = myStatusText(a.myStatus)
  const ended = past || new Date(a.endAt).getTime() <= Date.now()
  return (
    <View className='activity-card' data-activity-id={a.id} onClick={() => void Taro.navigateTo({ url: withActivityId(ROUTES.activity, a.id) })}>
      <View className='activity-card__top'>
        <View className='activity-card__title'>{a.title}</View>
        <Text className='activity-card__type'>{a.type}</Text>
      </View>
      <View className='activity-card__line activity-card__time'>{dateTimeText(a.startAt)}</View>
      <View className='activity-card__line activity-card__place'>{a.place}</View>
      <View className='activity-card__meta'>
        <Text className='activity-card__organizer'>{a.organizer}</Text>
        {ended ? (
          <Text className='activity-card__places activity-card__places--ended'>已结束</Text>
        ) : (
          <Text className={`activity-card__places${isFull(a) ? ' activity-card__places--full' : ''}`}>{placesText(a)}</Text>
        )}
        {mine ? <Text className={`activity-card__mine activity-card__mine--${a.myStatus}`}>{mine}</Text> : null}
      </View>
    </View>
  )
}
