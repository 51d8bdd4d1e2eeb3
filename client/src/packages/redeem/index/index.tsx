import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import type { PointView, Redemption, VoucherPreview } from '@shared/contract'
import { useMutation, usePagedQuery, useQuery } from '../../../data'
import { ActionError, callAction } from '../../../services/cloud'
import { openSpreadsheet } from '../../../services/documents'
import { PageHeader } from '../../../components/PageHeader'
import { LoadingState } from '../../../components/LoadingState'
import { ErrorState } from '../../../components/ErrorState'
import { EmptyState } from '../../../components/EmptyState'
import { PagedList } from '../../../components/PagedList'
import { CAN_SCAN, CodeInput, ScanButton, scanQr } from '../../../components/CodeEntry'
import { Button } from '../../../ui/nutui'
import { formatMoney } from '@shared/domain/money'
import { kindLabel, yuanText } from '../../../pages/benefits/view'
import { attemptFor, defaultRange, pickPoint, POINT_STORAGE_KEY, redeemWith, redemptionWhereText, settlementTotals, type RedeemAttempt } from './redeem'
import './index.scss'
import { calendarDayText } from '@shared/domain/time'

type Tab = 'redeem' | 'history' | 'settle'
const TABS: ReadonlyArray<{ key: Tab; text: string }> = [
  { key: 'redeem', text: '核销' },
  { key: 'history', text: '核销记录' },
  { key: 'settle', text: '对账' },
]

/** 福利核销: for shop clerks and the union office — scan or type a member's code, check, confirm; records; 对账. */
export default function RedeemPage() {
  const points = useQuery('benefit.points', {}, { silent: true })
  const [tab, setTab] = useState<Tab>('redeem')
  const [pointId, setPointId] = useState('')
  const list = points.data ?? []

  // The counter this phone served last, while the clerk still serves it.
  useEffect(() => {
    if (!points.data) return
    let remembered: unknown = ''
    try {
      remembered = Taro.getStorageSync(POINT_STORAGE_KEY)
    } catch {
      remembered = ''
    }
    setPointId((current) => pickPoint(points.data!, current || remembered))
  }, [points.data])

  const choosePoint = (id: string) => {
    setPointId(id)
    try {
      Taro.setStorageSync(POINT_STORAGE_KEY, id)
    } catch {
      // Remembering is a nicety.
    }
  }

  const point = list.find((p) => p.id === pointId)

  return (
    <View className="page page-redeem">
      <PageHeader title="福利核销" subtitle={point ? `当前兑换点：${point.name}` : undefined} />
      {points.loading && !points.data ? (
        <LoadingState rows={3} />
      ) : points.error ? (
        <ErrorState error={points.error} onRetry={() => void points.reload()} art="benefits" />
      ) : list.length === 0 ? (
        <EmptyState
          className="redeem-no-points"
          title="还没有为你指定兑换点"
          description="请联系工会管理员，在会员管理里为你设置「核销员」和所在兑换点"
          art="benefits"
        />
      ) : (
        <>
          <View className="redeem-tabs">
            {TABS.map((t) => (
              <View key={t.key} className={`redeem-tab redeem-tab--${t.key}${tab === t.key ? ' redeem-tab--on' : ''}`} onClick={() => setTab(t.key)}>
                {t.text}
              </View>
            ))}
          </View>
          {tab !== 'history' ? <PointChips points={list} value={pointId} onChange={choosePoint} /> : null}
          {tab === 'redeem' && point ? <RedeemPanel point={point} /> : null}
          {tab === 'history' ? <History /> : null}
          {tab === 'settle' && point ? <Settlement point={point} /> : null}
        </>
      )}
    </View>
  )
}

function PointChips({ points, value, onChange }: { points: readonly PointView[]; value: string; onChange: (id: string) => void }) {
  if (points.length < 2) return null
  return (
    <View className="redeem-points">
      {points.map((p) => (
        <View key={p.id} className={`redeem-point${p.id === value ? ' redeem-point--on' : ''}`} data-point-id={p.id} onClick={() => onChange(p.id)}>
          {p.name}
        </View>
      ))}
    </View>
  )
}

type Step =
  | { kind: 'idle' }
  | { kind: 'inspecting' }
  | { kind: 'preview'; preview: VoucherPreview; attempt: RedeemAttempt; busy: boolean; unsure?: string }
  | { kind: 'done'; redemption: Redemption }
  | { kind: 'refused'; message: string }

/** Scan or type → what to hand over → 确认核销 → done or the reason; 下一位 starts again. */
export function RedeemPanel({ point }: { point: PointView }) {
  const [typed, setTyped] = useState('')
  const [step, setStep] = useState<Step>({ kind: 'idle' })

  // Another counter: whatever was on screen belonged to the old one.
  useEffect(() => {
    setStep({ kind: 'idle' })
    setTyped('')
  }, [point.id])

  const inspect = async (code: string) => {
    if (!code || step.kind === 'inspecting') return
    setStep({ kind: 'inspecting' })
    try {
      const preview = await callAction('benefit.inspect', { code, pointId: point.id }, { silent: true })
      // One requestId per confirmation: made here, reused by every retry of this one.
      setStep({ kind: 'preview', preview, attempt: attemptFor(preview.ticket), busy: false })
    } catch (err) {
      setStep({ kind: 'refused', message: err instanceof ActionError ? err.message : String(err) })
    }
  }

  const confirm = async () => {
    if (step.kind !== 'preview' || step.busy) return
    const { preview, attempt } = step
    setStep({ ...step, busy: true, unsure: undefined })
    const outcome = await redeemWith(attempt, (input) => callAction('benefit.redeem', input, { silent: true }))
    if (outcome.kind === 'done') {
      setStep({ kind: 'done', redemption: outcome.redemption })
      setTyped('')
      if (process.env.TARO_ENV === 'weapp') void Taro.vibrateShort({ type: 'medium' }).catch(() => undefined)
    } else if (outcome.kind === 'unknown') setStep({ kind: 'preview', preview, attempt, busy: false, unsure: outcome.message })
    else setStep({ kind: 'refused', message: outcome.message })
  }

  const scan = async () => {
    const code = await scanQr(() => setStep({ kind: 'refused', message: '没有扫到券码，请再试一次，或输入 6 位数字' }))
    if (code) await inspect(code)
  }

  const next = () => {
    setStep({ kind: 'idle' })
    setTyped('')
    if (CAN_SCAN) void scan()
  }

  const onType = (digits: string) => {
    setTyped(digits)
    // Six digits are a whole code: look it up at once.
    if (digits.length === 6) void inspect(digits)
  }

  if (step.kind === 'preview') {
    const p = step.preview
    return (
      <View className="redeem-preview">
        <View className="redeem-preview__head">
          <Text className="redeem-preview__kind">{kindLabel(p.kind)}</Text>
          <Text className="redeem-preview__campaign">{p.campaignName}</Text>
        </View>
        <View className="redeem-preview__option">{p.optionName ?? '（无需选择礼品）'}</View>
        <View className="redeem-preview__value">面值 {yuanText(p.faceValue)}</View>
        <View className="redeem-preview__member">
          {p.memberName}
          {p.department ? <Text className="redeem-preview__department"> · {p.department}</Text> : null}
        </View>
        <View className="redeem-preview__point">兑换点：{p.pointName}</View>
        {step.unsure ? <View className="redeem-unsure">{step.unsure}</View> : null}
        <View className="redeem-preview__actions">
          <Button className="redeem-cancel" fill="outline" disabled={step.busy} onClick={() => setStep({ kind: 'idle' })}>
            取消
          </Button>
          <Button className="redeem-confirm" type="primary" loading={step.busy} onClick={() => void confirm()}>
            {step.unsure ? '重试核销' : '确认核销'}
          </Button>
        </View>
      </View>
    )
  }

  if (step.kind === 'done') {
    const r = step.redemption
    return (
      <View className="redeem-result redeem-result--ok">
        <View className="redeem-result__title">✓ 核销成功</View>
        <View className="redeem-result__text">
          {r.campaignName}
          {r.optionName ? ` · ${r.optionName}` : ''}
        </View>
        <View className="redeem-result__text">
          {r.memberName} · {redemptionWhereText(r)}
        </View>
        <Button className="redeem-next" type="primary" block onClick={next}>
          下一位
        </Button>
      </View>
    )
  }

  if (step.kind === 'refused') {
    return (
      <View className="redeem-result redeem-result--refused" aria-live="polite">
        <View className="redeem-result__title">✗ 不能核销</View>
        <View className="redeem-result__message">{step.message}</View>
        <Button className="redeem-next" type="primary" block onClick={next}>
          下一位
        </Button>
      </View>
    )
  }

  const inspecting = step.kind === 'inspecting'
  const entry = { value: typed, busy: inspecting, canSend: !inspecting && typed.length === 6, onDigits: onType, onSend: () => void inspect(typed) }
  return (
    <View className="redeem-entry">
      <View className="redeem-entry__hint">{CAN_SCAN ? '请扫描会员出示的券码，或输入券码下方的 6 位数字' : '请输入会员券码下方的 6 位数字'}</View>
      <ScanButton className="redeem-scan" busy={inspecting} onScan={() => void scan()}>
        扫码核销
      </ScanButton>
      <CodeInput name="redeem" button={{ className: 'redeem-lookup', text: '查询' }} placeholder="6 位数字券码" {...entry} />
      {inspecting ? <View className="redeem-entry__busy">正在查询券码…</View> : null}
    </View>
  )
}

function History() {
  const list = usePagedQuery('benefit.redemptions', {})
  return (
    <PagedList
      list={list}
      name="redeem"
      listClass="redeem-history"
      endText={(total) => `共 ${total} 条，已经到底了`}
      art="benefits"
      loadingRows={4}
      loadingText="正在加载核销记录…"
      empty={{ title: '还没有核销记录', description: '为会员核销福利券后，会按时间列在这里', className: 'redeem-history-empty' }}
      itemKey={(r) => r.voucherId}
      renderItem={(r) => (
        <View className="redeem-record" data-voucher-id={r.voucherId}>
          <View className="redeem-record__top">
            <Text className="redeem-record__member">{r.memberName}</Text>
            {r.proxy ? <Text className="redeem-record__proxy">代领</Text> : null}
          </View>
          <View className="redeem-record__what">
            {r.campaignName}
            {r.optionName ? ` · ${r.optionName}` : ''}
          </View>
          <View className="redeem-record__when">{redemptionWhereText(r)}</View>
          {r.proxy ? <View className="redeem-record__reason">代领原因：{r.proxy.reason}</View> : null}
        </View>
      )}
    />
  )
}

type Settled = { url: string; days: readonly { date: string; count: number; amount: number }[]; pointName: string; from: string; to: string }

function Settlement({ point }: { point: PointView }) {
  const [range, setRange] = useState(() => defaultRange())
  const [result, setResult] = useState<Settled>()
  // The query's failure is shown in place (m.error), not toasted.
  const m = useMutation<'query'>()
  const busy = m.busy === 'query'
  const failure = m.error

  const query = async () => {
    if (busy) return
    if (range.from > range.to) return void Taro.showToast({ title: '开始日期不能晚于结束日期', icon: 'none' })
    const asked = { pointName: point.name, ...range }
    const res = await m.run('query', () => callAction('benefit.settlement', { pointId: point.id, from: range.from, to: range.to }, { silent: true }))
    setResult(res && { ...res, ...asked })
  }

  const totals = result ? settlementTotals(result.days) : undefined

  return (
    <View className="redeem-settle">
      <View className="redeem-card">
        <View className="redeem-dates">
          <Picker mode="date" value={range.from} onChange={(e) => setRange((r) => ({ ...r, from: String(e.detail.value) }))}>
            <View className="redeem-date redeem-date--from">{calendarDayText(range.from, new Date())}</View>
          </Picker>
          <Text className="redeem-dates__to">至</Text>
          <Picker mode="date" value={range.to} onChange={(e) => setRange((r) => ({ ...r, to: String(e.detail.value) }))}>
            <View className="redeem-date redeem-date--to">{calendarDayText(range.to, new Date())}</View>
          </Picker>
        </View>
        <Button className="redeem-settle-query" type="primary" block loading={busy} onClick={() => void query()}>
          查询 {point.name} 的核销
        </Button>
      </View>
      {busy && !result ? (
        <LoadingState rows={3} text="正在汇总…" />
      ) : failure ? (
        <ErrorState error={failure} onRetry={() => void query()} art="benefits" />
      ) : result && totals ? (
        result.days.length === 0 ? (
          <EmptyState
            className="redeem-settle-empty"
            title="这段时间没有核销记录"
            description={`${result.pointName} · ${calendarDayText(result.from, new Date())}—${calendarDayText(result.to, new Date())}`}
            art="benefits"
          />
        ) : (
          <View className="redeem-card redeem-settle-result">
            <View className="redeem-settle-result__title">
              {result.pointName} · {result.from} 至 {result.to}
            </View>
            <View className="redeem-day redeem-day--head">
              <Text className="redeem-day__date">日期</Text>
              <Text className="redeem-day__count">份数</Text>
              <Text className="redeem-day__amount">金额（元）</Text>
            </View>
            {result.days.map((d) => (
              <View key={d.date} className="redeem-day" data-date={d.date}>
                <Text className="redeem-day__date">{calendarDayText(d.date, new Date())}</Text>
                <Text className="redeem-day__count">{d.count}</Text>
                <Text className="redeem-day__amount">{formatMoney(d.amount)}</Text>
              </View>
            ))}
            <View className="redeem-day redeem-day--total">
              <Text className="redeem-day__date">合计</Text>
              <Text className="redeem-day__count">{totals.count}</Text>
              <Text className="redeem-day__amount">{formatMoney(totals.amount)}</Text>
            </View>
            {result.url ? (
              <Button className="redeem-settle-download" fill="outline" block onClick={() => void openSpreadsheet(result.url)}>
                下载对账表（Excel）
              </Button>
            ) : null}
          </View>
        )
      ) : (
        <View className="redeem-settle-hint">选好日期后点「查询」，按天列出份数和金额，并可下载对账表。</View>
      )}
    </View>
  )
}
