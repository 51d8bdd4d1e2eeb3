import { CloudbaseError } from './errors'
import type { CollectionsSpec } from './spec'
import { UniqueIndex } from './unique-index'
import type { Doc, DocId } from './values'

/** One document-level change: the new document, or null for a removal. */
export interface Mutation {
  coll: string
  id: DocId
  doc: Doc | null
}

class CollectionState {
  /** Insertion-ordered, which gives MongoDB's "natural order" for unsorted reads. */
  readonly docs = new Map<DocId, Doc>()
  readonly uniques: UniqueIndex[]

  constructor(spec: CollectionsSpec['collections'][string]) {
    this.uniques = (spec.indexes ?? []).filter((i) => i.unique).map((i) => new UniqueIndex(i))
  }
}

/**
 * The committed state: per-collection maps keyed by _id. Stored documents are never mutated in
 * place (writers build new objects), which lets transactions detect conflicts by identity.
 */
export class Store {
  private readonly colls = new Map<string, CollectionState>()
  /** Data of collections no longer declared: unreachable, but kept through snapshots, never lost. */
  private readonly orphans = new Map<string, Map<DocId, Doc>>()

  constructor(spec: CollectionsSpec) {
    for (const [name, coll] of Object.entries(spec.collections)) this.colls.set(name, new CollectionState(coll))
  }

  has(coll: string): boolean {
    return this.colls.has(coll)
  }

  names(): string[] {
    return [...this.colls.keys()]
  }

  private state(coll: string): CollectionState {
    const state = this.colls.get(coll)
    if (!state) {
      throw new CloudbaseError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${coll} (declare it in cloudfunctions/collections.json)`)
    }
    return state
  }

  assertCollection(coll: string): void {
    this.state(coll)
  }

  get(coll: string, id: DocId): Doc | undefined {
    return this.state(coll).docs.get(id)
  }

  docs(coll: string): Doc[] {
    return [...this.state(coll).docs.values()]
  }

  size(coll: string): number {
    return this.state(coll).docs.size
  }

  /**
   * Applies a batch atomically: unique indexes are checked and updated first, then `persist` runs
   * (the journal append), and only then do the documents change. Any failure undoes the index
   * changes, so a refused write leaves nothing behind.
   */
  commit(mutations: Mutation[], persist: () => void): void {
    const seen = new Set<string>()
    for (const m of mutations) {
      const key = `${m.coll}\u0000${typeof m.id}:${m.id}`
      if (seen.has(key)) throw new Error(`internal: document ${m.coll}/${m.id} mutated twice in one batch`)
      seen.add(key)
    }
    const undo: Array<() => void> = []
    try {
      for (const m of mutations) {
        const state = this.state(m.coll)
        const old = state.docs.get(m.id)
        if (!old) continue
        for (const index of state.uniques) {
          for (const key of index.keysOf(old)) {
            if (index.owner(key) !== m.id) continue
            index.delete(key)
            undo.push(() => index.set(key, m.id))
          }
        }
      }
      for (const m of mutations) {
        if (!m.doc) continue
        const state = this.state(m.coll)
        for (const index of state.uniques) {
          for (const key of index.keysOf(m.doc)) {
            const owner = index.owner(key)
            if (owner === undefined) {
              index.set(key, m.id)
              undo.push(() => index.delete(key))
            } else if (owner !== m.id) {
              throw new CloudbaseError('DATABASE_DUPLICATE_WRITE', `${index.describe(key)} (collection ${m.coll})`)
            }
          }
        }
      }
      persist()
    } catch (e) {
      for (const step of undo.reverse()) step()
      throw e
    }
    for (const m of mutations) {
      const docs = this.state(m.coll).docs
      if (m.doc) docs.set(m.id, m.doc)
      else docs.delete(m.id)
    }
  }

  /** Recovery path: raw load without index maintenance; call rebuildIndexes() afterwards. */
  load(m: Mutation): void {
    let docs = this.colls.get(m.coll)?.docs ?? this.orphans.get(m.coll)
    if (!docs) this.orphans.set(m.coll, (docs = new Map()))
    if (m.doc) docs.set(m.id, m.doc)
    else docs.delete(m.id)
  }

  rebuildIndexes(): void {
    for (const [name, state] of this.colls) {
      for (const index of state.uniques) {
        for (const [id, doc] of state.docs) {
          for (const key of index.keysOf(doc)) {
            const owner = index.owner(key)
            if (owner !== undefined && owner !== id) {
              throw new Error(`stored data violates unique index ${name}.${index.name} (${key}); fix the declaration or delete the data dir`)
            }
            index.set(key, id)
          }
        }
      }
    }
  }

  /** Every stored document, for snapshots. */
  *entries(): Generator<[string, Doc]> {
    for (const [name, state] of this.colls) for (const doc of state.docs.values()) yield [name, doc]
    for (const [name, docs] of this.orphans) for (const doc of docs.values()) yield [name, doc]
  }
}
