import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { HardshipRequestCard } from '@shared/contract'
import { usePagedAction } from '../../hooks/usePagedAction'
import { useReloadOnChange } from '../../hooks/useReloadOnChange'
import { PageHeader } from '../../components/PageHeader'
import { LoadingState } from '../../components/LoadingState'
import { ErrorState } from '../../components/ErrorState'
import { EmptyState } from '../../components/EmptyState'
import { RequestStatus } from '../../components/RequestStatus'
import { Button } from '../../ui/nutui'
import { ROUTES } from '../../constants/routes'
import { AID_KIND_LABELS, amountLine, nextHint, withRequestId } from '../../constants/hardship'
import './index.scss'

/** 我的帮扶申请: requests the member made or that were made for them, each with where it stands. */
export default function MyHardshipPage() {
  const list = usePagedAction('hardship.mine', {}, 20)

  useReloadOnChange('hardship', list.reload)
  useReloadOnChange('me', list.reload)
  useReachBottom(() => void list.loadMore())
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const apply = () => void Taro.navigateTo({ url: ROUTES.hardshipApply })
  const denied = list.error !== undefined && ['NOT_BOUND', 'UNAUTHENTICATED'].includes(list.error.code)

  return (
    <View className="page page-hardship">
      <PageHeader title="我的帮扶申请" subtitle="生病住院、家庭困难、婚育、退休……工会按标准帮扶和慰问" />
      {denied ? null : (
        <Button className="hardship-apply" type="primary" block onClick={apply}>
          申请帮扶 / 慰问
        </Button>
      )}
      {list.loading ? (
        <LoadingState rows={3} />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.reload()} art="benefits" />
      ) : list.items.length === 0 ? (
        <EmptyState
          className="hardship-empty"
          title="还没有申请"
          description="遇到生病住院、家庭困难，或有结婚、生育、退休等喜事，都可以在这里申请，进展随时可查"
          art="benefits"
        />
      ) : (
        <>
          <View className="hardship-list">
            {list.items.map((r) => (
              <RequestRow key={r.id} r={r} />
            ))}
          </View>
          <View className="hardship-footer">
            {list.hasMore ? (
              <Button className="hardship-more" size="small" loading={list.loadingMore} onClick={() => void list.loadMore()}>
                {list.loadingMore ? '正在加载…' : '加载更多'}
              </Button>
            ) : (
              '已经到底了'
            )}
          </View>
        </>
      )}
    </View>
  )
}

function RequestRow({ r }: { r: HardshipRequestCard }) {
  return (
    <View className="hardship-card" data-id={r.id} onClick={() => void Taro.navigateTo({ url: withRequestId(ROUTES.hardshipDetail, r.id) })}>
      <View className="hardship-card__top">
        <View className="hardship-card__title">
          {r.categoryName}
          <View className="hardship-card__kind">{AID_KIND_LABELS[r.kind]}</View>
        </View>
        <RequestStatus status={r.status} />
      </View>
      <View className="hardship-card__meta">
        {r.reportedBy ? `${r.reportedBy}为${r.memberName}申报` : `${r.memberName}本人申请`} · {r.submittedAt}
      </View>
      <View className="hardship-card__bottom">
        <View className="hardship-card__amount">{amountLine(r)}</View>
        <View className="hardship-card__hint">{nextHint(r.status)}</View>
      </View>
    </View>
  )
}
