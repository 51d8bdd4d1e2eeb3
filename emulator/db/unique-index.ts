import type { IndexSpec } from './spec'
import { EMPTY_ARRAY, valuesAtPath } from './paths'
import { type Doc, type DocId, encodeEJSON } from './values'

/** One unique index: key string → owning _id. Non-unique indexes need no structure in memory. */
export class UniqueIndex {
  readonly name: string
  private readonly fields: string[][]
  private readonly sparse: boolean
  private readonly owners = new Map<string, DocId>()

  constructor(spec: IndexSpec) {
    this.name = spec.name
    this.fields = Object.entries(spec.keys)
      .filter(([, direction]) => direction !== undefined)
      .map(([field]) => field.split('.'))
    this.sparse = spec.sparse === true
  }

  /** Distinct keys of a document; none when a sparse index skips it (every key field missing). */
  keysOf(doc: Doc): string[] {
    const perField = this.fields.map((parts) => valuesAtPath(doc, parts))
    if (this.sparse && perField.every((vals) => vals.every((v) => v === undefined))) return []
    let tuples: unknown[][] = [[]]
    for (const vals of perField) {
      // Missing and empty-array values index as null, so they collide like MongoDB's null keys.
      const distinct = vals.map((v) => (v === undefined || v === EMPTY_ARRAY ? null : v))
      tuples = tuples.flatMap((t) => distinct.map((v) => [...t, v]))
    }
    return [...new Set(tuples.map((t) => encodeEJSON(t)))]
  }

  owner(key: string): DocId | undefined {
    return this.owners.get(key)
  }

  set(key: string, id: DocId): void {
    this.owners.set(key, id)
  }

  delete(key: string): void {
    this.owners.delete(key)
  }

  describe(key: string): string {
    return `E11000 duplicate key error index: ${this.name} dup key: ${key}`
  }
}
