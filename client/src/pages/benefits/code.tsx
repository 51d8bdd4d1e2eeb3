import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { VOUCHER_CODE_REFRESH_SECONDS } from '@shared/domain/benefits'
import { RotatingCode, type RotatingCodeScreen } from '../../components/RotatingCode'
import { useRotatingCode } from '../../components/RotatingCode/useRotatingCode'
import { ActionError, callAction } from '../../services/cloud'
import { idParam } from '../../constants/routes'
import { endsScreen, voucherAnswer } from './code-refresh'
import { kindLabel, nextStepText, pointsText, STATE_LABELS, usedText, yuanText } from './view'
import './code.scss'

const SCREEN: RotatingCodeScreen = {
  label: '福利券二维码',
  loadingText: '正在生成券码…',
  note: '请向兑换点工作人员出示二维码；扫不出来时，报出上面的 6 位数字。券码每 30 秒更新一次，截图无效。',
  art: 'benefits',
  names: { qr: 'benefit-qr', digits: 'voucher-code-short', countdown: 'voucher-code-countdown' },
}

/**
 * 出示券码: the voucher's QR code for the clerk's scanner and the same code as six digits to read
 * out, renewed every 30 seconds (two calls a minute, each bringing the voucher's state) on a
 * brightened screen; once the clerk confirms, 已使用 with when and where.
 */
export default function VoucherCodePage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const rotating = useRotatingCode(() => voucherAnswer(callAction('benefit.code', { voucherId: id }, { silent: true })), {
    isFinal: endsScreen,
    period: VOUCHER_CODE_REFRESH_SECONDS,
    unavailable: id ? undefined : new ActionError('NOT_FOUND', '没有找到这张券'),
  })
  const { answer } = rotating
  const voucher = answer?.voucher
  const head = voucher ? (
    <View className="voucher-code-head">
      <View className="voucher-code-head__kind">{kindLabel(voucher.kind)}</View>
      <View className="voucher-code-head__name">{voucher.name}</View>
      <View className="voucher-code-head__meta">
        {voucher.optionName ? `${voucher.optionName} · ` : ''}面值 {yuanText(voucher.faceValue)}
      </View>
    </View>
  ) : null

  // Used (or expired, or no longer the member's): no code, just what happened.
  if (answer && endsScreen(answer)) {
    return (
      <View className="page page-benefit-code">
        {head}
        <View className={`voucher-code-done voucher-code-done--${voucher?.state ?? 'gone'}`}>
          <View className="voucher-code-done__title">{voucher ? STATE_LABELS[voucher.state] : '这张券已不可用'}</View>
          <View className="voucher-code-done__text">
            {voucher?.redeemed && voucher.state === 'used' ? usedText(voucher.redeemed) : voucher ? nextStepText(voucher) : '请返回「福利」查看'}
          </View>
        </View>
      </View>
    )
  }

  return (
    <View className="page page-benefit-code">
      {head}
      <RotatingCode code={answer?.code} state={rotating} screen={SCREEN} />
      {voucher?.points.length ? <View className="voucher-code-points">兑换地点：{pointsText(voucher.points)}</View> : null}
    </View>
  )
}
