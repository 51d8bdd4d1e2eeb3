import { BUDGET_LINE_LABELS, spendingByQuarter } from '@shared/domain/funds'
import { formatYuan } from '@shared/domain/money'
import { formatShanghai } from '@shared/domain/time'
import type { Handler } from '../../_lib/entry'
import { exportSheet } from '../../_lib/export-sheet'
import { loadAuditHead } from '../../_lib/audit'
import { sealLedger } from '../../_lib/ledger'
import { anchorView } from '../audit-anchors.repo'
import { budgetView, movements, yearEntries } from '../budget.repo'

const SOURCE_TEXT = { hardship: '帮扶慰问', benefit: '福利发放', activity: '活动费用', correction: '冲正' } as const

/**
 * 预算执行情况表 for the committee, with the year's entries on a second sheet for the audit
 * committee. Sealed first, so what the report shows is vouched for by the audit chain.
 */
export const fundsReport: Handler<'funds.report'> = async ({ deps, me, input }) => {
  await sealLedger(deps, me.unionId)
  const [view, entries] = await Promise.all([budgetView(deps, me.unionId, input.year), yearEntries(deps, me.unionId, input.year)])
  const yuan = (n: number) => formatYuan(n)
  const { url, fileId } = await exportSheet(
    deps,
    { unionId: me.unionId, baseName: `${input.year}年预算执行情况`, sheetName: '预算执行' },
    [
      { key: 'name', header: '科目' },
      { key: 'budget', header: '预算（元）' },
      { key: 'committed', header: '已承诺（元）' },
      { key: 'spent', header: '已支出（元）' },
      { key: 'remaining', header: '结余（元）' },
      { key: 'rate', header: '执行率' },
    ],
    [...view.lines, { ...view.total, name: '合计' }].map((l) => ({
      name: l.name,
      budget: yuan(l.budget),
      committed: yuan(l.committed),
      spent: yuan(l.spent),
      remaining: yuan(l.remaining),
      rate: l.budget ? `${((100 * (l.committed + l.spent)) / l.budget).toFixed(1)}%` : '—',
    })),
    {
      sheetName: '分录明细',
      columns: [
        { key: 'at', header: '时间', width: 20 },
        { key: 'line', header: '科目' },
        { key: 'source', header: '来源' },
        { key: 'memo', header: '摘要', width: 30 },
        { key: 'committed', header: '承诺变动（元）' },
        { key: 'spent', header: '支出（元）' },
        { key: 'by', header: '经办' },
        { key: 'id', header: '分录编号', width: 40 },
      ],
      rows: entries.map((e) => ({
        at: formatShanghai(e.at),
        line: BUDGET_LINE_LABELS[e.line],
        source: SOURCE_TEXT[e.source.type],
        memo: e.memo,
        committed: yuan(e.committed),
        spent: yuan(e.spent),
        by: e.byName,
        id: e._id,
      })),
    },
  )
  return { ...view, url, fileId }
}

/** 公开栏 (接受会员监督): money paid out per line and quarter; no entry, name or memo leaves the function. */
export const publicSpending: Handler<'funds.public'> = async ({ deps, me, input }) => {
  const [entries, head] = await Promise.all([yearEntries(deps, me.unionId, input.year), loadAuditHead(deps, me.unionId)])
  // The audit chain's head is public on purpose: members who note it can tell if records were cut off later.
  return { year: input.year, ...spendingByQuarter(movements(entries)), auditHead: head ? anchorView(head) : null }
}
