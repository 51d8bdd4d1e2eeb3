import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { HardshipRequestCard } from '@shared/contract'
import { usePagedQuery } from '../../data'
import { PageHeader } from '../../components/PageHeader'
import { PagedList } from '../../components/PagedList'
import { RequestStatus } from '../../components/RequestStatus'
import { Button } from '../../ui/nutui'
import { ROUTES } from '../../constants/routes'
import { AID_KIND_LABELS, amountLine, nextHint, withRequestId } from '../../constants/hardship'
import './index.scss'

/** 我的帮扶申请: requests the member made or that were made for them, each with where it stands. */
export default function MyHardshipPage() {
  // A request sent, withdrawn or decided elsewhere: loaded again when shown.
  const list = usePagedQuery('hardship.mine', {}, { pageSize: 20 })

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
      <PagedList
        list={list}
        name="hardship"
        art="benefits"
        empty={{ title: '还没有申请', description: '遇到生病住院、家庭困难，或有结婚、生育、退休等喜事，都可以在这里申请，进展随时可查' }}
        renderItem={(r) => <RequestRow r={r} />}
      />
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
