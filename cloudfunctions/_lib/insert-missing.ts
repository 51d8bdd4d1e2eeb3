import { isDuplicateWrite } from './db-errors'
import type { Deps } from './deps'

/** CloudBase's batch insert and read-by-ids limits, kept under. */
const CHUNK = 500

/**
 * Inserts whichever of `docs` (keyed by natural `_id`s) are not there yet, and never one twice.
 * A batch insert that meets a duplicate part-way keeps the documents before it and reports the
 * error (MongoDB's ordered insert): the ids that now exist are read back and the rest are sent
 * again, so each round gets past at least one duplicate. The caller learns what it inserted by
 * reading back its own stamp, not from here — a crash can cut between any two rounds.
 */
export async function insertMissing<T extends { readonly _id: string }>(deps: Deps, collection: string, docs: readonly T[]): Promise<void> {
  for (let i = 0; i < docs.length; i += CHUNK) await insertChunk(deps, collection, docs.slice(i, i + CHUNK))
}

async function insertChunk<T extends { readonly _id: string }>(deps: Deps, collection: string, docs: readonly T[]): Promise<void> {
  const coll = deps.db.collection(collection)
  let left = [...docs]
  // Each failed round removes at least the duplicate it met, so this ends within docs.length rounds.
  for (let round = 0; left.length && round <= docs.length; round++) {
    try {
      await coll.add(left)
      return
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error
    }
    const ids = left.map((d) => d._id)
    const there = new Set(
      (
        (
          await coll
            .where({ _id: deps.db.command.in(ids) })
            .field({ _id: true })
            .limit(ids.length)
            .get()
        ).data as { _id: string }[]
      ).map((d) => d._id),
    )
    left = left.filter((d) => !there.has(d._id))
  }
}
