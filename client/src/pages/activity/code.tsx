import { memo, useEffect, useMemo } from 'react'
import type { CheckInCode } from '@shared/contract'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { LoadingState } from '../../components/LoadingState'
import { ErrorState } from '../../components/ErrorState'
import { dateTimeText, idParam } from '../../constants/activities'
import { ActionError } from '../../services/cloud'
import { qrMatrix } from './qr'
import { useCheckInCode } from './useCheckInCode'
import { useBrightScreen } from '../../hooks/useBrightScreen'
import { markChanged } from '../../hooks/useReloadOnChange'
import './code.scss'

/** 「123 456」: two groups of three, easier to read out. */
export const spacedCode = (code: string): string => (code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code)

/**
 * 我的签到码: a QR code for the organizer's scanner and the same code as six digits to read out,
 * renewed every 30 seconds (a photo of it soon stops working), on a brightened screen.
 */
export default function ActivityCodePage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const title = idParam(params.title)
  const { code, error, secondsLeft, refresh } = useCheckInCode(id)
  useBrightScreen()
  const token = code?.state === 'open' ? code.token : undefined
  const matrix = useMemo(() => (token ? qrMatrix(token) : undefined), [token])
  // Checked in: the event page under this one shows 已签到 (no 取消报名) when the member goes back.
  const checkedIn = code?.state === 'checked-in'
  useEffect(() => {
    if (checkedIn) markChanged('activities')
  }, [checkedIn])

  if (!id) {
    return (
      <View className="page page-activity-code">
        <ErrorState error={new ActionError('NOT_FOUND', '没有找到这个活动')} art="activities" />
      </View>
    )
  }

  // No code yet and the server said no (not confirmed, not signed in): just the reason.
  if (!code && error) {
    return (
      <View className="page page-activity-code">
        <ErrorState error={error} onRetry={refresh} art="activities" />
      </View>
    )
  }

  // Before the window, after check-in, or after the event: a sentence instead of a code.
  if (code && code.state !== 'open') {
    return (
      <View className="page page-activity-code">
        {title ? <View className="code-title">{title}</View> : null}
        <CodeStatus code={code} />
      </View>
    )
  }

  return (
    <View className="page page-activity-code">
      {title ? <View className="code-title">{title}</View> : null}
      <View className="code-card">
        {matrix && code?.state === 'open' ? (
          <>
            <QrView size={matrix.size} runs={matrix.runs} />
            <View className="code-short" data-code={code.shortCode}>
              {spacedCode(code.shortCode)}
            </View>
            <View className="code-countdown">
              {error ? (error.code === 'NETWORK' ? '网络不太好，正在重试…' : error.message) : `${secondsLeft} 秒后自动刷新`}
              <View className="code-refresh" onClick={refresh}>
                立即刷新
              </View>
            </View>
          </>
        ) : (
          <LoadingState rows={3} text="正在生成签到码…" />
        )}
      </View>
      <View className="code-note">请向组织者出示二维码扫码签到；扫不出来时，报出上面的 6 位数字。签到码每 30 秒更新一次，截图无效。</View>
    </View>
  )
}

/** What the member sees instead of a code: when check-in opens, that they are checked in, or that it is over. */
function CodeStatus({ code }: { code: Exclude<CheckInCode, { state: 'open' }> }) {
  switch (code.state) {
    case 'checked-in':
      return (
        <View className="code-status code-status--checked-in">
          <View className="code-status__mark">✓</View>
          <View className="code-status__title">已签到</View>
          <View className="code-status__text">{dateTimeText(code.checkedInAt)} 签到，出勤已记录</View>
        </View>
      )
    case 'not-yet':
      return (
        <View className="code-status code-status--not-yet">
          <View className="code-status__title">签到还没有开始</View>
          <View className="code-status__text">{dateTimeText(code.opensAt)} 开始签到，到时这里会自动显示签到码，请到现场后再打开</View>
        </View>
      )
    case 'closed':
      return (
        <View className="code-status code-status--closed">
          <View className="code-status__title">签到已结束</View>
          <View className="code-status__text">活动已于 {dateTimeText(code.closedAt)} 结束，没有签到记录；如有疑问请联系组织者</View>
        </View>
      )
  }
}

/**
 * The QR code drawn with Views: one bar per dark run of a row, placed in percent of the side.
 * Memoised: the countdown re-renders the page every second, the code only every 30.
 */
const QrView = memo(function QrView({ size, runs }: ReturnType<typeof qrMatrix>) {
  // A quiet zone of four modules around the code, as scanners expect.
  const side = size + 8
  const pct = (n: number) => `${((n / side) * 100).toFixed(4)}%`
  return (
    <View className="code-qr" aria-label="签到二维码">
      {runs.map((r) => (
        <View
          key={`${r.row}:${r.col}`}
          className="code-qr__bar"
          // A hair taller and wider than exact, so no seams show between rows on odd pixel ratios.
          style={{ top: pct(r.row + 4), left: pct(r.col + 4), width: `calc(${pct(r.length)} + 0.5px)`, height: `calc(${pct(1)} + 0.5px)` }}
        />
      ))}
    </View>
  )
})
