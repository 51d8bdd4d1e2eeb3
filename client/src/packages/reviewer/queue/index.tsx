import { useState } from 'react'
import Taro from '@tarojs/taro'
import { ScrollView, View } from '@tarojs/components'
import { QUEUE_TAB_LABELS, QUEUE_TABS, type QueueTab } from '@shared/domain/hardship'
import { usePagedQuery } from '../../../data'
import { PageHeader } from '../../../components/PageHeader'
import { PagedList } from '../../../components/PagedList'
import { RequestStatus } from '../../../components/RequestStatus'
import { ROUTES } from '../../../constants/routes'
import { AID_KIND_LABELS, amountLine, withRequestId } from '../../../constants/hardship'
import { REVIEWER_LIST } from '../shared/list'
import '../shared/reviewer.scss'
import './index.scss'

const EMPTY: Readonly<Record<QueueTab, string>> = {
  submitted: '会员提交的申请会出现在这里，受理后进入「审核中」',
  reviewing: '受理后的申请在这里批准、退回补充或不予批准',
  returned: '退回补充材料的申请，申请人重新提交后回到「待受理」',
  approved: '批准后待发放的申请，发放后在这里记录',
  paid: '已发放的申请留在这里备查',
  closed: '不予批准和申请人撤回的申请',
}

/** 帮扶审核: the queue by what is to be done, oldest work first. Rows show who, what and how much — details open on tap. */
export default function ReviewerQueuePage() {
  const [tab, setTab] = useState<QueueTab>('submitted')
  // Fresh when shown after a step taken on a request or a file (the hardship scope).
  const list = usePagedQuery('hardship.queue', { tab })
  const denied = list.error?.code === 'FORBIDDEN'

  return (
    <View className="page page-reviewer-queue">
      <PageHeader title="帮扶审核" subtitle={list.loading || list.error ? undefined : `${QUEUE_TAB_LABELS[tab]} ${list.total} 件`} />
      {denied ? null : (
        <>
          <View className="queue-files" onClick={() => void Taro.navigateTo({ url: ROUTES.reviewerFiles })}>
            <View className="queue-files__text">困难职工档案</View>
            <View className="queue-files__hint">建档、复核、送温暖走访</View>
            <View className="reviewer-arrow">›</View>
          </View>
          <ScrollView className="reviewer-tabs queue-tabs" scrollX enhanced showScrollbar={false}>
            {QUEUE_TABS.map((t) => (
              <View key={t} className={`reviewer-tab queue-tab--${t}${tab === t ? ' reviewer-tab--on' : ''}`} onClick={() => setTab(t)}>
                {QUEUE_TAB_LABELS[t]}
              </View>
            ))}
          </ScrollView>
        </>
      )}
      <PagedList
        list={list}
        name="queue"
        {...REVIEWER_LIST}
        empty={{ title: `没有${QUEUE_TAB_LABELS[tab]}的申请`, description: EMPTY[tab] }}
        renderItem={(r) => (
          <View className="reviewer-row queue-row" data-id={r.id} onClick={() => void Taro.navigateTo({ url: withRequestId(ROUTES.reviewerRequest, r.id) })}>
            <View className="reviewer-row__top">
              <View className="reviewer-row__name">
                {r.memberName} · {r.categoryName}
              </View>
              <RequestStatus status={r.status} />
            </View>
            <View className="reviewer-row__meta">
              {r.department} · {AID_KIND_LABELS[r.kind]} · {amountLine(r)}
            </View>
            <View className="reviewer-row__meta">
              {r.reportedBy ? `${r.reportedBy}代报 · ` : ''}提交于 {r.submittedAt}
              {r.reviewerName ? ` · 经办 ${r.reviewerName}` : ''}
            </View>
          </View>
        )}
      />
    </View>
  )
}
