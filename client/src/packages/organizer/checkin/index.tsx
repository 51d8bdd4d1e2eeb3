import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { invalidate, useMutation, useQuery } from '../../../data'
import { ActionError, callAction, type ClientErrorCode } from '../../../services/cloud'
import { PageHeader } from '../../../components/PageHeader'
import { ErrorState } from '../../../components/ErrorState'
import { CAN_SCAN, CodeInput, ScanButton, scanQr } from '../../../components/CodeEntry'
import { ROUTES } from '../../../constants/routes'
import { idParam, dateTimeText, withId } from '../../../constants/activities'
import { checkInErrorOf, checkInResultOf, type CheckInResult } from './result'
import '../shared/organizer.scss'
import './index.scss'

/** Failures where sending the same code again can help. */
const RETRYABLE: ReadonlySet<ClientErrorCode> = new Set(['NETWORK', 'INTERNAL', 'RATE_LIMITED'])

/** 现场签到: scan a member's code (or type its six digits) and see at once who it is and whether it worked. */
export default function CheckInPage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  // Every check-in answers with fresh counts.
  const [counts, setCounts] = useState<{ checkedIn: number; confirmed: number }>()
  // The event and the counts before the first check-in here. After it, nothing here needs loading again
  // though check-ins made the event stale: each scan hides and shows the page (the camera).
  const before = { silent: true, enabled: counts === undefined }
  const detail = useQuery('activity.get', { id }, before)
  const totals = useQuery('activity.attendees', { id, page: 1, pageSize: 1 }, before)
  const [typed, setTyped] = useState('')
  const [result, setResult] = useState<CheckInResult>()
  // One check-in at a time: the sixth digit and a tap on 签到 (or a repeated input event) can
  // arrive in the same moment, and each would send the code again.
  const m = useMutation<'check'>()
  const busy = m.busy === 'check'
  // The code last sent and refused for good (wrong, expired, not open yet): 签到 would only get the
  // same answer, so it waits for different digits. After a network failure it may be sent again.
  const [refused, setRefused] = useState<string>()

  const check = async (code: string) => {
    if (!code) return
    await m.run('check', async () => {
      setRefused(undefined)
      try {
        const answer = await callAction('activity.checkIn', { id, code }, { silent: true })
        setResult(checkInResultOf(answer))
        setCounts({ checkedIn: answer.checkedIn, confirmed: answer.confirmed })
        setTyped('')
        // 报名名单 and the event's pages show it when next shown.
        if (!answer.alreadyCheckedIn) invalidate('activity')
        if (process.env.TARO_ENV === 'weapp') void Taro.vibrateShort({ type: 'medium' }).catch(() => undefined)
      } catch (err) {
        setResult(checkInErrorOf(err instanceof ActionError ? err.message : String(err)))
        if (!(err instanceof ActionError && RETRYABLE.has(err.code))) setRefused(code)
      }
    })
  }

  const scan = async () => {
    const code = await scanQr(() => setResult(checkInErrorOf('没有扫到签到码，请再试一次，或输入 6 位数字')))
    if (code) await check(code)
  }

  const onType = (digits: string) => {
    const changed = digits !== typed
    setTyped(digits)
    // Six digits are a whole code: check at once, no extra tap needed (once: the same value
    // reported again by the input is not a new code).
    if (digits.length === 6 && changed) void check(digits)
  }
  const canSend = typed.length === 6 && !busy && refused !== typed
  const entry = { value: typed, busy, canSend, onDigits: onType, onSend: () => canSend && void check(typed) }

  if (!id) {
    return (
      <View className="page page-organizer-checkin">
        <ErrorState error={new ActionError('NOT_FOUND', '没有找到这个活动')} art="activities" />
      </View>
    )
  }

  const denied = totals.error && ['FORBIDDEN', 'NOT_BOUND', 'UNAUTHENTICATED', 'NOT_FOUND'].includes(totals.error.code)
  const shown = counts ?? (totals.data ? { checkedIn: totals.data.checkedIn, confirmed: totals.data.confirmed } : undefined)
  const a = detail.data

  return (
    <View className="page page-organizer-checkin">
      <PageHeader title="现场签到" subtitle={a ? `${a.title} · ${dateTimeText(a.startAt)}` : undefined} />
      {denied && totals.error ? (
        <ErrorState error={totals.error} art="activities" />
      ) : (
        <>
          <View className="checkin-counts">
            已签到 <View className="checkin-counts__value checkin-counts__checked">{shown?.checkedIn ?? '–'}</View> / 已报名{' '}
            <View className="checkin-counts__value checkin-counts__confirmed">{shown?.confirmed ?? '–'}</View>
          </View>

          {result ? (
            <View className={`checkin-result checkin-result--${result.kind}`} aria-live="polite">
              {result.text}
            </View>
          ) : (
            <View className="checkin-result checkin-result--idle">{CAN_SCAN ? '请扫描会员的签到码，或输入 6 位数字' : '请输入会员签到码下方的 6 位数字'}</View>
          )}

          <ScanButton className="checkin-scan" busy={busy} onScan={() => void scan()}>
            {result ? '继续扫码' : '扫码签到'}
          </ScanButton>

          <CodeInput name="checkin" button={{ className: 'checkin-submit', text: '签到' }} placeholder="6 位数字签到码" {...entry} />

          <View className="checkin-list" onClick={() => void Taro.navigateTo({ url: withId(ROUTES.organizerAttendees, id) })}>
            查看报名名单 ›
          </View>
        </>
      )}
    </View>
  )
}
