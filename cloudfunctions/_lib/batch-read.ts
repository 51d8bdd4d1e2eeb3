import type { Deps } from './deps'

/**
 * One read inside a batch: a collection and the stages run on it (build them with `stages(deps)`,
 * end with `.done()`). Every sub-read states its own `$limit` or ends in `$count`/`$group`, like any
 * aggregate on the strict platform.
 */
export interface SubRead {
  readonly from: string
  readonly pipeline: readonly object[]
}

/** The SDK's pipeline builder (`db.command.aggregate.pipeline()`), typed loosely: the SDK's own types omit it. */
export interface PipelineBuilder {
  match(where: object): PipelineBuilder
  sort(order: Record<string, 1 | -1>): PipelineBuilder
  skip(n: number): PipelineBuilder
  limit(n: number): PipelineBuilder
  project(fields: Record<string, unknown>): PipelineBuilder
  group(spec: object): PipelineBuilder
  count(field: string): PipelineBuilder
  lookup(spec: object): PipelineBuilder
  done(): object[]
}

export const stages = (deps: Deps): PipelineBuilder => (deps.db.command.aggregate as unknown as { pipeline(): PipelineBuilder }).pipeline()

/** A sub-read that answers how many documents match: read back with `countOf`. */
export const countRead = (deps: Deps, from: string, where: object): SubRead => ({ from, pipeline: stages(deps).match(where).count('n').done() })

export const countOf = (rows: readonly unknown[]): number => (rows[0] as { n?: number } | undefined)?.n ?? 0

export interface Anchor {
  readonly collection: string
  /** The anchor document's conditions (its `_id`, and usually its union). */
  readonly where: Record<string, unknown>
}

export interface Batch<K extends string> {
  readonly anchor: Record<string, unknown>
  readonly rows: Record<K, unknown[]>
}

/**
 * Several independent reads in one database round trip: an aggregate on one known document (the
 * anchor: the caller's union, the group being opened) with each read as a `$lookup` sub-pipeline.
 * The reads are what the separate queries would have been; only the trip is shared, so a page that
 * needs a list, its count and the names it points at waits for one answer instead of three. Null
 * when the anchor does not exist (for this union): the caller says NOT_FOUND as it would have.
 */
export async function readTogether<K extends string>(deps: Deps, anchor: Anchor, reads: Readonly<Record<K, SubRead | null>>): Promise<Batch<K> | null> {
  let query = deps.db.collection(anchor.collection).aggregate().match(anchor.where).limit(1)
  const keys = Object.keys(reads) as K[]
  for (const key of keys) {
    const read = reads[key]
    if (read) query = query.lookup({ from: read.from, pipeline: read.pipeline, as: `read_${key}` })
  }
  const [doc] = ((await query.end()) as { data?: Record<string, unknown>[] }).data ?? []
  if (!doc) return null
  const rows = {} as Record<K, unknown[]>
  const rest: Record<string, unknown> = { ...doc }
  for (const key of keys) {
    rows[key] = (doc[`read_${key}`] as unknown[] | undefined) ?? []
    delete rest[`read_${key}`]
  }
  return { anchor: rest, rows }
}
