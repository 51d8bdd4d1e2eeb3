import { BUDGET_LINES } from '@shared/domain/funds'
import type { Deps } from '../_lib/deps'
import { lineTotals } from '../_lib/ledger'
import { loadBudget, updateLineIfUnchanged, yearLines } from './budget.repo'
import { ORPHANED_AFTER_MS, settleChange } from './budget-versions'

/**
 * Makes every line's remainder equal budget − committed − spent from the ledger again, after a
 * function died between a posting and its remainder move (or the other way round). A difference
 * is only repaired when the previous run saw the same one and it is older than any function can
 * run: a posting in flight shows a difference for a moment, and must not be "repaired" twice.
 * Each repair is logged with the line and both numbers.
 */
export async function repairBudgetRemainders(deps: Deps, unionId: string, year: number): Promise<{ repaired: number; seen: number }> {
  const budget = await loadBudget(deps, unionId, year)
  // A budget change still being written moves remainders itself; look again next run.
  if (!(await settleChange(deps, budget))) return { repaired: 0, seen: 0 }
  const _ = deps.db.command
  // Remainders first, then the ledger: each write below is conditional on the remainder read here.
  const docs = await yearLines(deps, unionId, year)
  const used = new Map((await lineTotals(deps, unionId, year, BUDGET_LINES.length)).map((r) => [r._id, r.committed + r.spent]))
  const now = deps.clock.now()
  let repaired = 0
  let seen = 0
  for (const doc of docs) {
    const expected = (budget.lines[doc.line] ?? 0) - (used.get(doc.line) ?? 0)
    const diff = expected - doc.available
    if (diff === 0) {
      if (doc.drift) await updateLineIfUnchanged(deps, doc, { drift: _.remove() })
    } else if (doc.drift?.diff === diff && now.getTime() - new Date(doc.drift.seenAt).getTime() > ORPHANED_AFTER_MS) {
      if (await updateLineIfUnchanged(deps, doc, { available: expected, drift: _.remove() })) {
        repaired++
        deps.log('warn', 'budget-remainder-repaired', { unionId, year, line: doc.line, from: doc.available, to: expected })
      }
    } else if (doc.drift?.diff !== diff) {
      await updateLineIfUnchanged(deps, doc, { drift: _.set({ diff, seenAt: now }) })
      seen++
      deps.log('info', 'budget-remainder-differs', { unionId, year, line: doc.line, available: doc.available, expected })
    }
  }
  for (const line of BUDGET_LINES) {
    const expected = (budget.lines[line] ?? 0) - (used.get(line) ?? 0)
    if (expected !== 0 && !docs.some((d) => d.line === line)) deps.log('warn', 'budget-remainder-missing', { unionId, year, line, expected })
  }
  return { repaired, seen }
}
