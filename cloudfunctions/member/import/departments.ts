import type { Database } from '../../_lib/db'
import { isDuplicateWrite } from '../../_lib/db-errors'
import { readAll } from '../../_lib/read-all'
import { departmentIdFor } from './stable-ids'

/** The union's departments by name. */
export type DepartmentIds = Map<string, string>

export async function loadDepartments(db: Database, unionId: string): Promise<DepartmentIds> {
  const docs = await readAll<{ _id: string; name: string }>(db.collection('departments').where({ unionId }).field({ name: true }))
  return new Map(docs.map((d) => [d.name, d._id]))
}

/**
 * Creates the named departments the union lacks and records their ids in `known`. Ids are derived
 * from union and name, and (unionId, name) is unique, so a concurrent import creating the same
 * department makes this insert fail rather than duplicate it; then the stored one is used.
 */
export async function ensureDepartments(db: Database, unionId: string, names: Iterable<string>, known: DepartmentIds, now: Date): Promise<void> {
  const missing = [...new Set(names)].filter((name) => !known.has(name))
  if (missing.length === 0) return
  const docs = missing.map((name) => ({ _id: departmentIdFor(unionId, name), unionId, name, createdAt: now }))
  try {
    await db.collection('departments').add(docs)
    for (const d of docs) known.set(d.name, d._id)
    return
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error
  }
  // Some already exist: create the rest one by one, then take every id from the database.
  for (const doc of docs) {
    try {
      await db.collection('departments').add(doc)
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error
    }
  }
  const fresh = await loadDepartments(db, unionId)
  for (const name of missing) {
    const id = fresh.get(name)
    if (!id) throw new Error(`department "${name}" of union ${unionId} neither created nor found`)
    known.set(name, id)
  }
}
