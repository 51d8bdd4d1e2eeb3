import { BUDGET_LINES, type BudgetLine } from '@shared/domain/funds'
import { appendAudit, auditEntryWhere } from '../_lib/audit'
import { isDuplicateWrite } from '../_lib/db-errors'
import type { Deps } from '../_lib/deps'
import { budgetLineId, type BudgetChange, type BudgetDoc } from '../_lib/ledger'

/**
 * A budget change is one versioned write of the budget document that also records the change
 * itself (`change`: deltas, from/to, who, when). Each line's remainder then takes that version's
 * delta exactly once, and the audit entry is appended; `change.done` closes it. Whoever finds an
 * open change carries the lines forward (safe any number of times), so a function that died
 * between its writes leaves nothing out of step for longer than the next call.
 */

/** Longer than a function may run (config.json timeout 20 s): an open change this old has lost its writer. */
export const ORPHANED_AFTER_MS = 30_000

/** `limitMs`: the caller's own function time limit when it knows it (the platform context says), else the configured bound. */
export const isOrphaned = (change: BudgetChange, now: Date, limitMs = ORPHANED_AFTER_MS): boolean => now.getTime() - new Date(change.at).getTime() > limitMs

export function describeChange(current: BudgetDoc, next: Partial<Record<BudgetLine, number>>, by: { id: string; name: string }, at: Date): BudgetChange | null {
  const changed = BUDGET_LINES.filter((l) => (current.lines[l] ?? 0) !== (next[l] ?? 0))
  if (!changed.length) return null
  const pick = (source: Partial<Record<BudgetLine, number>>) => Object.fromEntries(changed.map((l) => [l, source[l] ?? 0]))
  return {
    version: (current.version ?? 0) + 1,
    deltas: Object.fromEntries(changed.map((l) => [l, (next[l] ?? 0) - (current.lines[l] ?? 0)])),
    from: pick(current.lines),
    to: pick(next),
    by: by.id,
    byName: by.name,
    at,
    done: false,
  }
}

/**
 * The conditional write: only if the document is still at the version that was read (and open).
 * false when another change got there first; the caller reads again and decides again.
 */
export async function writeVersion(deps: Deps, current: BudgetDoc, next: Partial<Record<BudgetLine, number>>, change: BudgetChange): Promise<boolean> {
  const _ = deps.db.command
  const coll = deps.db.collection('budgets')
  // `null` also matches a document written before versions existed (no field at all).
  const res = await coll
    .where({ _id: current._id, version: current.version ?? null, closed: false })
    .update({ lines: _.set(next), change: _.set(change), version: change.version, updatedAt: change.at, updatedBy: change.by })
  if (res.updated === 1) return true
  if (current.version !== undefined) return false
  try {
    await coll.add({ _id: current._id, unionId: current.unionId, year: current.year, lines: next, closed: false, version: change.version, change, updatedAt: change.at, updatedBy: change.by })
    return true
  } catch (error) {
    if (isDuplicateWrite(error)) return false
    throw error
  }
}

/**
 * Moves each changed line's remainder by the version's delta, once: the write matches only while
 * the line has not taken this version, so a retry, a second caller or a late writer cannot move it twice.
 */
export async function carryChange(deps: Deps, budget: BudgetDoc, change: BudgetChange): Promise<void> {
  const _ = deps.db.command
  const coll = deps.db.collection('budget_lines')
  for (const line of BUDGET_LINES) {
    const delta = change.deltas[line] ?? 0
    if (!delta) continue
    const id = budgetLineId(budget.unionId, budget.year, line)
    const move = () => coll.where(_.or([{ _id: id, budgetVersion: null }, { _id: id, budgetVersion: _.lt(change.version) }])).update({ available: _.inc(delta), budgetVersion: change.version })
    if ((await move()).updated === 1) continue
    try {
      await coll.add({ _id: id, unionId: budget.unionId, year: budget.year, line, available: delta, budgetVersion: change.version })
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error
      // It exists: created meanwhile by a posting (take the delta now) or already carrying this version (no match).
      await move()
    }
  }
}

/** The audit entry for a change, then `done`. `lookFirst` when another call may already have written it. */
export async function recordChange(deps: Deps, budget: BudgetDoc, change: BudgetChange, lookFirst: boolean): Promise<void> {
  const data = { budget: budget._id, version: change.version, lines: Object.fromEntries(Object.keys(change.to).map((l) => [l, { from: change.from[l as BudgetLine], to: change.to[l as BudgetLine] }])) }
  const already = lookFirst && (await auditEntryWhere(deps, budget.unionId, { action: 'budget.set', 'data.budget': budget._id, 'data.version': change.version }))
  if (!already) await appendAudit(deps, { unionId: budget.unionId, actor: change.by, actorName: change.byName, action: 'budget.set', target: `${budget.year} 年预算`, data })
  await deps.db.collection('budgets').where({ _id: budget._id, 'change.version': change.version }).update({ 'change.done': true })
}

/**
 * Finishes what an open change left: lines always (harmless if done), the audit only once its
 * writer can no longer be running. true when nothing is left open, so a new version may follow.
 */
export async function settleChange(deps: Deps, budget: BudgetDoc, limitMs?: number): Promise<boolean> {
  const change = budget.change
  if (!change || change.done) return true
  await carryChange(deps, budget, change)
  if (!isOrphaned(change, deps.clock.now(), limitMs)) return false
  deps.log('warn', 'budget-change-recovered', { budget: budget._id, version: change.version })
  await recordChange(deps, budget, change, true)
  return true
}
