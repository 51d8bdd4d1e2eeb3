/** 预算编制 as a form: what was typed per line (元) → the lines that changed (分), or what to fix. */
import type { LineExecution } from '@shared/domain/funds'
import { formatYuan } from '@shared/domain/money'
import { yuanInput } from '../../../constants/funds'
import type { BudgetLine } from '../shared/view'

export type BudgetTyped = Readonly<Partial<Record<BudgetLine, string>>>
export type BudgetErrors = Partial<Record<BudgetLine, string>>

/** The amounts as they stand, written the way the inputs show them (「150000.00」). */
export const typedOf = (lines: readonly Pick<LineExecution, 'line' | 'budget'>[]): Record<string, string> =>
  Object.fromEntries(lines.map((l) => [l.line, formatYuan(l.budget)]))

/**
 * Only the lines whose amount changed go to funds.setBudget (the server audits each change with old
 * and new). Whether a line may go below what it has used is the server's to say, by that line.
 */
export function budgetChangesOf(
  lines: readonly Pick<LineExecution, 'line' | 'budget'>[],
  typed: BudgetTyped,
): { changes: Partial<Record<BudgetLine, number>> } | { errors: BudgetErrors } {
  const changes: Partial<Record<BudgetLine, number>> = {}
  const errors: BudgetErrors = {}
  for (const l of lines) {
    const text = typed[l.line]
    if (text === undefined) continue
    const parsed = yuanInput(text, { allowZero: true })
    if ('problem' in parsed) errors[l.line] = parsed.problem
    else if (parsed.fen !== l.budget) changes[l.line] = parsed.fen
  }
  return Object.keys(errors).length ? { errors } : { changes }
}

/** The year's total as typed so far (lines not readable yet count as they stand). */
export function typedTotal(lines: readonly Pick<LineExecution, 'line' | 'budget'>[], typed: BudgetTyped): number {
  return lines.reduce((s, l) => {
    const parsed = typed[l.line] === undefined ? null : yuanInput(typed[l.line]!, { allowZero: true })
    return s + (parsed && 'fen' in parsed ? parsed.fen : l.budget)
  }, 0)
}

/** `lines.holiday` (the server's details.field) → holiday. */
export function lineOfField(field: unknown, lines: readonly string[]): BudgetLine | null {
  if (typeof field !== 'string' || !field.startsWith('lines.')) return null
  const line = field.slice('lines.'.length)
  return lines.includes(line) ? (line as BudgetLine) : null
}
