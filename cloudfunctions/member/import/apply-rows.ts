import type { Database } from '../../_lib/db'
import { isDuplicateWrite } from '../../_lib/db-errors'
import type { DepartmentIds } from './departments'
import { loadMembersByNo } from './existing-members'
import type { CheckedRow, ImportRow } from './import-docs'
import { changesFor, newMember, type Department } from './member-changes'

/** Updates in flight at once: each is its own round trip, so a chunk of changes must not queue one by one. */
const UPDATE_CONCURRENCY = 20
/** Compare-and-write passes over a chunk before going row by row. */
const BATCH_ATTEMPTS = 2

export interface AppliedCounts {
  created: number
  updated: number
}

/**
 * Makes the union's members match the rows (at most one chunk). Rows that were new at check time
 * are inserted straight away, one batch, one round trip. If any of them exists by now (a retried
 * or concurrent call, or an edit since the check) the insert fails as a duplicate, since new
 * members' ids derive from 会员编号, and every row is compared with the members as they are now
 * instead; so doing a chunk twice writes nothing the second time.
 */
export async function applyRows(db: Database, unionId: string, rows: readonly ImportRow[], departments: DepartmentIds, now: Date): Promise<AppliedCounts> {
  const counts: AppliedCounts = { created: 0, updated: 0 }
  const deptOf = (row: CheckedRow): Department => {
    const id = departments.get(row.department)
    if (!id) throw new Error(`department "${row.department}" was not ensured before applying rows`)
    return { id, name: row.department }
  }
  const insert = (batch: readonly CheckedRow[]) => db.collection('members').add(batch.map((row) => newMember(unionId, row, deptOf(row), now)))

  let pending: readonly CheckedRow[] = rows.filter((r) => !r.isNew)
  const fresh = rows.filter((r) => r.isNew)
  if (fresh.length) {
    try {
      await insert(fresh)
      counts.created += fresh.length
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error
      // A batch may be partly written: compare every row.
      pending = rows
    }
  }

  for (let attempt = 0; attempt < BATCH_ATTEMPTS && pending.length; attempt++) {
    const existing = await loadMembersByNo(
      db,
      unionId,
      pending.map((r) => r.memberNo),
    )
    const creates = pending.filter((r) => !existing.has(r.memberNo))
    const updates = pending.flatMap((row) => {
      const current = existing.get(row.memberNo)
      const changes = current && changesFor(current, row, deptOf(row))
      return current && changes ? [{ id: current._id, changes }] : []
    })
    await withConcurrency(updates, UPDATE_CONCURRENCY, ({ id, changes }) =>
      db
        .collection('members')
        .doc(id)
        .update({ ...changes, updatedAt: now }),
    )
    counts.updated += updates.length
    pending = []
    if (creates.length === 0) break
    try {
      await insert(creates)
      counts.created += creates.length
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error
      pending = creates
    }
  }

  // Still colliding with concurrent writers: settle the rest one row at a time.
  for (const row of pending) {
    const result = await applyOne(db, unionId, row, deptOf(row), now)
    if (result) counts[result]++
  }
  return counts
}

async function applyOne(db: Database, unionId: string, row: CheckedRow, dept: Department, now: Date): Promise<keyof AppliedCounts | null> {
  try {
    await db.collection('members').add(newMember(unionId, row, dept, now))
    return 'created'
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error
  }
  const current = (await loadMembersByNo(db, unionId, [row.memberNo])).get(row.memberNo)
  if (!current) throw new Error(`member ${row.memberNo} of union ${unionId} collides on insert but cannot be found`)
  const changes = changesFor(current, row, dept)
  if (!changes) return null
  await db
    .collection('members')
    .doc(current._id)
    .update({ ...changes, updatedAt: now })
  return 'updated'
}

async function withConcurrency<T>(items: readonly T[], width: number, run: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await run(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker))
}
