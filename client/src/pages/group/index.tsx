import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { GroupDetail, GroupRecordView } from '@shared/contract'
import { invalidate, useMutation, usePagedQuery, useQuery, useSession } from '../../data'
import { ActionError, callAction } from '../../services/cloud'
import { askToSubscribe, prepareSubscribe } from '../../services/subscribe'
import { QueryView } from '../../components/QueryView'
import { PagedList } from '../../components/PagedList'
import { PhotoThumbs } from '../../components/photos/PhotoThumbs'
import { Button } from '../../ui/nutui'
import { ROUTES } from '../../constants/routes'
import { countText, idParam, isFull, KIND_LABELS, POLICY_LABELS, withId } from '../../constants/groups'
import { joinViewOf, type JoinMove } from './join'
import { ShareContactDialog } from './ShareContactDialog'
import './index.scss'
import { calendarDayText } from '@shared/domain/time'
import { COLORS } from '../../styles/colors'

/** The roster and the 纪实 are sections of the page: 加载更多 under each, nothing said at the end. */
const SECTION_LIST = { footerClass: 'group-more', endText: () => null, loadingRows: 2 }

/** Failures after which the dialog has nothing more to offer: the page reloads to show why. */
const SETTLED = ['FULL', 'CONFLICT', 'NOT_FOUND', 'FORBIDDEN']

/**
 * 小组: who leads it and how to get in, the join button in the member's state, the roster (names
 * and departments only) and the group's 纪实. Leaders and admins also get their tools here.
 */
export default function GroupPage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  // Joins, decisions and hand-overs made elsewhere (the leader pages) show when coming back.
  const detail = useQuery('group.get', { id }, { silent: true, enabled: Boolean(id) })
  // Two lists on one page: neither takes the page's scroll; each has its own 加载更多.
  const roster = usePagedQuery('group.roster', { id }, { pageSize: 20, ownsPage: false })
  const records = usePagedQuery('group.records', { id }, { pageSize: 10, ownsPage: false })
  // Who I am, to tell the group's own leaders (who must hand over before leaving) from admins.
  const me = useSession()
  const [asking, setAsking] = useState(false)
  // WeChat's dialog needs the template ids at hand when 申请加入 is tapped.
  useEffect(prepareSubscribe, [])
  const leaving = useMutation<'leave'>()

  const reloadAll = () => Promise.all([detail.reload(), roster.reload(), records.reload()])
  usePullDownRefresh(() => {
    void reloadAll().finally(() => Taro.stopPullDownRefresh())
  })

  const g = detail.data
  const amLeader = Boolean(g && me.data && g.leaders.some((l) => l.memberId === me.data!.member.id))
  useEffect(() => {
    if (g?.name) void Taro.setNavigationBarTitle({ title: g.name })
  }, [g?.name])

  /** This page shows the change at once; the others (小组, the leader pages) load it when shown. */
  const afterChange = async () => {
    invalidate('group')
    await reloadAll()
  }

  const join = async (shareContact: boolean) => {
    // 审批结果, asked in the tap itself when a leader decides; the request does not wait for the answer.
    if (g?.joinPolicy === 'approval') void askToSubscribe('groupJoin')
    try {
      const { status } = await callAction('group.join', { id, shareContact })
      void Taro.showToast(status === 'active' ? { title: '已加入', icon: 'success' } : { title: '已提交，等待组长审核', icon: 'none' })
    } catch (err) {
      // A network failure keeps the dialog open to try again; a full group or a change closes it.
      if (!(err instanceof ActionError) || !SETTLED.includes(err.code)) throw err
      setAsking(false)
    }
    await afterChange()
  }

  const leave = async (group: GroupDetail, move: Exclude<JoinMove, 'join'>) => {
    if (leaving.busy) return
    const withdraw = move === 'withdraw'
    const { confirm } = await Taro.showModal({
      title: withdraw ? '撤回申请' : '退出小组',
      content: withdraw
        ? `确定撤回加入「${group.name}」的申请吗？`
        : `确定退出「${group.name}」吗？${group.joinPolicy === 'approval' ? '以后再加入需要重新申请。' : '以后可以随时再加入。'}`,
      confirmText: withdraw ? '撤回' : '退出',
      confirmColor: COLORS.brand,
    })
    if (!confirm) return
    // A refusal is toasted by callAction (a leader is told to hand over first).
    await leaving.run('leave', async () => {
      await callAction('group.leave', { id })
      void Taro.showToast({ title: withdraw ? '已撤回申请' : '已退出小组', icon: 'none' })
      await afterChange()
    })
  }

  return (
    <View className="page page-group">
      <QueryView query={detail} missing={id ? undefined : '没有找到这个小组'} rows={4} art="groups">
        {(g) => (
          <>
            <GroupHero group={g} amLeader={amLeader} busy={leaving.busy === 'leave'} onJoin={() => setAsking(true)} onLeave={(move) => void leave(g, move)} />
            {g.iLead ? <ManageEntries group={g} amLeader={amLeader} /> : null}

            <View className="group-section group-roster">
              <View className="group-section__title">
                成员
                {roster.loading || roster.error ? null : <Text className="group-section__count">{roster.total} 人</Text>}
              </View>
              <PagedList
                {...SECTION_LIST}
                list={roster}
                name="group-roster"
                listClass="group-list"
                unit="人"
                loadingText="正在加载成员…"
                art="groups"
                empty={{ title: '还没有成员', description: '第一个加入，和同事们一起玩起来' }}
                itemKey={(e) => e.memberId}
                renderItem={(e) => (
                  <View className="roster-row" data-member-id={e.memberId}>
                    <View className="roster-row__avatar">{e.name.slice(-2)}</View>
                    <View className="roster-row__name">{e.name}</View>
                    {e.isLeader ? <View className="group-tag group-tag--leader">组长</View> : null}
                    <View className="roster-row__department">{e.department}</View>
                  </View>
                )}
              />
            </View>

            <View className="group-section group-records">
              <View className="group-section__title">活动纪实</View>
              <PagedList
                {...SECTION_LIST}
                list={records}
                name="group-records"
                moreText="加载更多纪实"
                loadingText="正在加载纪实…"
                art="activities"
                empty={{
                  title: '还没有活动纪实',
                  description: g.iLead ? '活动结束后，点上方「记录活动」留下文字和照片' : '组长会在活动后记下文字和照片，留作纪念',
                }}
                renderItem={(r) => <RecordCard record={r} />}
              />
            </View>
            <View className="group-footer" />

            <ShareContactDialog visible={asking} groupName={g.name} joinPolicy={g.joinPolicy} onConfirm={join} onClose={() => setAsking(false)} />
          </>
        )}
      </QueryView>
    </View>
  )
}

/** One 纪实: what happened, the photos (a tap opens them in the viewer), who wrote it down. */
function RecordCard({ record: r }: { record: GroupRecordView }) {
  return (
    <View className="record-card">
      <View className="record-card__head">
        <View className="record-card__title">{r.title}</View>
        <View className="record-card__date">{calendarDayText(r.date, new Date())}</View>
      </View>
      {r.text ? <View className="record-card__text">{r.text}</View> : null}
      <PhotoThumbs urls={r.photoUrls} className="record-card__photos" photoClass="record-card__photo" />
      <View className="record-card__author">{r.author} 记录</View>
    </View>
  )
}

interface HeroProps {
  group: GroupDetail
  amLeader: boolean
  busy: boolean
  onJoin: () => void
  onLeave: (move: Exclude<JoinMove, 'join'>) => void
}

/** Name, description, the facts a member decides by, and the one button in their state. */
export function GroupHero({ group: g, amLeader, busy, onJoin, onLeave }: HeroProps) {
  const view = joinViewOf(g, amLeader)
  const leaders = g.leaders.map((l) => l.name).join('、')
  return (
    <View className="group-hero">
      <View className="group-hero__top">
        <View className="group-hero__name">{g.name}</View>
        <View className={`group-tag group-tag--${g.kind}`}>{KIND_LABELS[g.kind]}</View>
      </View>
      {g.description ? <View className="group-hero__description">{g.description}</View> : null}
      <View className="group-facts">
        <View className="group-fact group-fact--count">
          <View className="group-fact__label">成员</View>
          <View className="group-fact__value">
            {countText(g)}
            {g.kind === 'interest' && isFull(g) ? <Text className="group-tag group-tag--full">满员</Text> : null}
          </View>
        </View>
        <View className="group-fact group-fact--leaders">
          <View className="group-fact__label">组长</View>
          <View className="group-fact__value">{leaders || '暂无'}</View>
        </View>
        <View className="group-fact group-fact--policy">
          <View className="group-fact__label">加入方式</View>
          <View className="group-fact__value">{g.kind === 'department' ? '按部门自动组成' : POLICY_LABELS[g.joinPolicy]}</View>
        </View>
      </View>
      <View className="group-join">
        {view.tag ? <View className={`group-join__status group-join__status--${view.tag.tone}`}>{view.tag.text}</View> : null}
        {view.button ? (
          <Button
            className={`group-join__button group-join--${view.button.move}`}
            type={view.button.plain ? 'default' : 'primary'}
            fill={view.button.plain ? 'outline' : 'solid'}
            size="small"
            disabled={view.button.disabled || busy}
            loading={busy}
            onClick={() => (view.button!.move === 'join' ? onJoin() : onLeave(view.button!.move as Exclude<JoinMove, 'join'>))}
          >
            {view.button.text}
          </Button>
        ) : null}
      </View>
      {view.note ? <View className="group-join__note">{view.note}</View> : null}
    </View>
  )
}

/** For the group's leaders and admins: requests (with the waiting count), the full roster, 纪实. */
function ManageEntries({ group: g, amLeader }: { group: GroupDetail; amLeader: boolean }) {
  const pending = g.pendingCount ?? 0
  const entries = [
    ...(g.kind === 'interest'
      ? [{ key: 'requests', text: '入组申请', hint: pending ? `${pending} 条申请等待审核` : '暂无待审核的申请', url: ROUTES.leaderRequests, badge: pending }]
      : []),
    {
      key: 'roster',
      text: '成员管理',
      hint: g.kind === 'interest' ? '联系方式、移出成员、移交组长、导出名单' : '完整名单，导出表格',
      url: ROUTES.leaderRoster,
      badge: 0,
    },
    { key: 'record', text: '记录活动', hint: '写下活动情况，上传照片', url: ROUTES.leaderRecord, badge: 0 },
  ]
  return (
    <View className="group-manage">
      {/* Admins who do not lead the group manage it too. */}
      <View className="group-manage__title">{amLeader ? '组长工具' : '管理工具'}</View>
      {entries.map((e) => (
        <View key={e.key} className={`group-manage__entry group-manage--${e.key}`} onClick={() => void Taro.navigateTo({ url: withId(e.url, g.id) })}>
          <View className="group-manage__body">
            <View className="group-manage__text">
              {e.text}
              {e.badge ? <Text className="group-pending-badge">{e.badge > 99 ? '99+' : e.badge}</Text> : null}
            </View>
            <View className="group-manage__hint">{e.hint}</View>
          </View>
          <View className="group-manage__arrow">›</View>
        </View>
      ))}
    </View>
  )
}
