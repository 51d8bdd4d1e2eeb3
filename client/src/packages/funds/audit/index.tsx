import { useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { AuditRow } from '@shared/contract'
import { usePagedAction, type PagedState } from '../../../hooks/usePagedAction'
import { ActionError, callAction } from '../../../services/cloud'
import { PageHeader } from '../../../components/PageHeader'
import { LoadingState } from '../../../components/LoadingState'
import { ErrorState } from '../../../components/ErrorState'
import { EmptyState } from '../../../components/EmptyState'
import { Button } from '../../../ui/nutui'
import { timeText } from '../../../constants/funds'
import { FundsGate } from '../shared/FundsGate'
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
  const list = usePagedAction('funds.auditLog', {}, 20)
  useReachBottom(() => void list.loadMore())
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })
  return (
    <>
      {/* The check seals pending ledger entries first (a new 封存 entry): the list loads again after it. */}
      <Verify onChecked={() => void list.reload()} />
      <AuditList list={list} />
    </>
  )
}

function Verify({ onChecked }: { onChecked: () => void }) {
  const [busy, setBusy] = useState(false)
  const [check, setCheck] = useState<ChainCheck | null>(null)
  const [error, setError] = useState('')

  const run = async () => {
    if (busy) return
    setBusy(true)
    setError('')
    try {
      setCheck(await callAction('funds.verify', {}, { silent: true }))
      onChecked()
    } catch (err) {
      setCheck(null)
      setError(err instanceof ActionError ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="fund-card audit-verify">
      <View className="fund-card__note audit-verify__note">
        校验会逐条核对审计记录的前后链接、台账分录是否与封存时一致，并与公开栏公布的条数和您上次校验时看到的记录比对，最新的记录被删掉也能查出来。
      </View>
      <Button className="audit-verify-button" type="primary" block size="large" loading={busy} onClick={() => void run()}>
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

function AuditList({ list }: { list: PagedState<AuditRow> }) {
  if (list.loading) return <LoadingState rows={4} />
  if (list.error) return <ErrorState error={list.error} onRetry={() => void list.reload()} art="me" />
  if (!list.items.length)
    return <EmptyState className="audit-empty" title="还没有审计记录" description="调整预算、审批报销、设置角色、冲正和结账后，都会在这里留下记录" art="me" />
  return (
    <>
      <View className="audit-list">
        {list.items.map((row) => (
          <AuditRowView key={row.seq} row={row} />
        ))}
      </View>
      <View className="fund-footer">
        {list.hasMore ? (
          <Button className="audit-more" size="small" loading={list.loadingMore} onClick={() => void list.loadMore()}>
            {list.loadingMore ? '正在加载…' : `加载更多（还有 ${list.total - list.items.length} 条）`}
          </Button>
        ) : (
          `共 ${list.total} 条`
        )}
      </View>
    </>
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
