import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ActivityDetail, DepartmentView } from '@shared/contract'
import { useAction } from '../../hooks/useAction'
import { markChanged, useReloadOnChange } from '../../hooks/useReloadOnChange'
import { ActionError, callAction } from '../../services/cloud'
import { LoadingState } from '../../components/LoadingState'
import { ErrorState } from '../../components/ErrorState'
import { Button } from '../../ui/nutui'
import { ROUTES } from '../../constants/routes'
import { activityIdParam, audienceText, dateTimeText, myStatusText, placesText, timeRangeText, withActivityId } from '../../constants/activities'
import { signUpViewOf } from './state'
import './index.scss'

/** 活动详情: what, when, where, for whom; the member's sign-up with its one next step; organizer entries. */
export default function ActivityPage() {
  const { params } = useRouter()
  const id = activityIdParam(params.id)
  const detail = useAction('activity.get', { id }, { silent: true })
  const [departments, setDepartments] = useState<readonly DepartmentView[]>([])
  const [busy, setBusy] = useState(false)
  const a = detail.data

  // A sign-up on the form page, an account switch: load again when shown.
  useReloadOnChange('activities', detail.reload)
  useReloadOnChange('me', detail.reload)
  usePullDownRefresh(() => {
    void detail.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useShareAppMessage(() => ({ title: a ? `${a.title} · ${dateTimeText(a.startAt)}` : '工会活动', path: withActivityId(ROUTES.activity, id) }))

  useEffect(() => {
    if (a?.title) void Taro.setNavigationBarTitle({ title: a.title }).catch(() => undefined)
  }, [a?.title])

  // Department names only when the event is for some departments.
  const needsDepartments = a !== undefined && (a.audience.kind === 'departments' || (a.audience.kind === 'rule' && a.audience.departmentIds.length > 0))
  useEffect(() => {
    if (!needsDepartments) return
    callAction('member.departments', {}, { silent: true }).then(setDepartments, () => undefined)
  }, [needsDepartments])

  const afterChange = async () => {
    markChanged('activities')
    await detail.reload()
  }

  const signUp = async (activity: ActivityDetail) => {
    if (busy) return
    if (activity.fields.length) {
      void Taro.navigateTo({ url: withActivityId(ROUTES.activitySignup, activity.id) })
      return
    }
    setBusy(true)
    try {
      const res = await callAction('activity.signUp', { id: activity.id, answers: {} })
      void Taro.showToast(res.status === 'confirmed' ? { title: '报名成功', icon: 'success' } : { title: `已进入排队，第 ${res.waitingPosition ?? '-'} 位`, icon: 'none' })
    } catch {
      // callAction has toasted the reason; the page reloads to show where things stand.
    }
    await afterChange()
    setBusy(false)
  }

  const cancel = async (activity: ActivityDetail) => {
    if (busy) return
    const waiting = activity.myStatus === 'waiting'
    const { confirm } = await Taro.showModal({
      title: waiting ? '取消排队' : '取消报名',
      content: waiting ? `确定不再排队等「${activity.title}」的名额吗？` : `确定取消报名「${activity.title}」吗？${activity.capacity === null ? '' : '名额会让给排队的同事，'}再报名需要重新排队。`,
      confirmText: waiting ? '取消排队' : '取消报名',
      cancelText: '再想想',
      confirmColor: '#c8161d',
    })
    if (!confirm) return
    setBusy(true)
    try {
      const res = await callAction('activity.cancel', { id: activity.id })
      if (res.cancelled) void Taro.showToast({ title: waiting ? '已取消排队' : '已取消报名', icon: 'none' })
    } catch {
      // Toasted (e.g. after the cancel deadline, with the time).
    }
    await afterChange()
    setBusy(false)
  }

  if (!id) {
    return (
      <View className='page page-activity'>
        <ErrorState error={new ActionError('NOT_FOUND', '没有找到这个活动')} art='activities' />
      </View>
    )
  }

  return (
    <View className='page page-activity'>
      {detail.loading && !a ? (
        <LoadingState rows={5} />
      ) : detail.error && !a ? (
        <ErrorState error={detail.error} onRetry={() => void detail.reload()} art='activities' />
      ) : a ? (
        <>
          <View className='activity-hero'>
            <View className='activity-hero__top'>
              <Text className='activity-hero__type'>{a.type}</Text>
              <Text className='activity-hero__organizer'>{a.organizer}</Text>
            </View>
            <View className='activity-hero__title'>{a.title}</View>
            <View className='activity-facts'>
              <Fact label='时间' className='activity-fact--time' value={timeRangeText(a.startAt, a.endAt)} />
              <Fact label='地点' className='activity-fact--place' value={a.place} />
              <Fact
                label='名额'
                className='activity-fact--places'
                value={a.capacity === null ? `不限名额 · 已报名 ${a.confirmedCount} 人` : `${placesText(a)} · 已报名 ${a.confirmedCount} / ${a.capacity} 人`}
              />
              <Fact label='报名时间' className='activity-fact--window' value={`${dateTimeText(a.signUpOpensAt)} 至 ${dateTimeText(a.signUpClosesAt)}`} />
              <Fact label='参加对象' className='activity-fact--audience' value={audienceText(a.audience, (d) => departments.find((x) => x.id === d)?.name)} />
            </View>
          </View>

          <SignUpArea activity={a} busy={busy} onSignUp={() => void signUp(a)} onCancel={() => void cancel(a)} />

          {a.canManage ? (
            <View className='activity-manage'>
              <View className='activity-manage__title'>组织者工具</View>
              <View className='activity-manage__entries'>
                <View className='activity-manage__entry activity-manage--attendees' onClick={() => void Taro.navigateTo({ url: withActivityId(ROUTES.organizerAttendees, a.id) })}>
                  <View className='activity-manage__name'>报名名单</View>
                  <View className='activity-manage__hint'>{a.capacity === null ? `已报名 ${a.confirmedCount} 人` : `已报名 ${a.confirmedCount} / ${a.capacity} 人`}</View>
                </View>
                <View className='activity-manage__entry activity-manage--checkin' onClick={() => void Taro.navigateTo({ url: withActivityId(ROUTES.organizerCheckin, a.id) })}>
                  <View className='activity-manage__name'>现场签到</View>
                  <View className='activity-manage__hint'>扫码或输入 6 位签到码</View>
                </View>
              </View>
            </View>
          ) : null}

          {a.description ? (
            <View className='activity-section activity-description'>
              <View className='activity-section__title'>活动介绍</View>
              <Text className='activity-description__text' userSelect>
                {a.description}
              </Text>
            </View>
          ) : null}

          {a.fields.length ? (
            <View className='activity-section activity-fields'>
              <View className='activity-section__title'>报名时需要填写</View>
              <View className='activity-fields__list'>{a.fields.map((f) => `${f.label}${f.required ? '' : '（选填）'}`).join('、')}</View>
            </View>
          ) : null}
        </>
      ) : null}
    </View>
  )
}

function Fact({ label, value, className }: { label: string; value: string; className: string }) {
  return (
    <View className={`activity-fact ${className}`}>
      <View className='activity-fact__label'>{label}</View>
      <View className='activity-fact__value'>{value}</View>
    </View>
  )
}

interface SignUpAreaProps {
  activity: ActivityDetail
  busy: boolean
  onSignUp: () => void
  onCancel: () => void
}

/** The member's own state and the one next step: 报名, or 已报名 with the code, or 排队第 N 位, or why not. */
function SignUpArea({ activity: a, busy, onSignUp, onCancel }: SignUpAreaProps) {
  const view = signUpViewOf(a)
  const ended = new Date(a.endAt).getTime() <= Date.now()
  return (
    <View className={`activity-action activity-action--${view.kind}`}>
      {view.kind === 'confirmed' ? (
        <>
          <View className='activity-action__status activity-action__status--ok'>✓ 已报名</View>
          {ended ? null : (
            <Button
              className='activity-code-entry'
              type='primary'
              block
              onClick={() => void Taro.navigateTo({ url: `${withActivityId(ROUTES.activityCode, a.id)}&title=${encodeURIComponent(a.title)}` })}
            >
              我的签到码
            </Button>
          )}
          <View className='activity-action__note'>{view.note}</View>
          {view.canCancel ? (
            <View className='activity-action__cancel activity-cancel' onClick={onCancel}>
              取消报名
            </View>
          ) : null}
        </>
      ) : view.kind === 'waiting' ? (
        <>
          <View className='activity-action__status activity-action__status--waiting'>{myStatusText('waiting', view.position)}</View>
          <View className='activity-action__note'>{view.note}</View>
          {view.canCancel ? (
            <View className='activity-action__cancel activity-cancel' onClick={onCancel}>
              取消排队
            </View>
          ) : null}
        </>
      ) : view.kind === 'blocked' ? (
        <View className='activity-action__blocked'>{view.reason}</View>
      ) : (
        <>
          <Button className='activity-signup' type='primary' block loading={busy} disabled={busy} onClick={onSignUp}>
            {view.label}
          </Button>
          {view.note ? <View className='activity-action__note'>{view.note}</View> : null}
        </>
      )}
    </View>
  )
}
