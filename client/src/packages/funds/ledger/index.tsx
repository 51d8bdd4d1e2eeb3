import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import type { LedgerRow } from '@shared/contract'
import { CORRECTION_REASON } from '@shared/contract/funds.fields'
import { useMutation, usePagedQuery } from '../../../data'
import { callAction } from '../../../services/cloud'
import { PageHeader } from '../../../components/PageHeader'
import { ConfirmRow } from '../../../components/ConfirmRow'
import { signedYuan, timeText } from '../../../constants/funds'
import { FundsGate } from '../shared/FundsGate'
import { FundList } from '../shared/FundList'
import { useLinkedYear, YearSwitch } from '../shared/YearSwitch'
import { BUDGET_LINES, BUDGET_LINE_LABELS, SOURCE_LABELS, type BudgetLine } from '../shared/view'
import '../shared/funds.scss'
import './index.scss'

/** 台账: every posting of the year, newest first, by line; admins 冲正 an entry (a new reversing one). */
export default function FundsLedgerPage() {
  const [year, setYear] = useLinkedYear()
  const [line, setLine] = useState<BudgetLine | ''>('')
  return (
    <View className="page page-funds-ledger">
      <PageHeader title="台账" subtitle="承诺与支出逐笔记录，金额单位：元" />
      <FundsGate>
        {({ canChange }) => (
          <>
            <YearSwitch year={year} onChange={setYear} />
            <View className="fund-note ledger-rule">
              已记账的分录不会被修改或删除。记错了由管理员「冲正」：另记一笔金额相反的分录，两笔都留在台账和审计记录里。
            </View>
            <View className="fund-chips ledger-lines">
              <View className={`fund-chip ledger-line-filter${line === '' ? ' fund-chip--on' : ''}`} data-line="" onClick={() => setLine('')}>
                全部
              </View>
              {BUDGET_LINES.map((l) => (
                <View key={l} className={`fund-chip ledger-line-filter${line === l ? ' fund-chip--on' : ''}`} data-line={l} onClick={() => setLine(l)}>
                  {BUDGET_LINE_LABELS[l]}
                </View>
              ))}
            </View>
            <LedgerList key={`${year}:${line}`} year={year} line={line} canChange={canChange} />
          </>
        )}
      </FundsGate>
    </View>
  )
}

function LedgerList({ year, line, canChange }: { year: number; line: BudgetLine | ''; canChange: boolean }) {
  const list = usePagedQuery('funds.ledger', line ? { year, line } : { year })
  return (
    <FundList
      list={list}
      name="ledger"
      unit="笔"
      counted="笔分录"
      art="benefits"
      empty={{
        title: `${year} 年${line ? `「${BUDGET_LINE_LABELS[line]}」` : ''}还没有分录`,
        description: '福利发放与核销、活动报销审批通过、帮扶慰问发放后，都会自动记入台账',
      }}
      renderItem={(r) => <LedgerRowView row={r} canChange={canChange} onCorrected={() => void list.reload()} />}
    />
  )
}

function LedgerRowView({ row: r, canChange, onCorrected }: { row: LedgerRow; canChange: boolean; onCorrected: () => void }) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState('')
  const m = useMutation()
  const correctable = canChange && !r.reverses && !r.reversedBy

  const correct = async () => {
    if (m.busy) return
    const text = reason.trim()
    if (text.length < CORRECTION_REASON.min) return setError(`请写明冲正原因（至少 ${CORRECTION_REASON.min} 个字）`)
    setError('')
    const done = await m.run('save', () => callAction('funds.correct', { entryId: r.id, reason: text }, { silent: true }), {
      invalidates: ['funds'],
      onError: (err) => setError(err.message),
    })
    if (!done) return
    void Taro.showToast({ title: '已冲正：另记了一笔金额相反的分录', icon: 'none' })
    setOpen(false)
    onCorrected()
  }

  return (
    <View className={`ledger-row${r.reverses ? ' ledger-row--correction' : ''}${r.reversedBy ? ' ledger-row--reversed' : ''}`} data-entry-id={r.id}>
      <View className="ledger-row__head">
        <Text className="ledger-row__line">{r.lineName}</Text>
        <Text className="fund-tag ledger-row__source">{SOURCE_LABELS[r.source.type] ?? r.source.type}</Text>
        {r.reverses ? <Text className="fund-tag fund-tag--correction ledger-row__mark ledger-row__mark--correction">冲正分录</Text> : null}
        {r.reversedBy ? <Text className="fund-tag fund-tag--reversed ledger-row__mark ledger-row__mark--reversed">已冲正</Text> : null}
      </View>
      <View className="ledger-row__memo">{r.memo}</View>
      <View className="ledger-row__amounts">
        <Text className="ledger-row__committed">承诺变动 {signedYuan(r.committed)}</Text>
        <Text className="ledger-row__spent">支出 {signedYuan(r.spent)}</Text>
      </View>
      <View className="ledger-row__meta">
        <Text className="ledger-row__time">{timeText(r.at)}</Text>
        <Text className="ledger-row__by"> · 经办 {r.by}</Text>
      </View>
      {correctable && !open ? (
        <View
          className="ledger-correct-open"
          onClick={() => {
            setOpen(true)
            setReason('')
            setError('')
          }}
        >
          冲正
        </View>
      ) : null}
      {open ? (
        <View className="ledger-correct">
          <View className="fund-muted">冲正不改这笔分录，而是另记一笔金额相反的分录，并记入审计记录。</View>
          <Input
            className="fund-input ledger-correct-reason"
            value={reason}
            maxlength={CORRECTION_REASON.max}
            placeholder="冲正原因，如：发票重复报销"
            onInput={(e) => setReason(e.detail.value)}
          />
          {error ? <View className="fund-error ledger-correct-error">{error}</View> : null}
          <ConfirmRow
            className="ledger-correct__actions"
            confirmClass="ledger-correct-confirm"
            busy={m.busy === 'save'}
            onCancel={() => setOpen(false)}
            onConfirm={() => void correct()}
          >
            确认冲正
          </ConfirmRow>
        </View>
      ) : null}
    </View>
  )
}
