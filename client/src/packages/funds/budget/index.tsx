import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import type { BudgetView } from '@shared/contract'
import { formatMoney, formatYuan } from '@shared/domain/money'
import { invalidate, setQueryData, useMutation, useQuery } from '../../../data'
import { callAction } from '../../../services/cloud'
import { PageHeader } from '../../../components/PageHeader'
import { QueryView } from '../../../components/QueryView'
import { Button } from '../../../ui/nutui'
import { FundsGate } from '../shared/FundsGate'
import { useLinkedYear, YearSwitch } from '../shared/YearSwitch'
import { BUDGET_LINES, usedOf } from '../shared/view'
import { budgetChangesOf, lineOfField, typedOf, typedTotal, type BudgetErrors, type BudgetTyped } from './form'
import '../shared/funds.scss'
import './index.scss'

/** 预算编制 (admins): the year's amount per line in 元; refusals (below what a line has used) by the line. */
export default function FundsBudgetPage() {
  const [year, setYear] = useLinkedYear()
  return (
    <View className="page page-funds-budget">
      <PageHeader title="预算编制" subtitle="按科目填写经费审查委员会审定的年度预算" />
      <FundsGate adminOnly>
        {() => (
          <>
            <YearSwitch year={year} onChange={setYear} />
            <YearBudget key={year} year={year} />
          </>
        )}
      </FundsGate>
    </View>
  )
}

function YearBudget({ year }: { year: number }) {
  const budget = useQuery('funds.budget', { year }, { silent: true })
  return (
    <QueryView query={budget} rows={5} art="benefits">
      {(view) => <Editor initial={view} />}
    </QueryView>
  )
}

function Editor({ initial }: { initial: BudgetView }) {
  const [view, setView] = useState(initial)
  const [typed, setTyped] = useState<BudgetTyped>(() => typedOf(initial.lines))
  const [errors, setErrors] = useState<BudgetErrors>({})
  const [general, setGeneral] = useState('')
  const m = useMutation()
  const saving = m.busy === 'save'
  const locked = view.closed

  const edit = (line: string, value: string) => {
    setTyped((t) => ({ ...t, [line]: value }))
    setErrors((e) => ({ ...e, [line]: undefined }))
    setGeneral('')
  }

  const save = async () => {
    if (saving || locked) return
    const checked = budgetChangesOf(view.lines, typed)
    if ('errors' in checked) {
      setErrors(checked.errors)
      return
    }
    if (!Object.keys(checked.changes).length) {
      void Taro.showToast({ title: '金额没有改动', icon: 'none' })
      return
    }
    setGeneral('')
    const next = await m.run('save', () => callAction('funds.setBudget', { year: view.year, lines: checked.changes }, { silent: true }), {
      success: '预算已保存',
      onError: (error) => {
        const line = lineOfField(error.details?.field, BUDGET_LINES as readonly string[])
        if (line) setErrors((e) => ({ ...e, [line]: error.message }))
        else setGeneral(error.message)
      },
    })
    if (!next) return
    // 经费概览 and 台账 load again when shown; this year's budget is the answer already here.
    invalidate('funds')
    setQueryData('funds.budget', { year: next.year }, next)
    setView(next)
    setTyped(typedOf(next.lines))
    setErrors({})
  }

  return (
    <>
      <View className="fund-card budget-lines">
        <View className="fund-card__title">{view.year} 年预算（元）</View>
        <View className="fund-card__note">
          {locked ? `${view.year} 年已结账，预算不能再调整。` : '每个科目的预算不能少于它已使用（已承诺 + 已支出）的金额。每次调整都记入审计记录。'}
        </View>
        {view.lines.map((l) => {
          const error = errors[l.line]
          const text = typed[l.line] ?? ''
          const changed = text.trim() !== formatYuan(l.budget)
          return (
            <View key={l.line} className={`budget-line budget-line--${l.line}`} data-line={l.line}>
              <View className="budget-line__head">
                <Text className="budget-line__name">{l.name}</Text>
                <Text className="budget-line__used">已使用 {formatMoney(usedOf(l))} 元</Text>
              </View>
              <Input
                className={`fund-input budget-input${error ? ' fund-input--error' : ''}`}
                type="digit"
                value={text}
                maxlength={13}
                disabled={locked || saving}
                placeholder="如 150000 或 150000.50"
                onInput={(e) => edit(l.line, e.detail.value)}
              />
              {changed && !error ? <View className="fund-muted budget-line__was">原预算 {formatMoney(l.budget)} 元</View> : null}
              {error ? <View className="fund-error budget-line__error">{error}</View> : null}
            </View>
          )
        })}
        <View className="budget-total">
          合计 <Text className="budget-total__value">{formatMoney(typedTotal(view.lines, typed))}</Text> 元
        </View>
      </View>
      {general ? <View className="fund-error budget-error">{general}</View> : null}
      {locked ? null : (
        <View className="budget-submit">
          <Button className="budget-save" type="primary" block loading={saving} onClick={() => void save()}>
            保存预算
          </Button>
        </View>
      )}
    </>
  )
}
