import { useEffect, type ReactNode } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { HomeView } from '@shared/contract'
import { setQueryData, useQuery, useStaleOnShow } from '../../data'
import { badgeText, useTabBadges, useUnreadMessages } from '../../hooks/useTabBadges'
import { PageHeader } from '../../components/PageHeader'
import { QueryView } from '../../components/QueryView'
import { LocalLogin } from '../../components/LocalLogin'
import { RequestStatus } from '../../components/RequestStatus'
import { ROUTES, withId } from '../../constants/routes'
import { dateTimeText } from '../../constants/activities'
import { openMyActivities } from '../activities/open-mine'
import { activityLine, activityStatusText, isExpiringSoon, requestWho, voucherLine } from './sections'
import './index.scss'

/** 首页: what needs me — unread messages, my coming events, gifts and vouchers, my requests — from one call. */
export default function HomePage() {
  // Errors are shown on the page itself, so no toast.
  const home = useQuery('member.home', {}, { silent: true })

  // The digest shows events, gifts and requests: a sign-up, a gift chosen or a request elsewhere makes it
  // stale too (a bind or a switch of account marks everything stale).
  useStaleOnShow(['activity', 'benefit', 'hardship'], home.reload)
  // member.home carries member.me's counts: the 小组 and 我的 tab badges at no call of their own.
  useTabBadges(home.data?.me)
  // …and member.me itself: the other tabs read the session from it instead of asking again.
  const me = home.data?.me
  useEffect(() => {
    if (me) setQueryData('member.me', {}, me)
  }, [me])

  usePullDownRefresh(() => {
    void home.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const h = home.data
  return (
    <View className="page page-home">
      <PageHeader title="职工之家" subtitle={h ? h.me.union.name : '工会就在身边'} />
      <QueryView query={home}>
        {(h) => (
          <>
            <View className="home-card home-greeting">
              <View className="home-greeting__hello">你好，{h.me.member.name}</View>
              <View className="home-greeting__meta">
                {h.me.member.department} · {h.me.union.name}
              </View>
            </View>
            <MessagesSection home={h} />
            <ActivitiesSection home={h} />
            <BenefitsSection home={h} />
            <RequestsSection home={h} />
            {/* 帮扶 / 慰问: one request, progress at any time (一次申报，随时查看进展). */}
            <View className="home-care" onClick={() => void Taro.navigateTo({ url: ROUTES.hardship })}>
              <View className="home-care__icon">帮</View>
              <View className="home-care__body">
                <View className="home-care__text">申请帮扶 / 慰问</View>
                <View className="home-care__hint">生病住院、家庭困难、婚育退休，一次申报随时查进展</View>
              </View>
              <View className="home-care__arrow">›</View>
            </View>
            <View className="home-link home-funds-public" onClick={() => void Taro.navigateTo({ url: ROUTES.fundsPublic })}>
              <View className="home-link__text">经费公开栏</View>
              <View className="home-link__hint">工会经费支出按季度公开，接受会员监督</View>
              <View className="home-link__arrow">›</View>
            </View>
          </>
        )}
      </QueryView>
      <LocalLogin />
    </View>
  )
}

interface SectionProps {
  name: string
  title: ReactNode
  onMore: () => void
  rows: ReactNode[]
  /** A sentence where the section has nothing, never a blank. */
  empty: string
}

function Section({ name, title, onMore, rows, empty }: SectionProps) {
  return (
    <View className={`home-section home-section--${name}`}>
      <View className="home-section__head" onClick={onMore}>
        <View className="home-section__title">{title}</View>
        <View className="home-section__more">全部 ›</View>
      </View>
      {rows.length ? rows : <View className="home-empty">{empty}</View>}
    </View>
  )
}

interface RowProps {
  className: string
  title: ReactNode
  line: string
  /** Where the thing stands, at the right. */
  tag?: ReactNode
  onClick: () => void
}

function Row({ className, title, line, tag = null, onClick }: RowProps) {
  return (
    <View className={`home-row ${className}`} onClick={onClick}>
      <View className="home-row__main">
        <View className="home-row__title">{title}</View>
        <View className="home-row__line">{line}</View>
      </View>
      {tag}
    </View>
  )
}

function MessagesSection({ home }: { home: HomeView }) {
  // 消息 may have lowered the count since this page loaded.
  const unread = useUnreadMessages() ?? home.me.badges.unreadMessages
  const open = () => void Taro.navigateTo({ url: ROUTES.messages })
  const shown = unread > 0 ? home.messages : []
  return (
    <Section
      name="messages"
      title={<>消息{unread > 0 ? <Text className="home-badge">{badgeText(unread)}</Text> : null}</>}
      onMore={open}
      empty="没有未读消息，报名结果、福利到账和办理进展都会在「消息」里通知您。"
      rows={shown.map((m) => (
        <Row
          key={m.id}
          className="home-message"
          title={
            <>
              <Text className="home-chip">{m.kindLabel}</Text>
              {m.title}
            </>
          }
          line={dateTimeText(m.createdAt)}
          onClick={open}
        />
      ))}
    />
  )
}

function ActivitiesSection({ home }: { home: HomeView }) {
  return (
    <Section
      name="activities"
      title="我的活动"
      onMore={openMyActivities}
      empty="近期没有报名的活动，去「活动」里看看有什么新活动吧。"
      rows={home.activities.map((a) => (
        <Row
          key={a.id}
          className="home-activity"
          title={a.title}
          line={activityLine(a)}
          tag={<Text className={`home-tag home-tag--${a.myStatus}`}>{activityStatusText(a)}</Text>}
          onClick={() => void Taro.navigateTo({ url: withId(ROUTES.activity, a.id) })}
        />
      ))}
    />
  )
}

function BenefitsSection({ home }: { home: HomeView }) {
  const open = () => void Taro.switchTab({ url: ROUTES.benefits })
  return (
    <Section
      name="benefits"
      title="我的福利"
      onMore={open}
      empty="没有待选的礼品或可用的福利券，工会发放后会出现在这里。"
      rows={[...home.gifts, ...home.vouchers].map((v) => {
        const soon = isExpiringSoon(v)
        return (
          <Row
            key={v.id}
            className={`home-voucher home-voucher--${v.state}`}
            title={v.name}
            line={voucherLine(v)}
            tag={
              <Text className={`home-tag home-tag--${v.state === 'choose' ? 'choose' : soon ? 'expiring' : 'ready'}`}>
                {v.state === 'choose' ? '待选礼品' : soon ? '即将到期' : '可使用'}
              </Text>
            }
            onClick={open}
          />
        )
      })}
    />
  )
}

function RequestsSection({ home }: { home: HomeView }) {
  return (
    <Section
      name="requests"
      title="我的申请"
      onMore={() => void Taro.navigateTo({ url: ROUTES.hardship })}
      empty="没有正在办理的帮扶慰问申请，需要时点下面的「申请帮扶 / 慰问」。"
      rows={home.requests.map((r) => (
        <Row
          key={r.id}
          className="home-request"
          title={r.categoryName}
          line={`${requestWho(r)} · ${dateTimeText(r.updatedAt)} 更新`}
          tag={<RequestStatus status={r.status} />}
          onClick={() => void Taro.navigateTo({ url: withId(ROUTES.hardshipDetail, r.id) })}
        />
      ))}
    />
  )
}
