/**
 * The declared collections and indexes (cloudfunctions/collections.json). The emulator refuses
 * collections that are not declared, so a typo fails locally the way it fails on CloudBase.
 */
export interface IndexSpec {
  name: string
  // `undefined` only so JSON imports (whose inferred unions add optional keys) type-check.
  keys: Record<string, number | string | undefined>
  unique?: boolean
  sparse?: boolean
}

export interface CollectionSpec {
  indexes?: IndexSpec[]
}

export interface CollectionsSpec {
  collections: Record<string, CollectionSpec>
}

/** The file's shape, or just its `collections` record (both are accepted by the emulator). */
export type CollectionsInput = CollectionsSpec | CollectionsSpec['collections']

function isWholeFile(input: CollectionsInput): input is CollectionsSpec {
  const keys = Object.keys(input).filter((k) => !k.startsWith('$'))
  const inner = (input as { collections?: unknown }).collections
  return keys.length === 1 && keys[0] === 'collections' && typeof inner === 'object' && inner !== null && !Array.isArray((inner as CollectionSpec).indexes)
}

/** Normalises and validates the declaration; a bad declaration fails at startup, loudly. */
export function normalizeSpec(input: CollectionsInput): CollectionsSpec {
  if (!input || typeof input !== 'object') throw new Error('collections must be the collections.json object')
  const spec: CollectionsSpec = isWholeFile(input) ? input : { collections: input as CollectionsSpec['collections'] }
  for (const [name, coll] of Object.entries(spec.collections)) {
    const names = new Set<string>()
    for (const index of coll.indexes ?? []) {
      if (!index.name || names.has(index.name)) throw new Error(`collection ${name}: index names must be present and distinct`)
      names.add(index.name)
      if (!index.keys || Object.keys(index.keys).length === 0) throw new Error(`collection ${name}: index ${index.name} has no keys`)
    }
  }
  return spec
}
