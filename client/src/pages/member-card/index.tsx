import { View, Text } from '@tarojs/components'
import { callAction } from '../../services/cloud'
import { RotatingCode, type RotatingCodeScreen } from '../../components/RotatingCode'
import { useRotatingCode } from '../../components/RotatingCode/useRotatingCode'
import { LoadingState } from '../../components/LoadingState'
import { ErrorState } from '../../components/ErrorState'
import { cardFacts } from './card-view'
import './index.scss'

const load = () => callAction('member.card', {}, { silent: true })

const SCREEN: RotatingCodeScreen = {
  label: '会员证二维码',
  note: '请向工会工作人员出示二维码核验；扫不出来时，报出上面的 6 位数字。二维码每 30 秒更新一次，截图无效。',
  art: 'me',
  names: { qr: 'benefit-qr', digits: 'member-card-code__digits', countdown: 'member-card-code__countdown' },
  compact: true,
}

/**
 * 电子会员证: who the member is in the union, and a code union staff scan (or whose six digits they
 * type) on their 核验 page. The code is signed by the server and renewed every 30 seconds, so a
 * screenshot stops working within a minute; the screen is brightened while it shows.
 */
export default function MemberCardPage() {
  const rotating = useRotatingCode(load)
  const { answer: card, error, refresh } = rotating

  // The card's facts come with its code: until the first answer, the whole page waits (or says why).
  if (!card) {
    return (
      <View className="page page-member-card">
        {error ? <ErrorState error={error} onRetry={refresh} art="me" /> : <LoadingState rows={4} text="正在打开会员证…" />}
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
      <RotatingCode code={card.code} state={rotating} screen={SCREEN} />
    </View>
  )
}
