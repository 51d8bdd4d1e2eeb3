import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { PublicSpending } from '@shared/contract'
import { formatMoney } from '@shared/domain/money'
import { useQuery } from '../../data'
import { PageHeader } from '../../components/PageHeader'
import { QueryView } from '../../components/QueryView'
import { EmptyState } from '../../components/EmptyState'
import { inShanghai } from '../../constants/activities'
import { publicBarWidth } from './bars'
import { auditHeadText } from './head-text'
import './index.scss'

const QUARTERS = ['一季度', '二季度', '三季度', '四季度'] as const

/** 经费公开栏 (every member): the year's spending per line and quarter — totals only, 接受会员监督. */
export default function FundsPublicPage() {
  const thisYear = inShanghai(new Date()).year()
  const [year, setYear] = useState(thisYear)
  const spending = useQuery('funds.public', { year }, { silent: true })
  usePullDownRefresh(() => {
    void spending.reload().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <View className="page page-funds-public">
      <PageHeader title="经费公开栏" subtitle="工会经费使用情况公开，接受会员监督" />
      <View className="public-year">
        <View className={`public-year__step public-year-prev${year > 2000 ? '' : ' public-year__step--off'}`} onClick={() => year > 2000 && setYear(year - 1)}>
          ‹ {year > 2000 ? year - 1 : ''}
        </View>
        <View className="public-year__value">{year} 年</View>
        <View
          className={`public-year__step public-year-next${year < thisYear ? '' : ' public-year__step--off'}`}
          onClick={() => year < thisYear && setYear(year + 1)}
        >
          {year < thisYear ? year + 1 : ''} ›
        </View>
      </View>
      <View className="public-notice">本栏只公布各科目按季度的支出合计，不含任何个人信息和单笔明细，接受全体会员监督。</View>
      <QueryView query={spending} rows={4}>
        {(data) => (
          <>
            <Spending data={data} />
            {data.auditHead ? <View className="public-notice public-audit-head">{auditHeadText(data.auditHead)}</View> : null}
          </>
        )}
      </QueryView>
    </View>
  )
}

function Spending({ data }: { data: PublicSpending }) {
  const quarters = QUARTERS.map((_, q) => data.lines.reduce((s, l) => s + (l.quarters[q] ?? 0), 0))
  const largest = Math.max(0, ...data.lines.map((l) => l.total ?? 0))
  // Nothing to publish yet: a sentence, not a wall of 0.00 (held-back aid included: it is not shown either).
  if (data.total === 0) {
    return (
      <EmptyState
        className="public-empty"
        title={`${data.year} 年还没有可公开的支出`}
        description={
          data.heldBack
            ? '本年的帮扶慰问发放笔数较少，为保护受助会员不单独公开；福利兑现、活动费用报销等支出发生后，各科目的合计会公布在这里'
            : '福利兑现、活动费用报销、帮扶慰问发放后，各科目的支出合计会公布在这里'
        }
        art="benefits"
      />
    )
  }
  return (
    <>
      <View className="public-card public-total">
        <View className="public-total__label">
          {data.year} 年已支出合计（元）{data.heldBack ? '，不含未单独公开的帮扶慰问' : ''}
        </View>
        <View className="public-total__value">{formatMoney(data.total)}</View>
        <View className="public-quarters">
          {QUARTERS.map((name, q) => (
            <View key={name} className="public-quarter">
              <View className="public-quarter__value">{formatMoney(quarters[q])}</View>
              <View className="public-quarter__label">{name}</View>
            </View>
          ))}
        </View>
      </View>
      <View className="public-card public-lines">
        <View className="public-lines__title">各科目支出（元）</View>
        {data.lines.map((l) => (
          <View key={l.line} className="public-line" data-line={l.line}>
            <View className="public-line__head">
              <Text className="public-line__name">{l.name}</Text>
              <Text className="public-line__total">{l.total === null ? '不单独公开' : formatMoney(l.total)}</Text>
            </View>
            <View className="public-bar">
              <View className="public-bar__fill" style={{ width: `${publicBarWidth(l.total ?? 0, largest)}%` }} />
            </View>
            {l.total === 0 ? (
              <View className="public-line__quarters public-line__note">本年暂无支出</View>
            ) : l.quarters.every((q) => q === null) ? (
              <View className="public-line__quarters public-line__note">
                {l.total === null ? '本年发放笔数较少，为保护受助会员不单独公开' : '按全年公开，不分季度'}
              </View>
            ) : (
              <View className="public-line__quarters">
                {QUARTERS.map((name, q) => (
                  <Text key={name} className="public-line__quarter">
                    {name} {formatMoney(l.quarters[q] ?? 0)}
                  </Text>
                ))}
              </View>
            )}
          </View>
        ))}
      </View>
    </>
  )
}
