import { BUDGET_LINES, type BudgetLine } from '@shared/domain/funds'
import { appendAudit, auditEntryWhere } from '../_lib/audit'
import type { Deps } from '../_lib/deps'
import type { BudgetChange, BudgetDoc } from '../_lib/ledger'
import { markChangeDone, moveLineForVersion, saveBudgetVersion } from './budget.repo'

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
export const writeVersion = (deps: Deps, current: BudgetDoc, next: Partial<Record<BudgetLine, number>>, change: BudgetChange): Promise<boolean> =>
  saveBudgetVersion(deps, current, next, change)

/**
 * Moves each changed line's remainder by the version's delta, once: the write matches only while
 * the line has not taken this version, so a retry, a second caller or a late writer cannot move it twice.
 */
export async function carryChange(deps: Deps, budget: BudgetDoc, change: BudgetChange): Promise<void> {
  for (const line of BUDGET_LINES) {
    const delta = change.deltas[line] ?? 0
    if (delta) await moveLineForVersion(deps, budget, line, delta, change.version)
  }
}

/** The audit entry for a change, then `done`. `lookFirst` when another call may already have written it. */
export async function recordChange(deps: Deps, budget: BudgetDoc, change: BudgetChange, lookFirst: boolean): Promise<void> {
  const data = {
    budget: budget._id,
    version: change.version,
    lines: Object.fromEntries(Object.keys(change.to).map((l) => [l, { from: change.from[l as BudgetLine], to: change.to[l as BudgetLine] }])),
  }
  const already =
    lookFirst && (await auditEntryWhere(deps, budget.unionId, { action: 'budget.set', 'data.budget': budget._id, 'data.version': change.version }))
  if (!already)
    await appendAudit(deps, {
      unionId: budget.unionId,
      actor: change.by,
      actorName: change.byName,
      action: 'budget.set',
      target: `${budget.year} 年预算`,
      data,
    })
  await markChangeDone(deps, budget._id, change.version)
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
