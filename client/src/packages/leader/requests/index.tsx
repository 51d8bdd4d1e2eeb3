import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { JoinRequest } from '@shared/contract'
import { invalidate, useMutation, usePagedQuery, useQuery } from '../../../data'
import { callAction } from '../../../services/cloud'
import { PageHeader } from '../../../components/PageHeader'
import { PagedList } from '../../../components/PagedList'
import { Button } from '../../../ui/nutui'
import { idParam } from '../../../constants/groups'
import { ReasonDialog } from '../shared/ReasonDialog'
import { decideThenSettle } from '../shared/decide'
import { LEADER_LIST } from '../shared/list'
import '../shared/leader.scss'

/** 入组申请: the group's waiting requests, oldest first; 同意 takes a seat, 拒绝 asks for a reason. */
export default function RequestsPage() {
  const id = idParam(useRouter().params.id)
  const group = useQuery('group.get', { id }, { silent: true })
  const list = usePagedQuery('group.requests', { id })
  const m = useMutation<string>()
  const [declining, setDeclining] = useState<JoinRequest | null>(null)
  usePullDownRefresh(() => void group.reload())

  // The group page and its 待审核 count load again when shown; this list at once.
  const settle = () => {
    invalidate('group')
    return list.reload()
  }
  const decide = (r: JoinRequest, approve: boolean, reason = '') =>
    decideThenSettle(async () => {
      await callAction('group.decide', { id, memberId: r.memberId, approve, ...(reason ? { reason } : {}) })
      void Taro.showToast({ title: approve ? `已同意${r.name}加入` : '已拒绝', icon: 'none' })
    }, settle)

  const subtitle = group.data ? `${group.data.name}${list.loading || list.error ? '' : ` · ${list.total} 条待审核`}` : undefined

  return (
    <View className="page page-leader-requests">
      <PageHeader title="入组申请" subtitle={subtitle} />
      <PagedList
        list={list}
        name="requests"
        {...LEADER_LIST}
        empty={{ title: '暂无待审核的申请', description: '有会员申请加入时，会出现在这里' }}
        renderItem={(r) => (
          <View className="leader-row request-row" data-member-id={r.memberId}>
            <View className="leader-row__main">
              <View className="leader-row__name">{r.name}</View>
            </View>
            <View className="leader-row__meta">
              {r.department} · 申请于 {r.requestedAt}
            </View>
            <View className="leader-row__actions">
              <Button className="request-decline" size="small" fill="outline" disabled={Boolean(m.busy)} onClick={() => setDeclining(r)}>
                拒绝
              </Button>
              <Button
                className="request-approve"
                type="primary"
                size="small"
                loading={m.busy === r.memberId}
                disabled={Boolean(m.busy)}
                onClick={() => void m.run(r.memberId, () => decide(r, true))}
              >
                同意
              </Button>
            </View>
          </View>
        )}
      />
      <ReasonDialog
        visible={declining !== null}
        title={declining ? `拒绝${declining.name}的申请` : '拒绝申请'}
        description="可以写一句原因，例如“本期名额已满”。"
        confirmText="拒绝"
        onConfirm={(reason) => (declining ? decide(declining, false, reason) : Promise.resolve())}
        onClose={() => setDeclining(null)}
      />
    </View>
  )
}
