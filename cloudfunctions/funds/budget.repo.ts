import type { BudgetView } from '@shared/contract'
import { BUDGET_LINES, execution, type BudgetLine, type Movement } from '@shared/domain/funds'
import type { Deps } from '../_lib/deps'
import { isDuplicateWrite } from '../_lib/db-errors'
import { budgetId, lineTotals, type BudgetDoc, type LedgerEntryDoc } from '../_lib/ledger'
import { readAll } from '../_lib/read-all'

export async function loadBudget(deps: Deps, unionId: string, year: number): Promise<BudgetDoc> {
  const doc = (await deps.db.collection('budgets').doc(budgetId(unionId, year)).get()).data[0] as BudgetDoc | undefined
  return doc ?? { _id: budgetId(unionId, year), unionId, year, lines: {}, closed: false }
}

/**
 * Sets the year's closed flag (only the flag: lines, version and any open change stay). true when
 * this call closed it; a budget never written is created closed. Two closings: one says true.
 */
export async function closeBudget(deps: Deps, current: BudgetDoc, closing: { at: Date; by: string }): Promise<boolean> {
  const coll = deps.db.collection('budgets')
  const flag = { closed: true, closedAt: closing.at, closedBy: closing.by }
  if ((await coll.where({ _id: current._id, closed: false }).update(flag)).updated === 1) return true
  if (current.version !== undefined || Object.keys(current.lines).length) return false
  try {
    await coll.add({ _id: current._id, unionId: current.unionId, year: current.year, lines: {}, ...flag })
    return true
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error
    return false
  }
}

/** The year's benefit campaigns still open for redemption (a year cannot be closed before they end). */
export const campaignsStillRedeemable = async (deps: Deps, unionId: string, year: number, now: Date): Promise<number> =>
  (await deps.db.collection('campaigns').where({ unionId, year, redeemUntil: deps.db.command.gt(now) }).count()).total

/** Every union's id (the hourly seal goes through them all). */
export const unionIds = async (deps: Deps): Promise<string[]> => (await readAll<{ _id: string }>(deps.db.collection('unions').field({ _id: true }).orderBy('_id', 'asc'))).map((u) => u._id)

export const yearEntries = (deps: Deps, unionId: string, year: number) => readAll<LedgerEntryDoc>(deps.db.collection('ledger').where({ unionId, year }).orderBy('at', 'asc'))

export const movements = (entries: readonly LedgerEntryDoc[]): Movement[] => entries.map((e) => ({ line: e.line, committed: e.committed, spent: e.spent, at: e.at }))

/** Budget, committed, spent and remaining per line, from the ledger itself (one aggregate). */
export async function budgetView(deps: Deps, unionId: string, year: number): Promise<BudgetView> {
  const [budget, sums] = await Promise.all([loadBudget(deps, unionId, year), lineTotals(deps, unionId, year, BUDGET_LINES.length)])
  const byLine = new Map(sums.map((r) => [r._id, r]))
  const lines = execution(
    budget.lines,
    BUDGET_LINES.flatMap((line) => (byLine.has(line) ? [{ line, committed: byLine.get(line)!.committed, spent: byLine.get(line)!.spent, at: new Date(0) }] : [])),
  )
  const sum = (k: 'budget' | 'committed' | 'spent' | 'remaining') => lines.reduce((s, l) => s + l[k], 0)
  return { year, closed: budget.closed, lines, total: { budget: sum('budget'), committed: sum('committed'), spent: sum('spent'), remaining: sum('remaining') } }
}
