import { CloudbaseError } from './errors'

/**
 * Where CloudBase is less convenient than a plain MongoDB-in-memory, the local platform copies it.
 * Every model is on by default (npm start, every test); an emulator self-test may switch one off
 * to show the difference, nothing else should.
 */
export interface StrictModels {
  /** CloudBase appends `$limit: 20` to a pipeline that states no `$limit`. */
  readonly aggregateDefaultLimit: boolean
  /** An ordered batch insert keeps the documents before a duplicate, then reports it (MongoDB's insertMany). */
  readonly partialBatchInsert: boolean
  /** Duplicate keys come back as DATABASE_DUPLICATE_WRITE on some paths, as DATABASE_REQUEST_FAILED + E11000 on others. */
  readonly duplicateKeyForms: boolean
  /** Results whose sort does not fully order them come back with ties in a new order on every request. */
  readonly shuffleTies: boolean
}

export const STRICT: StrictModels = { aggregateDefaultLimit: true, partialBatchInsert: true, duplicateKeyForms: true, shuffleTies: true }

export const AGGREGATE_DEFAULT_LIMIT = 20

/**
 * A pipeline's stages as CloudBase runs them: one without any `$limit` gets `$limit: 20` at the end
 * (a `$limit` anywhere counts; CloudBase only looks for the stage).
 */
export function withDefaultLimit(pipeline: Record<string, unknown>[], models: StrictModels): Record<string, unknown>[] {
  if (!models.aggregateDefaultLimit || pipeline.some((stage) => '$limit' in stage)) return pipeline
  return [...pipeline, { $limit: AGGREGATE_DEFAULT_LIMIT }]
}

/**
 * Updates, upserts, batch inserts and transaction commits pass MongoDB's own error through:
 * `DATABASE_REQUEST_FAILED` whose message holds `E11000 duplicate key`. A single insert colliding
 * on `_id` keeps CloudBase's `DATABASE_DUPLICATE_WRITE`. Callers must recognise both.
 */
export function asPassedThrough(error: unknown, models: StrictModels): unknown {
  if (!models.duplicateKeyForms || !(error instanceof CloudbaseError) || error.code !== 'DATABASE_DUPLICATE_WRITE') return error
  const message = error.message.includes('E11000') ? error.message : `E11000 duplicate key error: ${error.message}`
  return new CloudbaseError('DATABASE_REQUEST_FAILED', `[FailedOperation] ${message}`)
}

/** Fisher–Yates on a copy: the stable sort that follows keeps real order and leaves only ties random. */
export function shuffled<T>(items: T[], models: StrictModels): T[] {
  if (!models.shuffleTies || items.length < 2) return items
  const out = items.slice()
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}
