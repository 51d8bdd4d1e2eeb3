import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Input, Text, View } from '@tarojs/components'
import type { ExpenseView } from '@shared/contract'
import { FUNDS_TEXT_MAX } from '@shared/contract/funds.fields'
import { formatMoney } from '@shared/domain/money'
import { useMutation, usePagedQuery } from '../../../data'
import { callAction } from '../../../services/cloud'
import { PageHeader } from '../../../components/PageHeader'
import { ConfirmRow } from '../../../components/ConfirmRow'
import { Button } from '../../../ui/nutui'
import { EXPENSE_STATUSES, EXPENSE_STATUS_LABELS, timeText, yuanText } from '../../../constants/funds'
import { FundsGate } from '../shared/FundsGate'
import { FundList } from '../shared/FundList'
import '../shared/funds.scss'
import './index.scss'

type Status = ExpenseView['status']

const EMPTY: Readonly<Record<Status, string>> = {
  pending: '没有待审批的报销',
  approved: '还没有审批通过的报销',
  rejected: '没有退回的报销',
}

/** 报销审批: activity expense claims by status; a claim opens to its items, total and invoice photos; admins approve or return it. */
export default function FundsExpensesPage() {
  const [status, setStatus] = useState<Status>('pending')
  return (
    <View className="page page-funds-expenses">
      <FundsGate>
        {({ canChange }) => (
          <>
            <PageHeader title={canChange ? '报销审批' : '报销记录'} subtitle="活动费用报销：明细、发票照片与审批结果" />
            <View className="fund-chips expense-tabs">
              {EXPENSE_STATUSES.map((s) => (
                <View key={s} className={`fund-chip expense-tab expense-tab--${s}${status === s ? ' fund-chip--on' : ''}`} onClick={() => setStatus(s)}>
                  {EXPENSE_STATUS_LABELS[s]}
                </View>
              ))}
            </View>
            <ExpenseList key={status} status={status} canChange={canChange} />
          </>
        )}
      </FundsGate>
    </View>
  )
}

function ExpenseList({ status, canChange }: { status: Status; canChange: boolean }) {
  const list = usePagedQuery('funds.expenses', { status })
  return (
    <FundList
      list={list}
      name="expenses"
      unit="笔"
      art="activities"
      empty={{ title: EMPTY[status], description: '活动组织者在活动的「报名名单」页提交报销后，会出现在这里' }}
      renderItem={(e) => <ExpenseCard expense={e} canChange={canChange} onDecided={() => void list.reload()} />}
    />
  )
}

function ExpenseItems({ expense: e }: { expense: Pick<ExpenseView, 'items' | 'amount'> }) {
  return (
    <View className="expense-items">
      <View className="expense-items__row expense-items__row--head">
        <Text className="expense-items__name">名称</Text>
        <Text className="expense-items__qty">数量</Text>
        <Text className="expense-items__price">单价</Text>
        <Text className="expense-items__sum">小计</Text>
      </View>
      {e.items.map((i, n) => (
        <View key={n} className="expense-items__row expense-item">
          <Text className="expense-items__name">{i.name}</Text>
          <Text className="expense-items__qty">{i.quantity}</Text>
          <Text className="expense-items__price">{formatMoney(i.unitPrice)}</Text>
          <Text className="expense-items__sum">{formatMoney(i.quantity * i.unitPrice)}</Text>
        </View>
      ))}
      <View className="expense-items__row expense-items__row--total">
        <Text className="expense-items__name">合计（元）</Text>
        <Text className="expense-items__total">{formatMoney(e.amount)}</Text>
      </View>
    </View>
  )
}

function ExpenseCard({ expense: e, canChange, onDecided }: { expense: ExpenseView; canChange: boolean; onDecided: () => void }) {
  const [open, setOpen] = useState(false)
  const [returning, setReturning] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState('')
  const m = useMutation()
  const busy = m.busy === 'save'
  const decidable = canChange && e.status === 'pending'

  const decide = async (approve: boolean) => {
    if (busy) return
    const why = reason.trim()
    if (!approve && !why) return setError('退回时请写明原因')
    if (approve) {
      const { confirm } = await Taro.showModal({
        title: '通过这笔报销？',
        content: `${yuanText(e.amount)}将从「文体活动」预算中支出，记入台账。`,
        confirmText: '通过',
      })
      if (!confirm) return
    }
    setError('')
    const decided = await m.run('save', () => callAction('funds.decideExpense', { id: e.id, approve, reason: approve ? '' : why }, { silent: true }), {
      invalidates: ['funds'],
      onError: (err) => setError(err.message),
    })
    if (!decided) return
    void Taro.showToast({ title: approve ? '已审批通过' : '已退回', icon: 'none' })
    onDecided()
  }

  return (
    <View className={`fund-card expense-card expense-card--${e.status}`} data-expense-id={e.id}>
      <View className="expense-card__head" onClick={() => setOpen(!open)}>
        <View className="expense-card__top">
          <Text className="expense-card__title">{e.activityTitle}</Text>
          <Text className="expense-card__amount">{yuanText(e.amount)}</Text>
        </View>
        <View className="expense-card__meta">
          {e.requestedBy} · {timeText(e.requestedAt)} 提交
          <Text className={`fund-tag fund-tag--${e.status} expense-card__status`}>{EXPENSE_STATUS_LABELS[e.status]}</Text>
          <Text className="expense-card__toggle">{open ? '收起' : '查看明细'}</Text>
        </View>
      </View>
      {open ? (
        <View className="expense-detail">
          <ExpenseItems expense={e} />
          <View className="expense-detail__label">发票照片（点击查看大图）</View>
          {e.invoiceUrls.length ? (
            <View className="expense-invoices">
              {e.invoiceUrls.map((url) => (
                <Image
                  key={url}
                  className="expense-invoice"
                  src={url}
                  mode="aspectFill"
                  lazyLoad
                  onClick={() => void Taro.previewImage({ current: url, urls: [...e.invoiceUrls] })}
                />
              ))}
            </View>
          ) : (
            <View className="fund-muted">发票照片暂时无法显示，请稍后再试</View>
          )}
          {e.status !== 'pending' ? (
            <View className="expense-decision">
              {e.decidedBy ?? '管理员'} 于 {e.decidedAt ? timeText(e.decidedAt) : '—'} {e.status === 'approved' ? '审批通过' : '退回'}
              {e.reason ? `，原因：${e.reason}` : ''}
            </View>
          ) : null}
          {decidable ? (
            <View className="expense-decide">
              {returning ? (
                <>
                  <Input
                    className="fund-input expense-return-reason"
                    value={reason}
                    maxlength={FUNDS_TEXT_MAX.expenseReason}
                    placeholder="退回原因，如：发票抬头不对"
                    onInput={(ev) => setReason(ev.detail.value)}
                  />
                  <ConfirmRow
                    className="fund-actions"
                    confirmClass="expense-return-confirm"
                    busy={busy}
                    onCancel={() => setReturning(false)}
                    onConfirm={() => void decide(false)}
                  >
                    确认退回
                  </ConfirmRow>
                </>
              ) : (
                <View className="fund-actions">
                  <Button className="expense-approve" size="small" type="primary" loading={busy} onClick={() => void decide(true)}>
                    通过
                  </Button>
                  <Button
                    className="expense-return"
                    size="small"
                    type="primary"
                    fill="outline"
                    onClick={() => {
                      setReturning(true)
                      setError('')
                    }}
                  >
                    退回
                  </Button>
                </View>
              )}
            </View>
          ) : null}
          {error ? <View className="fund-error expense-error">{error}</View> : null}
        </View>
      ) : null}
    </View>
  )
}
