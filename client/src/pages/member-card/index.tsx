import { View, Text } from '@tarojs/components'
import type { MemberCardView } from '@shared/contract'
import { callAction } from '../../services/cloud'
import { useRotatingCode } from '../../hooks/useRotatingCode'
import { useBrightScreen } from '../../hooks/useBrightScreen'
import { LoadingState } from '../../components/LoadingState'
import { ErrorState } from '../../components/ErrorState'
import { QrCode } from '../benefits/QrCode'
import { cardFacts, spacedDigits } from './card-view'
import './index.scss'

const load = () => callAction('member.card', {}, { silent: true })

/**
 * 电子会员证: who the member is in the union, and a code union staff scan (or whose six digits they
 * type) on their 核验 page. The code is signed by the server and renewed every 30 seconds, so a
 * screenshot stops working within a minute; the screen is brightened while it shows.
 */
export default function MemberCardPage() {
  const { code: card, error, secondsLeft, refresh } = useRotatingCode<MemberCardView>(load)
  useBrightScreen(Boolean(card))

  if (!card && error) {
    return (
      <View className="page page-member-card">
        <ErrorState error={error} onRetry={refresh} art="me" />
      </View>
    )
  }
  if (!card) {
    return (
      <View className="page page-member-card">
        <LoadingState rows={4} text="正在打开会员证…" />
      </View>
    )
  }

  return (
    <View className="page page-member-card">
      <View className="member-card">
        <View className="member-card__union">{card.union}</View>
        <View className="member-card__title">工会会员证</View>
        <View className="member-card__name">{card.name}</View>
        <View className="member-card__facts">
          {cardFacts(card).map((f) => (
            <View key={f.key} className={`member-card__fact member-card__fact--${f.key}`}>
              <Text className="member-card__label">{f.label}</Text>
              <Text className="member-card__value">{f.value}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className="member-card-code">
        <QrCode className="member-card-code__qr" text={card.code.token} label="会员证二维码" />
        <View className="member-card-code__digits" data-code={card.code.shortCode}>
          {spacedDigits(card.code.shortCode)}
        </View>
        <View className="member-card-code__countdown">
          <Text>{error ? (error.code === 'NETWORK' ? '网络不太好，正在重试…' : error.message) : `${secondsLeft} 秒后自动刷新`}</Text>
          <View className="member-card-code__refresh" onClick={refresh}>
            立即刷新
          </View>
        </View>
      </View>
      <View className="member-card-note">请向工会工作人员出示二维码核验；扫不出来时，报出上面的 6 位数字。二维码每 30 秒更新一次，截图无效。</View>
    </View>
  )
}
