/**
 * How the funds read to admins and the audit committee: execution rates, bar widths, ledger sources
 * and audit actions in Chinese words. Pure functions of the contract's views.
 */
import type { ActionOutput, LedgerRow } from '@shared/contract'
import { BUDGET_LINES, BUDGET_LINE_LABELS, type BudgetLine, type LineExecution } from '@shared/domain/funds'
import { timeText } from '../../../constants/funds'

export { BUDGET_LINES, BUDGET_LINE_LABELS, type BudgetLine }

type Usage = Pick<LineExecution, 'budget' | 'committed' | 'spent'>

/** Committed and spent together: what the line has used of its budget. */
export const usedOf = (l: Usage): number => l.committed + l.spent

/** 执行率 in percent ((committed + spent) ÷ budget, as in the report), or null without a budget. */
export const executionRate = (l: Usage): number | null => (l.budget > 0 ? (100 * usedOf(l)) / l.budget : null)

/** 「62.5%」; 「未编预算」 when money moved on a line without a budget; 「—」 when nothing at all. */
export function rateText(l: Usage): string {
  const rate = executionRate(l)
  if (rate !== null) return `${rate.toFixed(1)}%`
  return usedOf(l) ? '未编预算' : '—'
}

/** The smallest width a non-zero part is drawn with, so a little spending still shows. */
export const MIN_PART_PERCENT = 1

/**
 * Widths (percent of the track) of the parts of a horizontal stacked bar whose full length is
 * `scale` — or the parts' sum when they go past it (an overrun fills the bar). Negative parts draw
 * nothing; a non-zero part is at least MIN_PART_PERCENT wide; together they never pass 100.
 */
export function barWidths(values: readonly number[], scale: number): number[] {
  const parts = values.map((v) => (Number.isFinite(v) && v > 0 ? v : 0))
  const full = Math.max(
    scale > 0 ? scale : 0,
    parts.reduce((a, b) => a + b, 0),
  )
  if (full <= 0) return parts.map(() => 0)
  const tenth = (n: number) => Math.round(n * 10) / 10
  const widths = parts.map((v) => (v > 0 ? Math.max(MIN_PART_PERCENT, tenth((100 * v) / full)) : 0))
  // Rounding and the minimum may pass the end: take the difference from the widest part.
  const excess = tenth(widths.reduce((a, b) => a + b, 0) - 100)
  if (excess > 0) {
    const widest = widths.indexOf(Math.max(...widths))
    widths[widest] = tenth(widths[widest] - excess)
  }
  return widths
}

/** A line used more than its budget (only possible if the budget was cut by another path, or none was set). */
export const isOver = (l: Usage): boolean => usedOf(l) > l.budget

export const SOURCE_LABELS: Readonly<Record<LedgerRow['source']['type'], string>> = {
  hardship: '帮扶慰问',
  benefit: '福利发放',
  activity: '活动费用',
  correction: '冲正',
}

/** Audit trail actions in the committee's words; any code not listed shows as itself. */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'budget.set': '调整年度预算',
  'year.close': '年度结账',
  'expense.approve': '通过活动报销',
  'expense.reject': '退回活动报销',
  'ledger.seal': '封存分录（供校验）',
  'ledger.correct': '冲正分录',
  'campaign.create': '新建福利发放',
  'roles.set': '设置会员角色',
  'hardship.submit': '提交帮扶申请',
  'hardship.resubmit': '重新提交帮扶申请',
  'hardship.withdraw': '撤回帮扶申请',
  'hardship.take': '受理帮扶申请',
  'hardship.approve': '批准帮扶申请',
  'hardship.return': '退回帮扶申请（补充材料）',
  'hardship.reject': '不予帮扶',
  'hardship.pay': '发放帮扶慰问金',
  'hardship.savePolicy': '修改帮扶慰问标准',
  'hardship.policy': '修改帮扶慰问标准',
  'hardship.saveFile': '修改困难职工档案',
  'hardship.addVisit': '登记走访慰问',
}

export function actionLabel(code: string): string {
  const known = AUDIT_ACTION_LABELS[code]
  if (known) return known
  // A hardship step added later still reads as belonging to 帮扶慰问.
  if (code.startsWith('hardship.')) return `帮扶慰问（${code.slice('hardship.'.length)}）`
  return code
}

export type ChainCheck = ActionOutput<'funds.verify'>

/** 「校验审计链」's answer: 「完整（已校验 N 条）」, the cut-off tail, or the first broken entry and why (shown in red). */
export function checkText(check: ChainCheck): string {
  if (check.ok) return `完整（已校验 ${check.checked} 条）`
  if (check.truncation) return `最新的账目记录不见了：${check.reason ?? `应有 ${check.truncation.expectedSeq} 条，现在只有 ${check.truncation.actualSeq} 条`}`
  return `第 ${check.brokenAt ?? '?'} 条记录有问题：${check.reason ?? '校验未通过'}`
}

/** What to do about a cut-off tail, for the committee member reading it. */
export const TRUNCATION_ADVICE = '有人在系统之外直接删除了数据库里的记录。请截图保存本次结果，并与工会办公室、公开栏上公布的条数核对。'

/** The line under the result: what this check was compared with (the caller's previous check). */
export function lastSeenText(check: ChainCheck): string | null {
  const seen = check.lastSeen
  if (!seen) return '这是您第一次校验，本次结果会记下，下次校验时用来比对'
  return `您上次校验（${timeText(seen.at)}）时共 ${seen.seq} 条，最新指纹 ${seen.fingerprint}`
}
