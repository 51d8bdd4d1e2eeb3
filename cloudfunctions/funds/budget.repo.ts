import type { BudgetView } from '@shared/contract'
import { BUDGET_LINES, execution, type BudgetLine, type Movement } from '@shared/domain/funds'
import type { Deps } from '../_lib/deps'
import { isDuplicateWrite } from '../_lib/db-errors'
import { budgetId, budgetLineId, lineTotals, type BudgetChange, type BudgetDoc, type BudgetLineDoc, type LedgerEntryDoc } from '../_lib/ledger'
import { readAll } from '../_lib/read-all'

export async function loadBudget(deps: Deps, unionId: string, year: number): Promise<BudgetDoc> {
  const doc = (await deps.db.collection('budgets').doc(budgetId(unionId, year)).get()).data[0] as BudgetDoc | undefined
  return doc ?? { _id: budgetId(unionId, year), unionId, year, lines: {}, closed: false }
}

/**
 * The conditional write of a budget change: only if the document is still at the version that was
 * read (and open). false when another change got there first; the caller reads again and decides again.
 */
export async function saveBudgetVersion(deps: Deps, current: BudgetDoc, next: Partial<Record<BudgetLine, number>>, change: BudgetChange): Promise<boolean> {
  const _ = deps.db.command
  const coll = deps.db.collection('budgets')
  // `null` also matches a document written before versions existed (no field at all).
  const res = await coll
    .where({ _id: current._id, version: current.version ?? null, closed: false })
    .update({ lines: _.set(next), change: _.set(change), version: change.version, updatedAt: change.at, updatedBy: change.by })
  if (res.updated === 1) return true
  if (current.version !== undefined) return false
  try {
    await coll.add({
      _id: current._id,
      unionId: current.unionId,
      year: current.year,
      lines: next,
      closed: false,
      version: change.version,
      change,
      updatedAt: change.at,
      updatedBy: change.by,
    })
    return true
  } catch (error) {
    if (isDuplicateWrite(error)) return false
    throw error
  }
}

/**
 * Moves one line's remainder by a version's delta, once: the write matches only while the line has
 * not taken this version, so a retry, a second caller or a late writer cannot move it twice.
 */
export async function moveLineForVersion(
  deps: Deps,
  budget: Pick<BudgetDoc, 'unionId' | 'year'>,
  line: BudgetLine,
  delta: number,
  version: number,
): Promise<void> {
  const _ = deps.db.command
  const coll = deps.db.collection('budget_lines')
  const id = budgetLineId(budget.unionId, budget.year, line)
  const move = () =>
    coll
      .where(
        _.or([
          { _id: id, budgetVersion: null },
          { _id: id, budgetVersion: _.lt(version) },
        ]),
      )
      .update({ available: _.inc(delta), budgetVersion: version })
  if ((await move()).updated === 1) return
  try {
    await coll.add({ _id: id, unionId: budget.unionId, year: budget.year, line, available: delta, budgetVersion: version })
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error
    // It exists: created meanwhile by a posting (take the delta now) or already carrying this version (no match).
    await move()
  }
}

/** The change is whole: every line moved and its audit entry written. */
export const markChangeDone = async (deps: Deps, budgetDocId: string, version: number): Promise<void> =>
  void (await deps.db.collection('budgets').where({ _id: budgetDocId, 'change.version': version }).update({ 'change.done': true }))

/** A year's line remainders (one per line at most). */
export const yearLines = async (deps: Deps, unionId: string, year: number): Promise<BudgetLineDoc[]> =>
  (await deps.db.collection('budget_lines').where({ unionId, year }).orderBy('_id', 'asc').limit(BUDGET_LINES.length).get()).data as BudgetLineDoc[]

/** Writes `fields` on a line only if its remainder is still the one read (the repair's corrections). */
export async function updateLineIfUnchanged(deps: Deps, doc: BudgetLineDoc, fields: Record<string, unknown>): Promise<boolean> {
  return (
    (
      await deps.db
        .collection('budget_lines')
        .where({ _id: doc._id, available: doc.available, budgetVersion: doc.budgetVersion ?? null })
        .update(fields)
    ).updated === 1
  )
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
  (
    await deps.db
      .collection('campaigns')
      .where({ unionId, year, redeemUntil: deps.db.command.gt(now) })
      .count()
  ).total

/** Every union's id (the hourly seal goes through them all). */
export const unionIds = async (deps: Deps): Promise<string[]> =>
  (await readAll<{ _id: string }>(deps.db.collection('unions').field({ _id: true }).orderBy('_id', 'asc'))).map((u) => u._id)

export const yearEntries = (deps: Deps, unionId: string, year: number) =>
  readAll<LedgerEntryDoc>(deps.db.collection('ledger').where({ unionId, year }).orderBy('at', 'asc'))

export const movements = (entries: readonly LedgerEntryDoc[]): Movement[] =>
  entries.map((e) => ({ line: e.line, committed: e.committed, spent: e.spent, at: e.at }))

/** Budget, committed, spent and remaining per line, from the ledger itself (one aggregate). */
export async function budgetView(deps: Deps, unionId: string, year: number): Promise<BudgetView> {
  const [budget, sums] = await Promise.all([loadBudget(deps, unionId, year), lineTotals(deps, unionId, year, BUDGET_LINES.length)])
  const byLine = new Map(sums.map((r) => [r._id, r]))
  const lines = execution(
    budget.lines,
    BUDGET_LINES.flatMap((line) =>
      byLine.has(line) ? [{ line, committed: byLine.get(line)!.committed, spent: byLine.get(line)!.spent, at: new Date(0) }] : [],
    ),
  )
  const sum = (k: 'budget' | 'committed' | 'spent' | 'remaining') => lines.reduce((s, l) => s + l[k], 0)
  return { year, closed: budget.closed, lines, total: { budget: sum('budget'), committed: sum('committed'), spent: sum('spent'), remaining: sum('remaining') } }
}
