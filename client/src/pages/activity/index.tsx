import { useEffect } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { ActivityDetail, ContestStanding, DepartmentView, DetailRefresh } from '@shared/contract'
import { cachedData, invalidate, setQueryData, useMutation, useQuery } from '../../data'
import { callAction } from '../../services/cloud'
import { askToSubscribe, prepareSubscribe, remindIf } from '../../services/subscribe'
import { LoadingState } from '../../components/LoadingState'
import { QueryView } from '../../components/QueryView'
import { Fact } from '../../components/Fact'
import { Button } from '../../ui/nutui'
import { ROUTES } from '../../constants/routes'
import { idParam, allocationText, audienceText, dateTimeText, enteredText, placesText, timeRangeText, withId } from '../../constants/activities'
import { canDrawNow, canEdit, signedUpToast, signUpViewOf } from './state'
import { contestBars, drawSummaryText } from './lottery'
import { takeRefresh, withRefresh } from './refresh'
import './index.scss'
import { COLORS } from '../../styles/colors'

/** 活动详情: what, when, where, for whom; the member's sign-up with its one next step; organizer entries. */
export default function ActivityPage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  /** A sign-up or a cancel answers with what changed: shown over the event as loaded, with no second call. */
  const showAnswer = (r: DetailRefresh) => {
    const loaded = cachedData('activity.get', { id })
    if (loaded) setQueryData('activity.get', { id }, withRefresh(loaded, r))
  }
  // Back from the sign-up form, which handed its answer over: shown as it is. Registered before the
  // query's own show, so the event it freshened is not loaded again; any other change is.
  useDidShow(() => {
    const handed = takeRefresh(id)
    if (handed) showAnswer(handed)
  })
  // A change elsewhere (a sign-up, an edit, an account switch): loaded again when shown.
  const detail = useQuery('activity.get', { id }, { silent: true, enabled: Boolean(id) })
  const a = detail.data
  const m = useMutation<'signUp' | 'cancel' | 'draw'>()
  const busy = m.busy !== ''

  usePullDownRefresh(() => {
    void detail.reload().finally(() => Taro.stopPullDownRefresh())
  })
  // Forwarded to a colleague or a group chat: the title and time, the cover as the picture when there is one.
  useShareAppMessage(() => ({
    title: a ? `${a.title} · ${dateTimeText(a.startAt)}` : '工会活动',
    path: withId(ROUTES.activity, id),
    ...(a?.coverUrl ? { imageUrl: a.coverUrl } : {}),
  }))

  useEffect(() => {
    if (a?.title) void Taro.setNavigationBarTitle({ title: a.title }).catch(() => undefined)
  }, [a?.title])

  // WeChat's dialog needs the template ids at hand when 报名 is tapped.
  useEffect(prepareSubscribe, [])

  /** A refused change is toasted by callAction; the page loads again to show where things stand. */
  const orReload = <T,>(call: Promise<T>): Promise<T> =>
    call.catch(async (err: unknown) => {
      await detail.reload()
      throw err
    })

  /** After 报名 or 取消: the answer is what the page shows; other pages load again when shown. */
  const answeredWith = (r: DetailRefresh | undefined) =>
    // A function older than this page answers without it: load then.
    r ? showAnswer(r) : detail.reload()

  const signUp = async (activity: ActivityDetail) => {
    if (busy) return
    if (activity.fields.length) {
      void Taro.navigateTo({ url: withId(ROUTES.activitySignup, activity.id) })
      return
    }
    // Asked in the tap itself (递补 / 抽签结果 / 活动提醒 / 变更); the sign-up goes on whatever the answer.
    const asked = askToSubscribe('signUp')
    const res = await m.run('signUp', async () => orReload(callAction('activity.signUp', { id: activity.id, answers: {}, ...remindIf(await asked) })), {
      invalidates: ['activity'],
    })
    if (!res) return
    void Taro.showToast(signedUpToast(res))
    await answeredWith(res.detail)
  }

  const cancel = async (activity: ActivityDetail) => {
    if (busy) return
    const ask = cancelWording(activity)
    const { confirm } = await Taro.showModal({
      title: ask.title,
      content: ask.content,
      confirmText: ask.title,
      cancelText: '再想想',
      confirmColor: COLORS.brand,
    })
    if (!confirm) return
    // Refused (e.g. after the cancel deadline, with the time): toasted, and the page loads again.
    const res = await m.run('cancel', () => orReload(callAction('activity.cancel', { id: activity.id })), { invalidates: ['activity'] })
    if (!res) return
    if (res.cancelled) void Taro.showToast({ title: ask.done, icon: 'none' })
    await answeredWith(res.detail)
  }

  const drawNow = async (activity: ActivityDetail) => {
    if (busy) return
    const { confirm } = await Taro.showModal({
      title: '立即抽签',
      content: `抽签后按结果确定${activity.capacity === null ? '' : ` ${activity.capacity} 个`}名额，每位报名者都会收到结果通知，抽签结果不能撤销。`,
      confirmText: '开始抽签',
      cancelText: '再想想',
      confirmColor: COLORS.brand,
    })
    if (!confirm) return
    // Refused (e.g. the draw time has not come yet): toasted; either way the page shows where things stand.
    await m.run('draw', async () => {
      const res = await orReload(callAction('activity.draw', { id: activity.id }))
      void Taro.showToast({ title: `抽签完成，${res.winners.length} 人中签`, icon: 'none' })
      invalidate('activity')
      await detail.reload()
    })
  }

  return (
    <View className="page page-activity">
      <QueryView query={detail} missing={id ? undefined : '没有找到这个活动'} rows={5} art="activities">
        {(a) => (
          <>
            {a.coverUrl ? <Image className="activity-cover" src={a.coverUrl} mode="aspectFill" /> : null}
            <View className="activity-hero">
              <View className="activity-hero__top">
                <Text className="activity-hero__type">{a.type}</Text>
                {a.allocation === 'lottery' ? <Text className="activity-hero__lottery">抽签</Text> : null}
                <Text className="activity-hero__organizer">{a.organizer}</Text>
              </View>
              <View className="activity-hero__title">{a.title}</View>
              <View className="activity-facts">
                <Fact block="activity-fact" label="时间" className="activity-fact--time" value={timeRangeText(a.startAt, a.endAt)} />
                <Fact block="activity-fact" label="地点" className="activity-fact--place" value={a.place} />
                <Fact block="activity-fact" label="名额" className="activity-fact--places" value={placesFact(a)} />
                <Fact block="activity-fact" label="名额分配" className="activity-fact--allocation" value={allocationText(a)} />
                <Fact block="activity-fact" label="报名时间" className="activity-fact--window" value={timeRangeText(a.signUpOpensAt, a.signUpClosesAt)} />
                {forDepartments(a) ? <DepartmentsAudienceFact activity={a} /> : <AudienceFact activity={a} />}
              </View>
            </View>

            <SignUpArea activity={a} busy={busy} onSignUp={() => void signUp(a)} onCancel={() => void cancel(a)} />

            {a.allocation === 'lottery' && a.drawnAt ? <DrawResultSection key={a.drawnAt} id={a.id} /> : null}

            {a.contest ? <ContestSection contest={a.contest} /> : null}

            {a.canManage ? (
              <View className="activity-manage">
                <View className="activity-manage__title">组织者工具</View>
                {canDrawNow(a) ? (
                  <View className="activity-manage__draw">
                    <View className="activity-manage__draw-note">抽签时间 {a.drawAt ? dateTimeText(a.drawAt) : ''} 已到，系统会自动抽签，也可以现在就抽。</View>
                    <Button className="activity-draw" type="primary" block loading={busy} disabled={busy} onClick={() => void drawNow(a)}>
                      立即抽签
                    </Button>
                  </View>
                ) : null}
                <View className="activity-manage__entries">
                  <View
                    className="activity-manage__entry activity-manage--attendees"
                    onClick={() => void Taro.navigateTo({ url: withId(ROUTES.organizerAttendees, a.id) })}
                  >
                    <View className="activity-manage__name">报名名单</View>
                    <View className="activity-manage__hint">
                      {a.allocation === 'lottery' && !a.drawnAt
                        ? (enteredText(a.enteredCount) ?? '报名抽签的会员')
                        : a.capacity === null
                          ? `已报名 ${a.confirmedCount} 人`
                          : `已报名 ${a.confirmedCount} / ${a.capacity} 人`}
                    </View>
                  </View>
                  <View
                    className="activity-manage__entry activity-manage--checkin"
                    onClick={() => void Taro.navigateTo({ url: withId(ROUTES.organizerCheckin, a.id) })}
                  >
                    <View className="activity-manage__name">现场签到</View>
                    <View className="activity-manage__hint">扫码或输入 6 位签到码</View>
                  </View>
                </View>
                {canEdit(a) ? (
                  <View
                    className="activity-manage__edit activity-manage--edit"
                    onClick={() => void Taro.navigateTo({ url: withId(ROUTES.organizerCreate, a.id) })}
                  >
                    <View className="activity-manage__name">修改活动</View>
                    <View className="activity-manage__hint">改时间、地点、名额等，已报名的会员会收到变更通知 ›</View>
                  </View>
                ) : null}
              </View>
            ) : null}

            {a.description ? (
              <View className="activity-section activity-description">
                <View className="activity-section__title">活动介绍</View>
                <Text className="activity-description__text" userSelect>
                  {a.description}
                </Text>
              </View>
            ) : null}

            {a.fields.length ? (
              <View className="activity-section activity-fields">
                <View className="activity-section__title">报名时需要填写</View>
                <View className="activity-fields__list">{a.fields.map((f) => `${f.label}${f.required ? '' : '（选填）'}`).join('、')}</View>
              </View>
            ) : null}
          </>
        )}
      </QueryView>
    </View>
  )
}

const forDepartments = (a: ActivityDetail): boolean => a.audience.kind === 'departments' || (a.audience.kind === 'rule' && a.audience.departmentIds.length > 0)

function AudienceFact({ activity: a, departments = [] }: { activity: ActivityDetail; departments?: readonly DepartmentView[] }) {
  const name = (d: string) => departments.find((x) => x.id === d)?.name
  return <Fact block="activity-fact" label="参加对象" className="activity-fact--audience" value={audienceText(a.audience, name, a.groupName)} />
}

/** Department names, asked for only when the event is for some departments (and kept for the session). */
function DepartmentsAudienceFact({ activity }: { activity: ActivityDetail }) {
  const departments = useQuery('member.departments', {}, { silent: true, refetchOnMount: false })
  return <AudienceFact activity={activity} departments={departments.data} />
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
  const className = `activity-action activity-action--${view.kind}`
  if (view.kind === 'blocked') {
    return (
      <View className={className}>
        <View className="activity-action__blocked">{view.reason}</View>
      </View>
    )
  }
  if (view.kind === 'open') {
    return (
      <View className={className}>
        <Button className="activity-signup" type="primary" block loading={busy} disabled={busy} onClick={onSignUp}>
          {view.label}
        </Button>
        {view.note ? <View className="activity-action__note">{view.note}</View> : null}
      </View>
    )
  }
  // Signed up, in line or in the draw: where the member stands, what comes next, and the way out while it is open.
  const ok = view.kind === 'confirmed' || view.kind === 'checked-in'
  const ended = new Date(a.endAt).getTime() <= Date.now()
  return (
    <View className={className}>
      <View
        className={`activity-action__status activity-action__status--${ok ? 'ok' : view.kind}${view.kind === 'checked-in' ? ' activity-action__status--checked-in' : ''}`}
      >
        {ok ? `✓ ${view.status}` : view.status}
      </View>
      {view.kind === 'confirmed' && !ended ? (
        <Button
          className="activity-code-entry"
          type="primary"
          block
          onClick={() => void Taro.navigateTo({ url: `${withId(ROUTES.activityCode, a.id)}&title=${encodeURIComponent(a.title)}` })}
        >
          我的签到码
        </Button>
      ) : null}
      <View className="activity-action__note">{view.note}</View>
      {view.kind !== 'checked-in' && view.canCancel ? (
        <View className="activity-action__cancel activity-cancel" onClick={onCancel}>
          {cancelWording(a).title}
        </View>
      ) : null}
    </View>
  )
}

/** 名额: places left and how many took them; before a lottery's draw, how many there are and how many entered. */
function placesFact(a: ActivityDetail): string {
  if (a.allocation === 'lottery' && !a.drawnAt) {
    const entered = enteredText(a.enteredCount)
    return entered ? `${placesText(a)} · ${entered}` : placesText(a)
  }
  if (a.capacity === null) return `不限名额 · 已报名 ${a.confirmedCount} 人`
  return `${placesText(a)} · 已报名 ${a.confirmedCount} / ${a.capacity} 人`
}

/** What 取消 is called and says for the caller's state: 取消报名, 取消排队, 放弃候补, 退出抽签. */
function cancelWording(a: ActivityDetail): { title: string; content: string; done: string } {
  if (a.myStatus === 'entered') return { title: '退出抽签', content: `确定退出「${a.title}」的抽签吗？抽签前还可以重新报名。`, done: '已退出抽签' }
  if (a.myStatus === 'waiting') {
    return a.allocation === 'lottery'
      ? { title: '放弃候补', content: `确定放弃「${a.title}」的候补吗？放弃后不能再递补。`, done: '已放弃候补' }
      : { title: '取消排队', content: `确定不再排队等「${a.title}」的名额吗？`, done: '已取消排队' }
  }
  return {
    title: '取消报名',
    content: `确定取消报名「${a.title}」吗？${a.capacity === null ? '' : '名额会让给排队的同事，'}再报名需要重新排队。`,
    done: '已取消报名',
  }
}

/** 抽签结果: who won (name and department), how many took part, and the seed anyone can check the draw with. */
function DrawResultSection({ id }: { id: string }) {
  const result = useQuery('activity.drawResult', { id }, { silent: true })
  const r = result.data
  return (
    <View className="activity-section activity-draw-result">
      <View className="activity-section__title">抽签结果</View>
      {result.loading && !r ? (
        <LoadingState rows={2} />
      ) : result.error && !r ? (
        <View className="activity-draw-result__error">
          抽签结果没有加载出来：{result.error.message}
          <Text className="activity-draw-result__retry" onClick={() => void result.reload()}>
            重试
          </Text>
        </View>
      ) : r ? (
        <>
          <View className="activity-draw-result__summary">{drawSummaryText(r)}</View>
          {r.winners.length ? (
            <View className="activity-draw-result__winners">
              {r.winners.map((w, i) => (
                <View key={`${w.name}-${i}`} className="activity-draw-winner">
                  <Text className="activity-draw-winner__name">{w.name}</Text>
                  <Text className="activity-draw-winner__department">{w.department}</Text>
                </View>
              ))}
            </View>
          ) : (
            <View className="activity-draw-result__empty">{r.entrants ? '这次没有人中签' : '这次没有人报名抽签'}</View>
          )}
          <View className="activity-draw-result__seed">
            抽签种子：<Text userSelect>{r.seed}</Text>（可用于核对抽签结果）
          </View>
        </>
      ) : null}
    </View>
  )
}

/** 结对竞赛: each team's sign-ups, with a bar against the leading team, and check-ins. */
function ContestSection({ contest }: { contest: ContestStanding }) {
  const bars = contestBars(contest)
  return (
    <View className="activity-section activity-contest">
      <View className="activity-section__title">结对竞赛</View>
      <View className="activity-contest__note">
        {contest.kind === 'department' ? '报名成功的会员按所在部门计入各队' : '报名成功的会员按所在兴趣小组计入各队'}，看哪队参与的人多。
      </View>
      <View className="activity-contest__legend">
        <Text className="activity-contest__key activity-contest__key--signed">报名</Text>
        <Text className="activity-contest__key activity-contest__key--checked">签到</Text>
      </View>
      {bars.length === 0 ? (
        <View className="activity-contest__empty">还没有参赛队伍</View>
      ) : (
        bars.map((t) => (
          <View key={t.id} className="activity-contest-team" data-team-id={t.id}>
            <View className="activity-contest-team__head">
              <Text className="activity-contest-team__name">{t.name}</Text>
              <Text className="activity-contest-team__count">
                报名 {t.signedUp} 人 · 签到 {t.checkedIn} 人
              </Text>
            </View>
            <View className="activity-contest-team__track">
              <View className="activity-contest-team__signed" style={{ width: `${t.signedPercent}%` }} />
              <View className="activity-contest-team__checked" style={{ width: `${t.checkedPercent}%` }} />
            </View>
          </View>
        ))
      )}
      {bars.length && bars.every((t) => t.signedUp === 0) ? <View className="activity-contest__empty">还没有人报名，快来为本队争光吧</View> : null}
    </View>
  )
}
