import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { RosterEntry } from '@shared/contract'
import { invalidate, refreshSession, useMutation, usePagedQuery, useQuery, useSession } from '../../../data'
import { callAction, type ActionError } from '../../../services/cloud'
import { PageHeader } from '../../../components/PageHeader'
import { PagedList } from '../../../components/PagedList'
import { ExportButton } from '../../../components/ExportButton'
import { Button } from '../../../ui/nutui'
import { ROUTES } from '../../../constants/routes'
import { idParam, withId } from '../../../constants/groups'
import { ReasonDialog } from '../shared/ReasonDialog'
import { decideThenSettle } from '../shared/decide'
import { LEADER_LIST } from '../shared/list'
import '../shared/leader.scss'
import './index.scss'
import { calendarDayText } from '@shared/domain/time'
import { COLORS } from '../../../styles/colors'

const denied = (e: ActionError | undefined) => e !== undefined && ['FORBIDDEN', 'NOT_BOUND', 'UNAUTHENTICATED', 'NOT_FOUND'].includes(e.code)

/**
 * 成员管理 (leaders and admins): the whole roster with the phones members agreed to share,
 * 移出 with a reason, 移交组长 (the group's own leaders only), and 导出名单 as a spreadsheet.
 */
export default function LeaderRosterPage() {
  const id = idParam(useRouter().params.id)
  const group = useQuery('group.get', { id }, { silent: true })
  const me = useSession()
  const list = usePagedQuery('group.roster', { id }, { pageSize: 50 })
  const [removing, setRemoving] = useState<RosterEntry | null>(null)
  const m = useMutation<'handOver'>()
  usePullDownRefresh(() => void group.reload())

  const g = group.data
  const interest = g?.kind === 'interest'
  // Admins manage too, but only the group's own leaders can pass the group on.
  const amLeader = Boolean(g && me.data && g.leaders.some((l) => l.memberId === me.data!.member.id))

  // The group page and its count load again when shown; this list at once.
  const settle = () => {
    invalidate('group')
    return list.reload()
  }

  const remove = (e: RosterEntry, reason: string) =>
    decideThenSettle(async () => {
      const { removed } = await callAction('group.remove', { id, memberId: e.memberId, ...(reason ? { reason } : {}) })
      void Taro.showToast({ title: removed ? `已移出${e.name}` : `${e.name}已不在小组中`, icon: 'none' })
    }, settle)

  const handOver = async (e: RosterEntry) => {
    if (m.busy || !g) return
    const { confirm } = await Taro.showModal({
      title: '移交组长',
      content: `确定把「${g.name}」的组长移交给${e.name}吗？移交后你不再是组长，不能再审核申请、管理成员。`,
      confirmText: '移交',
      confirmColor: COLORS.brand,
    })
    if (!confirm) return
    const handed = await m.run('handOver', () => callAction('group.handOver', { id, toMemberId: e.memberId }), { invalidates: ['group'] })
    if (!handed) return
    void Taro.showToast({ title: `已移交给${e.name}`, icon: 'none' })
    // No longer a leader: the session's roles change, and back to the group page.
    refreshSession()
    await Taro.navigateBack().catch(() => Taro.redirectTo({ url: withId(ROUTES.group, id) }))
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
            <ExportButton
              action="group.exportRoster"
              input={{ id }}
              empty="小组里还没有成员可以导出"
              className="roster-export"
              fill="outline"
              disabled={!list.total}
            >
              导出名单
            </ExportButton>
          </View>
        </>
      )}
      <PagedList
        list={list}
        name="roster"
        {...LEADER_LIST}
        unit="人"
        loadingRows={4}
        empty={{ title: '小组里还没有成员', description: '会员加入后会出现在这里' }}
        renderItem={(e) => (
          <View className="leader-row roster-entry" data-member-id={e.memberId}>
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
                  <Button className="roster-hand-over" size="small" fill="none" disabled={Boolean(m.busy)} onClick={() => void handOver(e)}>
                    移交组长
                  </Button>
                ) : null}
                <Button className="roster-remove" size="small" fill="outline" disabled={Boolean(m.busy)} onClick={() => setRemoving(e)}>
                  移出
                </Button>
              </View>
            ) : null}
          </View>
        )}
      />
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
