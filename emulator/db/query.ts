import { Query } from 'mingo'
import { compare } from 'mingo/util'
import { invalidParam } from './errors'
import { MINGO_OPTIONS, evaluate } from './mingo'
import { EMPTY_ARRAY, valuesAtPath } from './paths'
import { type Doc, type DocId, isPlainObject } from './values'

/** A compiled `where` condition. Unknown operators fail here, at compile time. */
export class Filter {
  private readonly query: Query

  constructor(readonly spec: Doc) {
    this.query = evaluate('query', () => new Query(spec, MINGO_OPTIONS))
  }

  test(doc: Doc): boolean {
    return evaluate('query', () => this.query.test(doc))
  }

  /** A literal `_id` in the condition lets callers fetch one document instead of scanning. */
  get idHint(): DocId | undefined {
    const id = this.spec._id
    if (typeof id === 'string' || typeof id === 'number') return id
    if (isPlainObject(id) && Object.keys(id).length === 1) {
      const eq = id.$eq
      if (typeof eq === 'string' || typeof eq === 'number') return eq
    }
    return undefined
  }

  /** Plain equality fields, which an upsert copies into the new document (as MongoDB does). */
  equalityFields(): Doc {
    const out: Doc = {}
    for (const [k, v] of Object.entries(this.spec)) {
      if (k.startsWith('$') || k.includes('.')) continue
      if (isPlainObject(v) && Object.keys(v).some((key) => key.startsWith('$'))) {
        if (Object.keys(v).length === 1 && '$eq' in v) out[k] = v.$eq
        continue
      }
      if (v instanceof RegExp) continue
      out[k] = v
    }
    return out
  }
}

export type SortSpec = Array<[path: string, direction: 1 | -1]>

export function parseSort(order: unknown): SortSpec {
  if (order === undefined || order === null) return []
  if (!isPlainObject(order)) throw invalidParam('order must be an object of field: 1 | -1')
  return Object.entries(order).map(([path, dir]) => {
    if (dir !== 1 && dir !== -1) throw invalidParam(`order of ${path} must be 1 or -1`)
    return [path, dir]
  })
}

/** MongoDB order, with an empty array sorting before null/missing. */
function compareSortValues(a: unknown, b: unknown): number {
  if (a === EMPTY_ARRAY || b === EMPTY_ARRAY) return a === b ? 0 : a === EMPTY_ARRAY ? -1 : 1
  return compare(a ?? null, b ?? null)
}

/** Arrays sort by their smallest element ascending and their largest descending, like MongoDB. */
function sortKey(doc: Doc, parts: string[], direction: 1 | -1): unknown {
  const values = valuesAtPath(doc, parts)
  let key = values[0]
  for (const v of values.slice(1)) if (compareSortValues(v, key) * direction < 0) key = v
  return key
}

/** Stable sort, so ties keep natural (insertion) order. */
export function sortDocs(docs: Doc[], sort: SortSpec): Doc[] {
  if (sort.length === 0) return docs
  const fields = sort.map(([path, dir]) => ({ parts: path.split('.'), dir }))
  const keyed = docs.map((doc) => ({ doc, keys: fields.map((f) => sortKey(doc, f.parts, f.dir)) }))
  keyed.sort((x, y) => {
    for (let i = 0; i < fields.length; i++) {
      const c = compareSortValues(x.keys[i], y.keys[i])
      if (c !== 0) return c * fields[i].dir
    }
    return 0
  })
  return keyed.map((k) => k.doc)
}

export function projectDocs(docs: Doc[], projection: Doc | undefined): Doc[] {
  if (!projection || Object.keys(projection).length === 0) return docs
  return evaluate('projection', () => new Query({}, MINGO_OPTIONS).find<Doc>(docs, projection).all())
}
