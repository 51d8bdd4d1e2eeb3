import { BUDGET_LINE_LABELS, remainderProblem, type BudgetLine } from '@shared/domain/funds'
import { AppError, invalid } from './app-error'
import { appendAudit, canonical, sha256 } from './audit'
import { isDuplicateWrite } from './db-errors'
import type { Deps } from './deps'
import { readAll } from './read-all'
import { readPage } from './read-page'

/**
 * The ledger every yuan passes through. An entry is written once under a natural key (so a retried
 * posting is the same entry) and never edited; a correction is a new entry that reverses it.
 * Entries are sealed into the audit chain with their digests (hourly, and before any check or
 * report), so an entry changed in the database no longer matches what the chain vouches for.
 */
export interface LedgerEntryDoc {
  readonly _id: string
  readonly unionId: string
  readonly year: number
  readonly line: BudgetLine
  /** Signed change to money promised but not yet paid, in 分. */
  readonly committed: number
  /** Signed change to money paid out, in 分. */
  readonly spent: number
  readonly at: Date
  readonly source: { readonly type: 'hardship' | 'benefit' | 'activity' | 'correction'; readonly id: string }
  readonly memo: string
  readonly by: string
  readonly byName: string
  readonly reverses: string | null
  /** Set once its digest is in the audit chain; not part of the digest. */
  readonly sealed: boolean
}

export interface BudgetDoc {
  readonly _id: string
  readonly unionId: string
  readonly year: number
  readonly lines: Readonly<Partial<Record<BudgetLine, number>>>
  readonly closed: boolean
  /** Bumped by every change of `lines`; a write names the version it read (absent before the first). */
  readonly version?: number
  /** The latest change, kept until every line's remainder has moved and the audit has it (funds/budget-versions.ts). */
  readonly change?: BudgetChange | null
}

export interface BudgetChange {
  readonly version: number
  /** Per line: new budget − old budget, what that line's remainder moves by. */
  readonly deltas: Readonly<Partial<Record<BudgetLine, number>>>
  readonly from: Readonly<Partial<Record<BudgetLine, number>>>
  readonly to: Readonly<Partial<Record<BudgetLine, number>>>
  readonly by: string
  readonly byName: string
  readonly at: Date
  /** Every line moved and the audit entry written. */
  readonly done: boolean
}

/** What each line has left to promise (budget − committed − spent), moved by conditional writes. */
export interface BudgetLineDoc {
  readonly _id: string
  readonly unionId: string
  readonly year: number
  readonly line: BudgetLine
  readonly available: number
  /** The last budget version whose change this remainder has taken (absent: none yet). */
  readonly budgetVersion?: number
  /** A difference from the ledger seen by the repair job, repaired if still there on its next run. */
  readonly drift?: { readonly diff: number; readonly seenAt: Date }
}

export const budgetId = (unionId: string, year: number) => `${unionId}:${year}`
export const budgetLineId = (unionId: string, year: number, line: BudgetLine) => `${unionId}:${year}:${line}`

export const ledgerDigest = (e: LedgerEntryDoc): string => {
  const { sealed: _sealed, ...content } = e
  return sha256(canonical(content))
}

export const budgetDoc = async (deps: Deps, unionId: string, year: number): Promise<BudgetDoc | undefined> =>
  (await deps.db.collection('budgets').doc(budgetId(unionId, year)).get()).data[0] as BudgetDoc | undefined

export const isYearClosed = async (deps: Deps, unionId: string, year: number): Promise<boolean> => Boolean((await budgetDoc(deps, unionId, year))?.closed)

export async function requireOpenYear(deps: Deps, unionId: string, year: number): Promise<void> {
  if (await isYearClosed(deps, unionId, year)) throw new AppError('CLOSED', `${year} 年已结账，不能再记账`)
}

export const entryById = async (deps: Deps, id: string): Promise<LedgerEntryDoc | undefined> =>
  (await deps.db.collection('ledger').doc(id).get()).data[0] as LedgerEntryDoc | undefined

/** These entries (at most 100 ids a read), by id. */
export async function entriesByIds(deps: Deps, ids: readonly string[]): Promise<Map<string, LedgerEntryDoc>> {
  const out = new Map<string, LedgerEntryDoc>()
  for (let i = 0; i < ids.length; i += 100) {
    const part = ids.slice(i, i + 100)
    for (const d of (
      await deps.db
        .collection('ledger')
        .where({ _id: deps.db.command.in(part) })
        .limit(part.length)
        .get()
    ).data as LedgerEntryDoc[])
      out.set(d._id, d)
  }
  return out
}

/** A year's entries newest first (optionally one line), a page at a time, with the reversal of each shown. */
export async function ledgerPage(
  deps: Deps,
  unionId: string,
  year: number,
  line: BudgetLine | undefined,
  page: number,
  pageSize: number,
): Promise<{ entries: LedgerEntryDoc[]; total: number; reversedBy: Map<string, string> }> {
  const query = deps.db.collection('ledger').where({ unionId, year, ...(line ? { line } : {}) })
  const { docs: entries, total } = await readPage<LedgerEntryDoc>(
    query,
    [
      ['at', 'desc'],
      ['_id', 'desc'],
    ],
    page,
    pageSize,
  )
  const reversals = entries.length
    ? ((
        await deps.db
          .collection('ledger')
          .where({ reverses: deps.db.command.in(entries.map((e) => e._id)) })
          .field({ reverses: true })
          .limit(entries.length)
          .get()
      ).data as LedgerEntryDoc[])
    : []
  return { entries, total, reversedBy: new Map(reversals.map((r) => [r.reverses!, r._id])) }
}

/** Committed and spent per line for a year (one aggregate, one row per line). */
export async function lineTotals(deps: Deps, unionId: string, year: number, lines: number): Promise<{ _id: BudgetLine; committed: number; spent: number }[]> {
  const $ = deps.db.command.aggregate
  return (
    await deps.db
      .collection('ledger')
      .aggregate()
      .match({ unionId, year })
      .group({ _id: '$line', committed: $.sum('$committed'), spent: $.sum('$spent') })
      .limit(lines)
      .end()
  ).data as { _id: BudgetLine; committed: number; spent: number }[]
}

/** A source's entries (a campaign's, a request's), just the amounts; `commitmentsOnly`: those that spend nothing. */
export const entriesOfSource = (deps: Deps, unionId: string, source: LedgerEntryDoc['source'], commitmentsOnly = false) =>
  readAll<Pick<LedgerEntryDoc, '_id' | 'committed' | 'spent'>>(
    deps.db
      .collection('ledger')
      .where({ unionId, 'source.type': source.type, 'source.id': source.id, ...(commitmentsOnly ? { spent: 0 } : {}) })
      .field({ _id: true, committed: true, spent: true }),
    1000,
    100_000,
  )

/**
 * Takes `amount` from a line's remainder by one conditional write: two approvals racing for the
 * last of a line cannot both pass. Refused with both numbers.
 */
export async function reserve(deps: Deps, unionId: string, year: number, line: BudgetLine, amount: number): Promise<void> {
  const _ = deps.db.command
  const id = budgetLineId(unionId, year, line)
  const refuse = (doc: BudgetLineDoc | undefined) =>
    doc
      ? invalid(remainderProblem(line, doc.available, amount) ?? '预算余额不足', { field: 'amount', remaining: doc.available })
      : invalid(`「${BUDGET_LINE_LABELS[line]}」还没有编制 ${year} 年预算`, { field: 'amount' })
  // Read first, so a refusal writes nothing; the conditional write still decides a race.
  const seen = (await deps.db.collection('budget_lines').doc(id).get()).data[0] as BudgetLineDoc | undefined
  if (!seen || seen.available < amount) throw refuse(seen)
  const took = await deps.db
    .collection('budget_lines')
    .where({ _id: id, available: _.gte(amount) })
    .update({ available: _.inc(-amount) })
  if (took.updated === 1) return
  throw refuse((await deps.db.collection('budget_lines').doc(id).get()).data[0] as BudgetLineDoc | undefined)
}

/** Moves a line's remainder without a check (benefit commitments, releases, corrections). */
export async function adjustAvailable(deps: Deps, unionId: string, year: number, line: BudgetLine, delta: number): Promise<void> {
  if (delta === 0) return
  const id = budgetLineId(unionId, year, line)
  const res = await deps.db
    .collection('budget_lines')
    .where({ _id: id })
    .update({ available: deps.db.command.inc(delta) })
  if (res.updated === 0) {
    try {
      await deps.db.collection('budget_lines').add({ _id: id, unionId, year, line, available: delta })
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error
      await deps.db
        .collection('budget_lines')
        .where({ _id: id })
        .update({ available: deps.db.command.inc(delta) })
    }
  }
}

export type NewEntry = Omit<LedgerEntryDoc, 'sealed' | 'at' | 'reverses'> & { readonly reverses?: string | null }

/** Writes the entry once; posting the same key again returns the entry already there. */
export async function post(deps: Deps, entry: NewEntry): Promise<{ entry: LedgerEntryDoc; created: boolean }> {
  const doc: LedgerEntryDoc = { ...entry, reverses: entry.reverses ?? null, at: deps.clock.now(), sealed: false }
  try {
    await deps.db.collection('ledger').add(doc)
    return { entry: doc, created: true }
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error
    return { entry: (await deps.db.collection('ledger').doc(doc._id).get()).data[0] as LedgerEntryDoc, created: false }
  }
}

/** Puts every unsealed entry's digest into the audit chain, then marks them sealed. */
export async function sealLedger(deps: Deps, unionId: string): Promise<number> {
  const open = await readAll<LedgerEntryDoc>(deps.db.collection('ledger').where({ unionId, sealed: false }).orderBy('at', 'asc'), 500, 5000)
  if (!open.length) return 0
  await appendAudit(deps, {
    unionId,
    actor: 'system',
    actorName: '系统',
    action: 'ledger.seal',
    target: `${open.length} 笔分录`,
    data: { digests: Object.fromEntries(open.map((e) => [e._id, ledgerDigest(e)])) },
  })
  for (let i = 0; i < open.length; i += 100) {
    await deps.db
      .collection('ledger')
      .where({ _id: deps.db.command.in(open.slice(i, i + 100).map((e) => e._id)) })
      .update({ sealed: true })
  }
  return open.length
}
