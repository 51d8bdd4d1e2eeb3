import type { BudgetView } from '@shared/contract'
import { BUDGET_LINES, execution, type BudgetLine, type Movement } from '@shared/domain/funds'
import type { Deps } from '../_lib/deps'
import { budgetId, type BudgetDoc, type LedgerEntryDoc } from '../_lib/ledger'
import { readAll } from '../_lib/read-all'

export async function loadBudget(deps: Deps, unionId: string, year: number): Promise<BudgetDoc> {
  const doc = (await deps.db.collection('budgets').doc(budgetId(unionId, year)).get()).data[0] as BudgetDoc | undefined
  return doc ?? { _id: budgetId(unionId, year), unionId, year, lines: {}, closed: false }
}

export const yearEntries = (deps: Deps, unionId: string, year: number) => readAll<LedgerEntryDoc>(deps.db.collection('ledger').where({ unionId, year }).orderBy('at', 'asc'))

export const movements = (entries: readonly LedgerEntryDoc[]): Movement[] => entries.map((e) => ({ line: e.line, committed: e.committed, spent: e.spent, at: e.at }))

/** Budget, committed, spent and remaining per line, from the ledger itself (one aggregate). */
export async function budgetView(deps: Deps, unionId: string, year: number): Promise<BudgetView> {
  const $ = deps.db.command.aggregate
  const [budget, sums] = await Promise.all([
    loadBudget(deps, unionId, year),
    deps.db.collection('ledger').aggregate().match({ unionId, year }).group({ _id: '$line', committed: $.sum('$committed'), spent: $.sum('$spent') }).limit(BUDGET_LINES.length).end(),
  ])
  const byLine = new Map((sums.data as { _id: BudgetLine; committed: number; spent: number }[]).map((r) => [r._id, r]))
  const lines = execution(
    budget.lines,
    BUDGET_LINES.flatMap((line) => (byLine.has(line) ? [{ line, committed: byLine.get(line)!.committed, spent: byLine.get(line)!.spent, at: new Date(0) }] : [])),
  )
  const sum = (k: 'budget' | 'committed' | 'spent' | 'remaining') => lines.reduce((s, l) => s + l[k], 0)
  return { year, closed: budget.closed, lines, total: { budget: sum('budget'), committed: sum('committed'), spent: sum('spent'), remaining: sum('remaining') } }
}
