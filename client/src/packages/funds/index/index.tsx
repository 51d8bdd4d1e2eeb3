import { useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { BudgetView } from '@shared/contract'
import type { LineExecution } from '@shared/domain/funds'
import { formatMoney } from '@shared/domain/money'
import { setQueryData, useMutation, useQuery } from '../../../data'
import { callAction } from '../../../services/cloud'
import { PageHeader } from '../../../components/PageHeader'
import { QueryView } from '../../../components/QueryView'
import { ExportButton } from '../../../components/ExportButton'
import { EntryList } from '../../../components/EntryList'
import { LoadingState } from '../../../components/LoadingState'
import { ErrorState } from '../../../components/ErrorState'
import { EmptyState } from '../../../components/EmptyState'
import { Button } from '../../../ui/nutui'
import { ROUTES } from '../../../constants/routes'
import { currentYear } from '../../../constants/funds'
import { Bar } from '../shared/Bar'
import { FundsGate } from '../shared/FundsGate'
import { useLinkedYear, YearSwitch } from '../shared/YearSwitch'
import { isOver, rateText } from '../shared/view'
import '../shared/funds.scss'
import './index.scss'

/**
 * 经费概览 (admins and the audit committee): the year's budget execution per line as stacked bars,
 * participation by department, the execution report and 年度结账, and the way to the other pages.
 */
export default function FundsHomePage() {
  const [year, setYear] = useLinkedYear()
  return (
    <View className="page page-funds">
      <PageHeader title="经费概览" subtitle="预算执行、部门参与度、执行情况表与年度结账" />
      <FundsGate>
        {({ canChange }) => (
          <>
            <YearSwitch year={year} onChange={setYear} />
            <YearView key={year} year={year} canChange={canChange} />
          </>
        )}
      </FundsGate>
    </View>
  )
}

function YearView({ year, canChange }: { year: number; canChange: boolean }) {
  const budget = useQuery('funds.budget', { year }, { silent: true })
  // Back from 预算编制, 台账 or 报销审批 — or after anyone's spending meanwhile (a voucher redeemed, a
  // 慰问 paid), which no change here marks: fresh numbers on every return. (This view mounts after
  // the page's first show, once member.me is in, so any show after the first answer is a return.)
  const loaded = useRef(false)
  if (budget.data) loaded.current = true
  useDidShow(() => {
    if (loaded.current) void budget.reload()
  })
  usePullDownRefresh(() => {
    void budget.reload().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <>
      {budget.loading && !budget.data ? (
        <LoadingState rows={5} text="正在汇总预算执行情况…" />
      ) : budget.error ? (
        <ErrorState error={budget.error} onRetry={() => void budget.reload()} art="benefits" />
      ) : budget.data ? (
        <Execution view={budget.data} canChange={canChange} />
      ) : null}
      <Tools year={year} view={budget.data} canChange={canChange} />
      <Entries year={year} canChange={canChange} />
      <Participation year={year} />
    </>
  )
}

const Legend = () => (
  <View className="fund-legend funds-legend">
    <View className="fund-legend__item">
      <View className="fund-legend__swatch fund-legend__swatch--spent" />
      已支出
    </View>
    <View className="fund-legend__item">
      <View className="fund-legend__swatch fund-legend__swatch--committed" />
      已承诺（已发放未兑现）
    </View>
    <View className="fund-legend__item">
      <View className="fund-legend__swatch" />
      结余
    </View>
  </View>
)

const partsOf = (l: Pick<LineExecution, 'spent' | 'committed'>) => [
  { key: 'spent', value: l.spent },
  { key: 'committed', value: l.committed },
]

function Execution({ view: v, canChange }: { view: BudgetView; canChange: boolean }) {
  const t = v.total
  const nothing = t.budget === 0 && t.committed === 0 && t.spent === 0
  const figures = [
    { key: 'budget', label: '预算', value: t.budget },
    { key: 'committed', label: '已承诺', value: t.committed },
    { key: 'spent', label: '已支出', value: t.spent },
    { key: 'remaining', label: '结余', value: t.remaining },
  ]
  return (
    <>
      <View className="fund-card funds-summary">
        <View className="funds-summary__head">
          <Text className="funds-summary__title">{v.year} 年预算执行</Text>
          {v.closed ? <Text className="fund-tag fund-tag--closed funds-closed">已结账</Text> : null}
          <Text className="funds-summary__rate">
            执行率 <Text className="funds-total-rate">{rateText(t)}</Text>
          </Text>
        </View>
        <Bar parts={partsOf(t)} scale={t.budget} className={`funds-total-bar${isOver(t) && !nothing ? ' fund-bar--over' : ''}`} />
        <View className="funds-figures">
          {figures.map((f) => (
            <View key={f.key} className={`funds-figure funds-figure--${f.key}`}>
              <View className={`funds-figure__value${f.value < 0 ? ' funds-figure__value--over' : ''}`}>{formatMoney(f.value)}</View>
              <View className="funds-figure__label">{f.label}（元）</View>
            </View>
          ))}
        </View>
        <Legend />
      </View>

      {nothing ? (
        <EmptyState
          className="funds-empty"
          title={`还没有编制 ${v.year} 年预算`}
          description={canChange ? '点下方「预算编制」，按科目填写经费审查委员会审定的金额' : '工会管理员编制预算后，各科目的执行情况会显示在这里'}
          art="benefits"
        />
      ) : (
        <View className="fund-card funds-lines">
          <View className="fund-card__title">各科目执行情况</View>
          <View className="fund-card__note">单位：元。执行率 =（已承诺 + 已支出）÷ 预算。</View>
          {v.lines.map((l) => (
            <LineRow key={l.line} line={l} />
          ))}
        </View>
      )}
    </>
  )
}

function LineRow({ line: l }: { line: LineExecution }) {
  const over = isOver(l) && (l.committed !== 0 || l.spent !== 0)
  return (
    <View className={`funds-line funds-line--${l.line}${over ? ' funds-line--over' : ''}`} data-line={l.line}>
      <View className="funds-line__head">
        <Text className="funds-line__name">{l.name}</Text>
        <Text className="funds-line__rate">{rateText(l)}</Text>
      </View>
      <Bar parts={partsOf(l)} scale={l.budget} className={over ? 'fund-bar--over' : undefined} />
      <View className="funds-line__numbers">
        <Text className="funds-line__budget">预算 {formatMoney(l.budget)}</Text>
        <Text className="funds-line__committed">已承诺 {formatMoney(l.committed)}</Text>
        <Text className="funds-line__spent">已支出 {formatMoney(l.spent)}</Text>
        <Text className={`funds-line__remaining${l.remaining < 0 ? ' funds-line__remaining--over' : ''}`}>结余 {formatMoney(l.remaining)}</Text>
      </View>
    </View>
  )
}

/** 导出执行情况表 for everyone here; 年度结账 for admins, once the year is over. */
function Tools({ year, view, canChange }: { year: number; view: BudgetView | undefined; canChange: boolean }) {
  const m = useMutation<'close'>()
  const [closeError, setCloseError] = useState('')
  const closable = year < currentYear()

  const closeYear = async () => {
    if (m.busy) return
    const { confirm } = await Taro.showModal({
      title: `${year} 年结账`,
      content: `结账后 ${year} 年不能再记账、调整预算或冲正。确定结账吗？`,
      confirmText: '确定结账',
      cancelText: '再想想',
    })
    if (!confirm) return
    setCloseError('')
    const closed = await m.run('close', () => callAction('funds.closeYear', { year }, { silent: true }), {
      invalidates: ['funds'],
      onError: (err) => setCloseError(err.message),
    })
    if (!closed) return
    // The answer is the year as now closed: shown above without asking again.
    setQueryData('funds.budget', { year }, closed)
    void Taro.showToast({ title: `${year} 年已结账`, icon: 'none' })
  }

  return (
    <View className="fund-card funds-tools">
      <View className="fund-card__title">报表与结账</View>
      <View className="fund-card__note">执行情况表（Excel）含各科目预算执行和全年分录明细，可交经费审查委员会。</View>
      <View className="fund-actions">
        <ExportButton className="funds-export" action="funds.report" input={{ year }}>
          导出执行情况表
        </ExportButton>
        {canChange && view && !view.closed ? (
          <Button
            className="funds-close"
            type="primary"
            fill="outline"
            size="small"
            loading={m.busy === 'close'}
            disabled={!closable || m.busy === 'close'}
            onClick={() => void closeYear()}
          >
            年度结账
          </Button>
        ) : null}
      </View>
      {canChange && view && !view.closed && !closable ? <View className="fund-muted funds-close-note">{year} 年结束后才能结账。</View> : null}
      {closeError ? <View className="fund-error funds-close-error">{closeError}</View> : null}
    </View>
  )
}

function Entries({ year, canChange }: { year: number; canChange: boolean }) {
  const entries = [
    ...(canChange ? [{ key: 'budget', text: '预算编制', hint: '按科目填写本年度预算（元）', url: `${ROUTES.fundsBudget}?year=${year}` }] : []),
    { key: 'ledger', text: '台账', hint: '每一笔承诺与支出；已记账的分录只冲正、不修改', url: `${ROUTES.fundsLedger}?year=${year}` },
    { key: 'expenses', text: canChange ? '报销审批' : '报销记录', hint: '活动费用报销：明细、发票照片、审批结果', url: ROUTES.fundsExpenses },
    { key: 'audit', text: '审计记录', hint: '预算、审批、冲正、结账都留痕，可一键校验', url: ROUTES.fundsAudit },
  ]
  return <EntryList name="funds" entries={entries} />
}

/** 群众参与度: share of each department's members who took part in at least one event this year. */
function Participation({ year }: { year: number }) {
  const report = useQuery('activity.participation', { year }, { silent: true })
  const r = report.data
  return (
    <View className="fund-card funds-participation">
      <View className="fund-card__title">各部门参与度</View>
      <View className="fund-card__note">参加过至少一次活动的会员占本部门会员的比例{r ? `（全年 ${r.events} 场活动）` : ''}。</View>
      <QueryView query={report} rows={2} art="activities">
        {({ departments }) =>
          departments.length === 0 ? (
            <EmptyState
              className="funds-participation-empty"
              title={`${year} 年还没有部门数据`}
              description="会员报名参加活动后，各部门的参与度会显示在这里"
              art="activities"
            />
          ) : (
            departments.map((d) => (
              <View key={d.department} className="funds-dept" data-department={d.department}>
                <View className="funds-dept__head">
                  <Text className="funds-dept__name">{d.department}</Text>
                  <Text className="funds-dept__rate">{d.rate.toFixed(1)}%</Text>
                </View>
                <Bar parts={[{ key: 'rate', value: d.rate }]} scale={100} />
                <View className="funds-dept__meta">
                  {d.participants} / {d.members} 人参加 · 报名 {d.signUps} 人次 · 签到 {d.checkIns} 人次
                </View>
              </View>
            ))
          )
        }
      </QueryView>
    </View>
  )
}
