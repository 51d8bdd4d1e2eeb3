import { useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { RosterEntry } from '@shared/contract'
import { useAction } from '../../../hooks/useAction'
import { usePagedAction } from '../../../hooks/usePagedAction'
import { markChanged } from '../../../hooks/useReloadOnChange'
import { ActionError, callAction } from '../../../services/cloud'
import { openSpreadsheet } from '../../../services/documents'
import { PageHeader } from '../../../components/PageHeader'
import { LoadingState } from '../../../components/LoadingState'
import { ErrorState } from '../../../components/ErrorState'
import { EmptyState } from '../../../components/EmptyState'
import { Button } from '../../../ui/nutui'
import { ROUTES } from '../../../constants/routes'
import { idParam, withId } from '../../../constants/groups'
import { ReasonDialog } from '../shared/ReasonDialog'
import '../shared/leader.scss'
import './index.scss'
import { calendarDayText } from '@shared/domain/time'

const denied = (e: ActionError | undefined) => e !== undefined && ['FORBIDDEN', 'NOT_BOUND', 'UNAUTHENTICATED', 'NOT_FOUND'].includes(e.code)

/**
 * 成员管理 (leaders and admins): the whole roster with the phones members agreed to share,
 * 移出 with a reason, 移交组长 (the group's own leaders only), and 导出名单 as a spreadsheet.
 */
export default function LeaderRosterPage() {
  const id = idParam(useRouter().params.id)
  const group = useAction('group.get', { id }, { silent: true })
  const me = useAction('member.me', {}, { silent: true })
  const list = usePagedAction('group.roster', { id }, 50)
  const [removing, setRemoving] = useState<RosterEntry | null>(null)
  const [busy, setBusy] = useState<'' | 'export' | 'handOver'>('')

  useReachBottom(() => void list.loadMore())
  usePullDownRefresh(() => {
    void Promise.all([list.reload(), group.reload()]).finally(() => Taro.stopPullDownRefresh())
  })

  const g = group.data
  const interest = g?.kind === 'interest'
  // Admins manage too, but only the group's own leaders can pass the group on.
  const amLeader = Boolean(g && me.data && g.leaders.some((l) => l.memberId === me.data!.member.id))

  const settle = async () => {
    markChanged('groups')
    await Promise.all([list.reload(), group.reload()])
  }

  const remove = async (e: RosterEntry, reason: string) => {
    try {
      const { removed } = await callAction('group.remove', { id, memberId: e.memberId, ...(reason ? { reason } : {}) })
      void Taro.showToast({ title: removed ? `已移出${e.name}` : `${e.name}已不在小组中`, icon: 'none' })
    } catch (err) {
      if (!(err instanceof ActionError) || err.code === 'NETWORK') throw err
    }
    await settle()
  }

  const handOver = async (e: RosterEntry) => {
    if (busy || !g) return
    const { confirm } = await Taro.showModal({
      title: '移交组长',
      content: `确定把「${g.name}」的组长移交给${e.name}吗？移交后你不再是组长，不能再审核申请、管理成员。`,
      confirmText: '移交',
      confirmColor: '#c8161d',
    })
    if (!confirm) return
    setBusy('handOver')
    try {
      await callAction('group.handOver', { id, toMemberId: e.memberId })
      void Taro.showToast({ title: `已移交给${e.name}`, icon: 'none' })
      markChanged('groups', 'me')
      // No longer a leader here: back to the group page.
      await Taro.navigateBack().catch(() => Taro.redirectTo({ url: withId(ROUTES.group, id) }))
    } catch {
      // toasted by callAction
    } finally {
      setBusy('')
    }
  }

  const exportAll = async () => {
    if (busy) return
    setBusy('export')
    try {
      const { url, count } = await callAction('group.exportRoster', { id })
      if (!count) void Taro.showToast({ title: '小组里还没有成员可以导出', icon: 'none' })
      else await openSpreadsheet(url)
    } catch {
      // toasted by callAction
    } finally {
      setBusy('')
    }
  }

  const call = (phone: string) => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)

  return (
    <View className="page page-leader-roster">
      <PageHeader title="成员管理" subtitle={g ? `${g.name}${list.loading || list.error ? '' : ` · ${list.total} 人`}` : undefined} />
      {denied(list.error) ? null : (
        <>
          <View className="leader-intro">
            {interest ? '手机号只显示成员加入时同意公开的，仅组长和工会管理员可见，请只用于小组活动联系。' : '工会小组按部门自动组成，成员随会员名册变化。'}
          </View>
          <View className="roster-actions">
            <Button
              className="roster-export"
              type="primary"
              fill="outline"
              size="small"
              loading={busy === 'export'}
              disabled={!list.total}
              onClick={() => void exportAll()}
            >
              导出名单
            </Button>
          </View>
        </>
      )}
      {list.loading ? (
        <LoadingState rows={4} />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.reload()} art="groups" />
      ) : list.items.length === 0 ? (
        <EmptyState className="roster-empty" title="小组里还没有成员" description="会员加入后会出现在这里" art="groups" />
      ) : (
        <>
          <View className="leader-list">
            {list.items.map((e) => (
              <View key={e.memberId} className="leader-row roster-entry" data-member-id={e.memberId}>
                <View className="leader-row__main">
                  <View className="leader-row__name">{e.name}</View>
                  {e.isLeader ? <View className="leader-tag">组长</View> : null}
                  {e.phone ? (
                    <View className="roster-entry__phone" onClick={() => call(e.phone!)}>
                      {e.phone}
                    </View>
                  ) : interest ? (
                    <View className="roster-entry__no-phone">未公开手机号</View>
                  ) : null}
                </View>
                <View className="leader-row__meta">
                  {e.department}
                  {e.joinedAt ? ` · ${interest ? '加入于' : '入会于'} ${calendarDayText(e.joinedAt, new Date())}` : ''}
                </View>
                {interest && !e.isLeader ? (
                  <View className="leader-row__actions">
                    {amLeader ? (
                      <Button className="roster-hand-over" size="small" fill="none" disabled={Boolean(busy)} onClick={() => void handOver(e)}>
                        移交组长
                      </Button>
                    ) : null}
                    <Button className="roster-remove" size="small" fill="outline" disabled={Boolean(busy)} onClick={() => setRemoving(e)}>
                      移出
                    </Button>
                  </View>
                ) : null}
              </View>
            ))}
          </View>
          <View className="leader-footer">
            {list.hasMore ? (
              <Button className="roster-more" size="small" loading={list.loadingMore} onClick={() => void list.loadMore()}>
                {list.loadingMore ? '正在加载…' : `加载更多（还有 ${list.total - list.items.length} 人）`}
              </Button>
            ) : (
              '已经到底了'
            )}
          </View>
        </>
      )}
      <ReasonDialog
        visible={removing !== null}
        title={removing ? `移出${removing.name}` : '移出成员'}
        description="移出后 TA 不再是小组成员，名额会空出来。可以写一句原因。"
        confirmText="移出"
        onConfirm={(reason) => (removing ? remove(removing, reason) : Promise.resolve())}
        onClose={() => setRemoving(null)}
      />
    </View>
  )
}
