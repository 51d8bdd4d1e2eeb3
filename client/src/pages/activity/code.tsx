import { useEffect } from 'react'
import type { CheckInCode } from '@shared/contract'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { RotatingCode, type RotatingCodeScreen } from '../../components/RotatingCode'
import { useRotatingCode } from '../../components/RotatingCode/useRotatingCode'
import { dateTimeText, idParam } from '../../constants/activities'
import { ActionError, callAction } from '../../services/cloud'
import { invalidate } from '../../data'
import './code.scss'

/** Checked in, or the event is over: nothing will change any more, so the page stops asking. */
const isFinal = (c: CheckInCode) => c.state === 'checked-in' || c.state === 'closed'

const SCREEN: RotatingCodeScreen = {
  label: '签到二维码',
  loadingText: '正在生成签到码…',
  note: '请向组织者出示二维码扫码签到；扫不出来时，报出上面的 6 位数字。签到码每 30 秒更新一次，截图无效。',
  art: 'activities',
  names: { qr: 'code-qr', digits: 'code-short', countdown: 'code-countdown' },
}

/**
 * 我的签到码: a QR code for the organizer's scanner and the same code as six digits to read out,
 * renewed every 30 seconds (a photo of it soon stops working); the same fetch tells the page when
 * check-in opens and, within one refresh, that the member is in.
 */
export default function ActivityCodePage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const title = idParam(params.title)
  const rotating = useRotatingCode(() => callAction('activity.myCode', { id }, { silent: true }), {
    isFinal,
    unavailable: id ? undefined : new ActionError('NOT_FOUND', '没有找到这个活动'),
  })
  const { answer } = rotating
  // Checked in: the event page under this one shows 已签到 (no 取消报名) when the member goes back.
  const checkedIn = answer?.state === 'checked-in'
  useEffect(() => {
    if (checkedIn) invalidate('activity')
  }, [checkedIn])

  return (
    <View className="page page-activity-code">
      {title ? <View className="code-title">{title}</View> : null}
      {answer && answer.state !== 'open' ? (
        // Before the window, after check-in, or after the event: a sentence instead of a code.
        <CodeStatus code={answer} />
      ) : (
        <RotatingCode code={answer} state={rotating} screen={SCREEN} />
      )}
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
