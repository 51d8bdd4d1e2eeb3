/**
 * Union funds as pure rules: the budget lines, which line a source spends from, what a line has
 * left, quarters for the members' page, and the checks every posting passes (no zero, negative or
 * absurd amounts; nobody approves their own claim).
 */
import { formatMoney } from './money'
import { inShanghai } from './time'

export const BUDGET_LINES = ['activities', 'holiday', 'cake', 'care', 'hardship', 'training', 'other'] as const
export type BudgetLine = (typeof BUDGET_LINES)[number]
export const BUDGET_LINE_LABELS: Readonly<Record<BudgetLine, string>> = {
  activities: '文体活动',
  holiday: '节日慰问品',
  cake: '蛋糕券',
  care: '会员慰问',
  hardship: '困难帮扶',
  training: '培训',
  other: '其他',
}

/** Which line a benefit campaign or an aid payment draws on. */
export const lineForBenefit = (kind: 'cake' | 'holiday' | 'other'): BudgetLine => (kind === 'cake' ? 'cake' : kind === 'holiday' ? 'holiday' : 'other')
export const lineForAid = (kind: 'care' | 'hardship'): BudgetLine => (kind === 'care' ? 'care' : 'hardship')

/** 一千万元: far above any single posting a 基层工会 makes; larger is a typing error. */
export const MAX_POSTING_FEN = 1_000_000_000

export function amountProblem(amount: number): string | null {
  if (!Number.isSafeInteger(amount)) return '金额必须精确到分'
  if (amount <= 0) return '金额必须大于 0'
  if (amount > MAX_POSTING_FEN) return `金额不能超过 ${formatMoney(MAX_POSTING_FEN)} 元，请核对`
  return null
}

/** 不得超范围超标准: both numbers shown. */
export function remainderProblem(line: BudgetLine, remaining: number, amount: number): string | null {
  return amount > remaining
    ? `超出「${BUDGET_LINE_LABELS[line]}」预算余额：余额 ${formatMoney(Math.max(0, remaining))} 元，本次 ${formatMoney(amount)} 元`
    : null
}

export const selfApprovalProblem = (approverId: string, requesterId: string): string | null =>
  approverId === requesterId ? '不能审批自己提交的报销，请由另一位管理员审批' : null

export interface Movement {
  readonly line: BudgetLine
  /** Signed change to the amount committed (promised, not yet paid). */
  readonly committed: number
  /** Signed change to the amount actually paid out. */
  readonly spent: number
  readonly at: Date
}

export interface LineExecution {
  readonly line: BudgetLine
  readonly name: string
  readonly budget: number
  readonly committed: number
  readonly spent: number
  readonly remaining: number
}

/** Budget execution per line (预算执行): budget, committed, spent, remaining — in 分. */
export function execution(budget: Readonly<Partial<Record<BudgetLine, number>>>, movements: readonly Movement[]): LineExecution[] {
  return BUDGET_LINES.map((line) => {
    const mine = movements.filter((m) => m.line === line)
    const committed = mine.reduce((s, m) => s + m.committed, 0)
    const spent = mine.reduce((s, m) => s + m.spent, 0)
    const b = budget[line] ?? 0
    return { line, name: BUDGET_LINE_LABELS[line], budget: b, committed, spent, remaining: b - committed - spent }
  })
}

/** 1–4, by the Shanghai calendar. */
export const quarterOf = (at: Date): number => Math.floor(inShanghai(at).month() / 3) + 1

/** Aid lines name few people: fewer payments than this in a year and the line is not published on its own. */
export const MIN_PUBLISHED_AID_PAYMENTS = 3
const AID_LINES: readonly BudgetLine[] = ['care', 'hardship']

export interface PublishedLine {
  readonly line: BudgetLine
  readonly name: string
  /** Paid per quarter; null where publishing would point at a person (aid lines are shown as a yearly total only). */
  readonly quarters: readonly (number | null)[]
  /** null when the line is held back. */
  readonly total: number | null
}

/**
 * 公开栏: money paid out per line and quarter, totals only. 会员慰问 and 困难帮扶 are paid to a few
 * people each: they appear as a yearly total, and only with at least three payments, so no figure is
 * one member's payment. The grand total counts what is shown, so nothing can be worked out by subtraction.
 */
export function spendingByQuarter(movements: readonly Movement[]): { lines: PublishedLine[]; total: number; heldBack: boolean } {
  let heldBack = false
  const lines = BUDGET_LINES.map((line) => {
    const mine = movements.filter((m) => m.line === line)
    const total = mine.reduce((s, m) => s + m.spent, 0)
    if (AID_LINES.includes(line)) {
      const payments = mine.filter((m) => m.spent > 0).length - mine.filter((m) => m.spent < 0).length
      const shown = payments >= MIN_PUBLISHED_AID_PAYMENTS || total === 0
      if (!shown) heldBack = true
      return { line, name: BUDGET_LINE_LABELS[line], quarters: [null, null, null, null], total: shown ? total : null }
    }
    const quarters = [0, 0, 0, 0]
    for (const m of mine) quarters[quarterOf(m.at) - 1] += m.spent
    return { line, name: BUDGET_LINE_LABELS[line], quarters, total }
  })
  return { lines, total: lines.reduce((s, l) => s + (l.total ?? 0), 0), heldBack }
}
