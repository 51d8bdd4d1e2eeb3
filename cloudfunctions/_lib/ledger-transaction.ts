import { BUDGET_LINE_LABELS, remainderProblem, type BudgetLine } from '@shared/domain/funds'
import { AppError, invalid } from './app-error'
import type { Deps } from './deps'
import { budgetId, budgetLineId, type BudgetDoc, type BudgetLineDoc, type LedgerEntryDoc, type NewEntry } from './ledger'
import { txGet, type Tx } from './transaction'

/**
 * The books inside a transaction: taking a line's remainder and writing the ledger entry that
 * accounts for it land in one commit with the step they pay for (an approval, a payment). So the
 * remainder never says budget − committed − spent minus an entry that is not there, a retry finds
 * the step done and takes nothing twice, and there is nothing for a repair to give back.
 */

/** The year must be open; read inside, so a closing that lands meanwhile makes the commit conflict. */
export async function requireOpenYearIn(tx: Tx, unionId: string, year: number): Promise<void> {
  const b = await txGet<BudgetDoc>(tx, 'budgets', budgetId(unionId, year))
  if (b?.closed) throw new AppError('CLOSED', `${year} 年已结账，不能再记账`)
}

/** Takes `amount` from the line's remainder, refused with both numbers when it does not fit. */
export async function takeRemainderIn(tx: Tx, deps: Pick<Deps, 'db'>, unionId: string, year: number, line: BudgetLine, amount: number): Promise<void> {
  const id = budgetLineId(unionId, year, line)
  const doc = await txGet<BudgetLineDoc>(tx, 'budget_lines', id)
  if (!doc) throw invalid(`「${BUDGET_LINE_LABELS[line]}」还没有编制 ${year} 年预算`, { field: 'amount' })
  if (doc.available < amount) throw invalid(remainderProblem(line, doc.available, amount) ?? '预算余额不足', { field: 'amount', remaining: doc.available })
  await tx
    .collection('budget_lines')
    .doc(id)
    .update({ available: deps.db.command.inc(-amount) })
}

/** The entry, written once under its natural key (a second commit with the same key fails whole). */
export async function postIn(tx: Tx, entry: NewEntry, at: Date): Promise<LedgerEntryDoc> {
  const doc: LedgerEntryDoc = { ...entry, reverses: entry.reverses ?? null, at, sealed: false }
  await tx.collection('ledger').add(doc)
  return doc
}
