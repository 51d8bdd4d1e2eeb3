import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Image, ScrollView, Text, View } from '@tarojs/components'
import type { ActivityCard, GroupCard } from '@shared/contract'
import { ACTIVITY_TYPES, type ActivityType } from '@shared/domain/activity'
import { usePagedQuery, useQuery, useSession } from '../../data'
import { useTabBadges } from '../../hooks/useTabBadges'
import { PageHeader } from '../../components/PageHeader'
import { ErrorState } from '../../components/ErrorState'
import { PagedList } from '../../components/PagedList'
import { LocalLogin } from '../../components/LocalLogin'
import { Button } from '../../ui/nutui'
import { ROUTES } from '../../constants/routes'
import { canPost, dateTimeText, isDrawnLottery, isFull, lotteryBadgeText, myStatusText, placesText, withId } from '../../constants/activities'
import { takeMyActivitiesWish } from './open-mine'
import './index.scss'

export type ActivityTab = 'upcoming' | 'mine' | 'past'

const TABS: ReadonlyArray<{ key: ActivityTab; text: string }> = [
  { key: 'upcoming', text: '即将开始' },
  { key: 'mine', text: '我报名的' },
  { key: 'past', text: '往期' },
]

/** The empty state for a tab and the filters in use. */
function emptyWording(tab: ActivityTab, type: ActivityType | undefined, group: string | undefined): { title: string; description: string } {
  const filtered = Boolean(type || group)
  const what = `${group ? `「${group}」小组` : ''}${type ? `「${type}」类` : ''}`
  if (tab === 'mine') {
    if (filtered) return { title: `没有报名过${what}的活动`, description: '换个条件看看，或者选「全部」' }
    return { title: '你还没有报名活动', description: '在「即将开始」里挑一个感兴趣的活动报名吧' }
  }
  if (filtered) return { title: `没有${what}的${tab === 'past' ? '往期' : ''}活动`, description: '换个条件看看，或者选「全部」' }
  if (tab === 'past') return { title: '还没有往期活动', description: '活动结束后会留在这里，方便回顾' }
  return { title: '近期还没有活动', description: '工会和各小组发布活动后，会第一时间出现在这里' }
}

/** 活动 tab: 即将开始 / 我报名的 / 往期, filtered by type and by interest group, 20 at a time. */
export default function ActivitiesPage() {
  // 我的 → 我的活动 lands on 我报名的 (the first time it mounts the page, or when it shows it again).
  const [tab, setTab] = useState<ActivityTab>(() => (takeMyActivitiesWish() ? 'mine' : 'upcoming'))
  const [type, setType] = useState<ActivityType>()
  const [groupId, setGroupId] = useState<string>()
  const me = useSession()
  // Interest groups to filter by (department groups post as 工会小组, not listed here).
  const groups = useQuery('group.list', {}, { silent: true })
  const interestGroups: GroupCard[] = groups.data ? [...groups.data.mine, ...groups.data.others].filter((g) => g.kind === 'interest') : []
  // Reaching the bottom pages on, pulling down starts over; a sign-up or a new event elsewhere: again when shown.
  const list = usePagedQuery('activity.list', { tab, ...(type ? { type } : {}), ...(groupId ? { groupId } : {}) }, { pageSize: 20 })
  const groupName = interestGroups.find((g) => g.id === groupId)?.name

  const reloadAll = () => Promise.all([me.reload(), list.reload(), groups.reload()])
  useDidShow(() => {
    if (takeMyActivitiesWish()) setTab('mine')
  })
  // The session's counts keep the 小组 and 我的 badges current at no extra call.
  useTabBadges(me.data)
  // The list starts over by itself; pulling down also asks the session and the groups again.
  usePullDownRefresh(() => {
    void Promise.all([me.reload(), groups.reload()]).finally(() => Taro.stopPullDownRefresh())
  })

  const empty = emptyWording(tab, type, groupName)
  // Not bound or not signed in: only the reason (with the way to bind), no tabs or filters.
  const denied = Boolean(me.error) || (list.error !== undefined && ['NOT_BOUND', 'UNAUTHENTICATED', 'FORBIDDEN'].includes(list.error.code))

  return (
    <View className="page page-activities">
      <PageHeader title="活动" subtitle={me.data ? `${me.data.union.name}组织的文体活动、讲座和志愿服务` : undefined} />

      {canPost(me.data) ? (
        <View className="activities-post" onClick={() => void Taro.navigateTo({ url: ROUTES.organizerCreate })}>
          <Text className="activities-post__plus">＋</Text>
          发布活动
        </View>
      ) : null}

      {denied ? null : (
        <>
          <View className="activities-tabs">
            {TABS.map((t) => (
              <View
                key={t.key}
                className={`activities-tab activities-tab--${t.key}${tab === t.key ? ' activities-tab--on' : ''}`}
                onClick={() => setTab(t.key)}
              >
                {t.text}
              </View>
            ))}
          </View>
          <ScrollView className="activities-types" scrollX enhanced showScrollbar={false}>
            <View className={`activities-type${type ? '' : ' activities-type--on'}`} onClick={() => setType(undefined)}>
              全部
            </View>
            {ACTIVITY_TYPES.map((t) => (
              <View key={t} className={`activities-type${type === t ? ' activities-type--on' : ''}`} onClick={() => setType(type === t ? undefined : t)}>
                {t}
              </View>
            ))}
          </ScrollView>
          {interestGroups.length ? (
            <ScrollView className="activities-groups" scrollX enhanced showScrollbar={false}>
              <Text className="activities-groups__label">兴趣小组</Text>
              <View className={`activities-group${groupId ? '' : ' activities-group--on'}`} onClick={() => setGroupId(undefined)}>
                不限
              </View>
              {interestGroups.map((g) => (
                <View
                  key={g.id}
                  className={`activities-group${groupId === g.id ? ' activities-group--on' : ''}`}
                  data-group-id={g.id}
                  onClick={() => setGroupId(groupId === g.id ? undefined : g.id)}
                >
                  {g.name}
                </View>
              ))}
            </ScrollView>
          ) : null}
        </>
      )}

      {me.error ? (
        <ErrorState error={me.error} onRetry={() => void reloadAll()} art="activities" />
      ) : (
        <PagedList
          list={list}
          name="activities"
          art="activities"
          loadingRows={4}
          unit="个"
          empty={{
            ...empty,
            className: `activities-empty activities-empty--${tab}`,
            action:
              type || groupId ? (
                <Button
                  size="small"
                  type="primary"
                  fill="outline"
                  onClick={() => {
                    setType(undefined)
                    setGroupId(undefined)
                  }}
                >
                  看全部活动
                </Button>
              ) : tab === 'mine' ? (
                <Button size="small" type="primary" fill="outline" onClick={() => setTab('upcoming')}>
                  看看即将开始的活动
                </Button>
              ) : null,
          }}
          renderItem={(a) => <ActivityCardView activity={a} past={tab === 'past'} />}
        />
      )}
      <LocalLogin />
    </View>
  )
}

function ActivityCardView({ activity: a, past }: { activity: ActivityCard; past: boolean }) {
  const mine = myStatusText(a.myStatus, null, isDrawnLottery(a))
  const ended = past || new Date(a.endAt).getTime() <= Date.now()
  const lottery = lotteryBadgeText(a)
  return (
    <View
      className={`activity-card${a.coverUrl ? ' activity-card--cover' : ''}`}
      data-activity-id={a.id}
      onClick={() => void Taro.navigateTo({ url: withId(ROUTES.activity, a.id) })}
    >
      {a.coverUrl ? <Image className="activity-card__cover" src={a.coverUrl} mode="aspectFill" lazyLoad /> : null}
      <View className="activity-card__body">
        <View className="activity-card__top">
          <View className="activity-card__title">{a.title}</View>
          <Text className="activity-card__type">{a.type}</Text>
        </View>
        <View className="activity-card__line activity-card__time">{dateTimeText(a.startAt)}</View>
        <View className="activity-card__line activity-card__place">{a.place}</View>
        {lottery && !ended ? (
          <View className="activity-card__line activity-card__lottery">
            <Text className="activity-card__lottery-tag">抽签</Text>
            {lottery}
          </View>
        ) : null}
        <View className="activity-card__meta">
          <Text className="activity-card__organizer">{a.organizer}</Text>
          {ended ? (
            <Text className="activity-card__places activity-card__places--ended">已结束</Text>
          ) : (
            <Text className={`activity-card__places${isFull(a) ? ' activity-card__places--full' : ''}`}>{placesText(a)}</Text>
          )}
          {mine ? <Text className={`activity-card__mine activity-card__mine--${a.myStatus}`}>{mine}</Text> : null}
        </View>
      </View>
    </View>
  )
}
