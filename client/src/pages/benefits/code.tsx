import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { LoadingState } from '../../components/LoadingState'
import { ErrorState } from '../../components/ErrorState'
import { ActionError } from '../../services/cloud'
import { idParam } from '../../constants/routes'
import { QrCode } from './QrCode'
import { useVoucherCode } from './useVoucherCode'
import { useBrightScreen } from '../../hooks/useBrightScreen'
import { kindLabel, nextStepText, pointsText, spacedCode, STATE_LABELS, usedText, yuanText } from './view'
import './code.scss'

/**
 * 出示券码: the voucher's QR code for the clerk's scanner and the same code as six digits to read
 * out, renewed every 30 seconds on a brightened screen; once the clerk confirms, 已使用 with when and where.
 */
export default function VoucherCodePage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const { code, voucher, finished, error, secondsLeft, refresh } = useVoucherCode(id)
  useBrightScreen(Boolean(code) && !finished)

  if (!id) {
    return (
      <View className="page page-benefit-code">
        <ErrorState error={new ActionError('NOT_FOUND', '没有找到这张券')} art="benefits" />
      </View>
    )
  }

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
  if (finished) {
    const used = voucher?.state === 'used' && voucher.redeemed
    return (
      <View className="page page-benefit-code">
        {head}
        <View className={`voucher-code-done voucher-code-done--${voucher?.state ?? 'gone'}`}>
          <View className="voucher-code-done__title">{voucher ? STATE_LABELS[voucher.state] : '这张券已不可用'}</View>
          <View className="voucher-code-done__text">{used ? usedText(voucher.redeemed!) : voucher ? nextStepText(voucher) : '请返回「福利」查看'}</View>
        </View>
      </View>
    )
  }

  // No code yet and the server said no: just the reason.
  if (!code && error) {
    return (
      <View className="page page-benefit-code">
        {head}
        <ErrorState error={error} onRetry={refresh} art="benefits" />
      </View>
    )
  }

  return (
    <View className="page page-benefit-code">
      {head}
      <View className="voucher-code-card">
        {code ? (
          <>
            <QrCode className="voucher-code-qr" text={code.token} label="福利券二维码" />
            <View className="voucher-code-short" data-code={code.shortCode}>
              {spacedCode(code.shortCode)}
            </View>
            <View className="voucher-code-countdown">
              {error ? (error.code === 'NETWORK' ? '网络不太好，正在重试…' : error.message) : `${secondsLeft} 秒后自动刷新`}
              <View className="voucher-code-refresh" onClick={refresh}>
                立即刷新
              </View>
            </View>
          </>
        ) : (
          <LoadingState rows={3} text="正在生成券码…" />
        )}
      </View>
      <View className="voucher-code-note">请向兑换点工作人员出示二维码；扫不出来时，报出上面的 6 位数字。券码每 30 秒更新一次，截图无效。</View>
      {voucher?.points.length ? <View className="voucher-code-points">兑换地点：{pointsText(voucher.points)}</View> : null}
    </View>
  )
}
