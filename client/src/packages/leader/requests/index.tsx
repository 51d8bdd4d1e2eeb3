import { useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { JoinRequest } from '@shared/contract'
import { useAction } from '../../../hooks/useAction'
import { usePagedAction } from '../../../hooks/usePagedAction'
import { markChanged } from '../../../hooks/useReloadOnChange'
import { ActionError, callAction } from '../../../services/cloud'
import { PageHeader } from '../../../components/PageHeader'
import { LoadingState } from '../../../components/LoadingState'
import { ErrorState } from '../../../components/ErrorState'
import { EmptyState } from '../../../components/EmptyState'
import { Button } from '../../../ui/nutui'
import { idParam } from '../../../constants/groups'
import { ReasonDialog } from '../shared/ReasonDialog'
import '../shared/leader.scss'

/** 入组申请: the group's waiting requests, oldest first; 同意 takes a seat, 拒绝 asks for a reason. */
export default function RequestsPage() {
  const id = idParam(useRouter().params.id)
  const group = useAction('group.get', { id }, { silent: true })
  const list = usePagedAction('group.requests', { id }, 20)
  const [deciding, setDeciding] = useState('')
  const [declining, setDeclining] = useState<JoinRequest | null>(null)

  useReachBottom(() => void list.loadMore())
  usePullDownRefresh(() => {
    void Promise.all([list.reload(), group.reload()]).finally(() => Taro.stopPullDownRefresh())
  })

  const settle = async () => {
    markChanged('groups')
    await Promise.all([list.reload(), group.reload()])
  }

  const approve = async (r: JoinRequest) => {
    if (deciding) return
    setDeciding(r.memberId)
    try {
      await callAction('group.decide', { id, memberId: r.memberId, approve: true })
      void Taro.showToast({ title: `已同意${r.name}加入`, icon: 'none' })
      await settle()
    } catch (err) {
      // Toasted (e.g. the group is full); a request that changed meanwhile drops off on reload.
      if (err instanceof ActionError && err.code !== 'NETWORK') await settle()
    } finally {
      setDeciding('')
    }
  }

  /** Resolves to close the dialog; a network failure rejects and keeps it open with the reason typed. */
  const decline = async (r: JoinRequest, reason: string) => {
    try {
      await callAction('group.decide', { id, memberId: r.memberId, approve: false, ...(reason ? { reason } : {}) })
      void Taro.showToast({ title: '已拒绝', icon: 'none' })
    } catch (err) {
      if (!(err instanceof ActionError) || err.code === 'NETWORK') throw err
    }
    await settle()
  }

  const subtitle = group.data ? `${group.data.name}${list.loading || list.error ? '' : ` · ${list.total} 条待审核`}` : undefined

  return (
    <View className="page page-leader-requests">
      <PageHeader title="入组申请" subtitle={subtitle} />
      {list.loading ? (
        <LoadingState rows={3} />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.reload()} art="groups" />
      ) : list.items.length === 0 ? (
        <EmptyState className="requests-empty" title="暂无待审核的申请" description="有会员申请加入时，会出现在这里" art="groups" />
      ) : (
        <>
          <View className="leader-list">
            {list.items.map((r) => (
              <View key={r.memberId} className="leader-row request-row" data-member-id={r.memberId}>
                <View className="leader-row__main">
                  <View className="leader-row__name">{r.name}</View>
                </View>
                <View className="leader-row__meta">
                  {r.department} · 申请于 {r.requestedAt}
                </View>
                <View className="leader-row__actions">
                  <Button className="request-decline" size="small" fill="outline" disabled={Boolean(deciding)} onClick={() => setDeclining(r)}>
                    拒绝
                  </Button>
                  <Button
                    className="request-approve"
                    type="primary"
                    size="small"
                    loading={deciding === r.memberId}
                    disabled={Boolean(deciding)}
                    onClick={() => void approve(r)}
                  >
                    同意
                  </Button>
                </View>
              </View>
            ))}
          </View>
          <View className="leader-footer">
            {list.hasMore ? (
              <Button className="requests-more" size="small" loading={list.loadingMore} onClick={() => void list.loadMore()}>
                {list.loadingMore ? '正在加载…' : '加载更多'}
              </Button>
            ) : (
              '已经到底了'
            )}
          </View>
        </>
      )}
      <ReasonDialog
        visible={declining !== null}
        title={declining ? `拒绝${declining.name}的申请` : '拒绝申请'}
        description="可以写一句原因，例如“本期名额已满”。"
        confirmText="拒绝"
        onConfirm={(reason) => (declining ? decline(declining, reason) : Promise.resolve())}
        onClose={() => setDeclining(null)}
      />
    </View>
  )
}
