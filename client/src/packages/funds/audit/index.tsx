import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { AuditRow } from '@shared/contract'
import { useMutation, usePagedQuery } from '../../../data'
import { callAction } from '../../../services/cloud'
import { PageHeader } from '../../../components/PageHeader'
import { Button } from '../../../ui/nutui'
import { timeText } from '../../../constants/funds'
import { FundsGate } from '../shared/FundsGate'
import { FundList } from '../shared/FundList'
import { actionLabel, checkText, lastSeenText, TRUNCATION_ADVICE, type ChainCheck } from '../shared/view'
import '../shared/funds.scss'
import './index.scss'

/** 审计记录: every change to budgets, roles, approvals, corrections and closings, chained; one button checks the chain. */
export default function FundsAuditPage() {
  return (
    <View className="page page-funds-audit">
      <PageHeader title="审计记录" subtitle="每条记录都连着上一条，改动或删除任何一条都能查出来" />
      <FundsGate>{() => <AuditView />}</FundsGate>
    </View>
  )
}

function AuditView() {
  const list = usePagedQuery('funds.auditLog', {})
  return (
    <>
      {/* The check seals pending ledger entries first (a new 封存 entry): the list loads again after it. */}
      <Verify onChecked={() => void list.reload()} />
      <FundList
        list={list}
        name="audit"
        unit="条"
        art="me"
        empty={{ title: '还没有审计记录', description: '调整预算、审批报销、设置角色、冲正和结账后，都会在这里留下记录' }}
        itemKey={(row) => String(row.seq)}
        renderItem={(row) => <AuditRowView row={row} />}
      />
    </>
  )
}

function Verify({ onChecked }: { onChecked: () => void }) {
  const m = useMutation<'verify'>()
  const busy = m.busy === 'verify'
  const [check, setCheck] = useState<ChainCheck | null>(null)
  const [error, setError] = useState('')

  const verify = async () => {
    if (busy) return
    setError('')
    const checked = await m.run('verify', () => callAction('funds.verify', {}, { silent: true }), {
      onError: (err) => {
        setCheck(null)
        setError(err.message)
      },
    })
    if (!checked) return
    setCheck(checked)
    onChecked()
  }

  return (
    <View className="fund-card audit-verify">
      <View className="fund-card__note audit-verify__note">
        校验会逐条核对审计记录的前后链接、台账分录是否与封存时一致，并与公开栏公布的条数和您上次校验时看到的记录比对，最新的记录被删掉也能查出来。
      </View>
      <Button className="audit-verify-button" type="primary" block size="large" loading={busy} onClick={() => void verify()}>
        {busy ? '正在校验…' : '校验审计链'}
      </Button>
      {check ? (
        <>
          <View className={`audit-result ${check.ok ? 'audit-result--ok' : 'audit-result--broken'}${check.truncation ? ' audit-result--truncated' : ''}`}>
            {check.ok ? '✓ ' : '✗ '}
            {checkText(check)}
          </View>
          {check.truncation ? <View className="fund-card__note audit-truncation-advice">{TRUNCATION_ADVICE}</View> : null}
          <View className="fund-card__note audit-last-seen">{lastSeenText(check)}</View>
        </>
      ) : null}
      {error ? <View className="fund-error audit-error">{error}</View> : null}
    </View>
  )
}

function AuditRowView({ row: r }: { row: AuditRow }) {
  return (
    <View className="audit-row" data-seq={r.seq} data-action={r.action}>
      <Text className="audit-row__seq">#{r.seq}</Text>
      <View className="audit-row__body">
        <View className="audit-row__action">{actionLabel(r.action)}</View>
        <View className="audit-row__target">{r.target}</View>
        <View className="audit-row__meta">
          {timeText(r.at)} · {r.actor}
        </View>
      </View>
    </View>
  )
}
