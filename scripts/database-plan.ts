/** Turns the declared collections file into what CloudBase's management API creates. Pure, so it is tested. */
export interface IndexSpec {
  readonly name: string
  readonly keys: Readonly<Record<string, 1 | -1>>
  readonly unique?: boolean
  readonly sparse?: boolean
}
export interface CollectionsSpec {
  readonly [collection: string]: { readonly indexes: readonly IndexSpec[] }
}

export interface CreateIndexRequest {
  IndexName: string
  MgoKeySchema: { MgoIndexKeys: { Name: string; Direction: string }[]; MgoIsUnique: boolean }
}

export const createIndexRequests = (indexes: readonly IndexSpec[]): CreateIndexRequest[] =>
  indexes.map((index) => ({
    IndexName: index.name,
    MgoKeySchema: {
      MgoIndexKeys: Object.entries(index.keys).map(([Name, dir]) => ({ Name, Direction: String(dir) })),
      MgoIsUnique: Boolean(index.unique),
    },
  }))
