import { randomBytes } from 'node:crypto'
import { decodePipeline, runPipeline } from './aggregate'
import { CloudbaseError, invalidParam } from './errors'
import { Filter, parseSort, projectDocs, sortDocs } from './query'
import type { Mutation, Store } from './store'
import type { TransactionManager } from './transactions'
import { applyModifier, replacement, toModifier } from './update'
import { type Doc, type DocId, assertDocId, assertStorableDoc, decodeEJSON, encodeEJSON, isPlainObject, sameValue } from './values'
import type { View } from './view'
import { type StrictModels, asPassedThrough, shuffled, withDefaultLimit } from './strictness'

export interface ActionContext {
  store: Store
  transactions: TransactionManager
  /** The committed store, or the transaction named by `transactionId`. */
  viewFor(transactionId: unknown): View
  /** One clock reading per request, so every db.serverDate() in it agrees. */
  now: number
  /** Which of production's inconveniences to copy (all, outside emulator self-tests). */
  models: StrictModels
}

/** Returns the reply without requestId: `{ data: … }` or top-level fields. */
export type ActionHandler = (ctx: ActionContext, params: Doc) => Doc

const DEFAULT_LIMIT = 100
const MAX_LIMIT = 1000

/** A new 32-hex-character id, the shape CloudBase generates. */
export const newDocId = (): string => randomBytes(16).toString('hex')

function collectionOf(ctx: ActionContext, params: Doc): string {
  const name = params.collectionName
  if (typeof name !== 'string' || !name) throw invalidParam('collectionName is required')
  ctx.store.assertCollection(name)
  return name
}

function decodeObject(ctx: ActionContext, text: unknown, what: string): Doc {
  const value = decodeEJSON(text, what, ctx.now)
  if (!isPlainObject(value)) throw invalidParam(`${what} must be an object`)
  return value
}

function filterOf(ctx: ActionContext, params: Doc): Filter {
  return new Filter(params.query === undefined || params.query === '' ? {} : decodeObject(ctx, params.query, 'query'))
}

function intParam(value: unknown, name: string, fallback: number): number {
  if (value === undefined || value === null) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw invalidParam(`${name} must be a non-negative integer`)
  return value
}

const idsOf = (docs: Doc[]): DocId[] => docs.map((d) => d._id as DocId)

/**
 * Documents matching the filter, in no promised order (shuffled under the strict model, as a
 * sharded CloudBase collection gives no natural order); a literal _id is a direct lookup, and a
 * transaction then depends on that _id even if it is absent (so a concurrent insert conflicts).
 */
function matching(ctx: ActionContext, view: View, coll: string, filter: Filter): Doc[] {
  const id = filter.idHint
  if (id !== undefined) {
    view.observe(coll, [id])
    const doc = view.get(coll, id)
    return doc && filter.test(doc) ? [doc] : []
  }
  return shuffled(
    view.list(coll).filter((doc) => filter.test(doc)),
    ctx.models,
  )
}

const getDocument: ActionHandler = (ctx, params) => {
  const coll = collectionOf(ctx, params)
  const view = ctx.viewFor(params.transactionId)
  const filter = filterOf(ctx, params)
  const sort = parseSort(params.order === undefined ? undefined : decodeEJSON(params.order, 'order', ctx.now))
  const projection = params.projection === undefined ? undefined : decodeObject(ctx, params.projection, 'projection')
  const offset = intParam(params.offset, 'offset', 0)
  const limit = Math.min(intParam(params.limit, 'limit', DEFAULT_LIMIT) || DEFAULT_LIMIT, MAX_LIMIT)
  const page = sortDocs(matching(ctx, view, coll, filter), sort).slice(offset, offset + limit)
  view.observe(coll, idsOf(page))
  return { data: { list: projectDocs(page, projection).map(encodeEJSON), limit, offset } }
}

const calculateDocument: ActionHandler = (ctx, params) => {
  const coll = collectionOf(ctx, params)
  const view = ctx.viewFor(params.transactionId)
  return { data: { total: matching(ctx, view, coll, filterOf(ctx, params)).length } }
}

/**
 * An ordered insert, as MongoDB's insertMany: documents go in one by one, and a duplicate stops the
 * batch with the ones before it already stored (under the strict model; otherwise all or nothing).
 */
const insertDocument: ActionHandler = (ctx, params) => {
  const coll = collectionOf(ctx, params)
  const view = ctx.viewFor(params.transactionId)
  // The SDK sends even a single add() as a one-element array.
  const raw: unknown[] = Array.isArray(params.data) ? params.data : [params.data]
  const batch = raw.length > 1
  if (raw.length === 0) throw invalidParam('data must not be empty')
  const ids = new Set<DocId>()
  const mutations: Mutation[] = raw.map((text, i) => {
    const doc = decodeObject(ctx, text, `data[${i}]`)
    const id = doc._id === undefined ? newDocId() : doc._id
    assertDocId(id)
    const stored = { _id: id, ...doc }
    assertStorableDoc(stored)
    return { coll, id, doc: stored }
  })
  const duplicateOf = (m: Mutation) =>
    new CloudbaseError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error collection: ${coll} index: _id_ dup key: ${encodeEJSON({ _id: m.id })}`)
  if (!ctx.models.partialBatchInsert) {
    for (const m of mutations) {
      if (ids.has(m.id) || view.get(coll, m.id)) throw duplicateOf(m)
      ids.add(m.id)
    }
    view.write(mutations)
    return { data: { insertedIds: [...ids] } }
  }
  for (const m of mutations) {
    try {
      if (view.get(coll, m.id)) throw duplicateOf(m)
      view.write([m])
    } catch (e) {
      // A batch reports MongoDB's own error; a single document keeps CloudBase's code for an _id clash.
      const secondaryIndex = e instanceof CloudbaseError && !e.message.includes('index: _id_')
      throw batch || secondaryIndex ? asPassedThrough(e, ctx.models) : e
    }
    ids.add(m.id)
  }
  return { data: { insertedIds: [...ids] } }
}

/**
 * `doc().update()` / `where().update()` (merge: operators) and `doc().set()` (merge: false,
 * upsert: a whole replacement). `updated` counts documents that actually changed, as MongoDB's
 * nModified does.
 */
/** Updates report a unique-index clash in MongoDB's words (see strictness.ts). */
function writePassingThrough(ctx: ActionContext, view: View, mutations: Mutation[]): void {
  try {
    view.write(mutations)
  } catch (e) {
    throw asPassedThrough(e, ctx.models)
  }
}

const modifyDocument: ActionHandler = (ctx, params) => {
  const coll = collectionOf(ctx, params)
  const view = ctx.viewFor(params.transactionId)
  const filter = filterOf(ctx, params)
  const data = decodeObject(ctx, params.data, 'data')
  const merge = params.merge !== false
  const modifier = merge ? toModifier(data) : undefined
  const build = (doc: Doc, condition: Doc): Doc => (modifier ? applyModifier(doc, modifier, condition) : replacement(doc._id, data))

  let matches = matching(ctx, view, coll, filter)
  if (params.multi !== true) matches = matches.slice(0, 1)
  view.observe(coll, idsOf(matches))
  const mutations: Mutation[] = []
  for (const doc of matches) {
    const next = build(doc, filter.spec)
    if (!sameValue(doc, next)) mutations.push({ coll, id: doc._id as DocId, doc: next })
  }
  let upsertId: DocId | undefined
  if (matches.length === 0 && params.upsert === true) {
    const base = filter.equalityFields()
    const id = base._id === undefined ? newDocId() : base._id
    assertDocId(id)
    if (view.get(coll, id))
      throw asPassedThrough(new CloudbaseError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error collection: ${coll} index: _id_`), ctx.models)
    mutations.push({ coll, id, doc: build({ ...base, _id: id }, {}) })
    upsertId = id
  }
  if (mutations.length) writePassingThrough(ctx, view, mutations)
  return { data: { updated: upsertId === undefined ? mutations.length : 0, matched: matches.length, upsert_id: upsertId } }
}

/** `where().updateAndReturn()`: one document, returned as it is after the update. */
const modifyAndReturnDoc: ActionHandler = (ctx, params) => {
  const coll = collectionOf(ctx, params)
  const view = ctx.viewFor(params.transactionId)
  const filter = filterOf(ctx, params)
  const modifier = toModifier(decodeObject(ctx, params.data, 'data'))
  const [doc] = matching(ctx, view, coll, filter)
  if (!doc) return { data: { updated: 0, doc: null } }
  view.observe(coll, [doc._id as DocId])
  const next = applyModifier(doc, modifier, filter.spec)
  const changed = !sameValue(doc, next)
  if (changed) writePassingThrough(ctx, view, [{ coll, id: doc._id as DocId, doc: next }])
  return { data: { updated: changed ? 1 : 0, doc: encodeEJSON(next) } }
}

const removeDocument: ActionHandler = (ctx, params) => {
  const coll = collectionOf(ctx, params)
  const view = ctx.viewFor(params.transactionId)
  let matches = matching(ctx, view, coll, filterOf(ctx, params))
  if (params.multi !== true) matches = matches.slice(0, 1)
  view.observe(coll, idsOf(matches))
  if (matches.length) view.write(matches.map((doc) => ({ coll, id: doc._id as DocId, doc: null })))
  return { data: { deleted: matches.length } }
}

const aggregateDocuments: ActionHandler = (ctx, params) => {
  const coll = collectionOf(ctx, params)
  const pipeline = withDefaultLimit(decodePipeline(params.stages, ctx.now), ctx.models)
  const result = runPipeline(ctx.store.docs(coll), pipeline, (name) => ctx.store.docs(name))
  return { data: { list: result.map(encodeEJSON) } }
}

const startTransaction: ActionHandler = (ctx) => ({ transactionId: ctx.transactions.start() })

const commitTransaction: ActionHandler = (ctx, params) => {
  if (typeof params.transactionId !== 'string') throw invalidParam('transactionId is required')
  try {
    ctx.transactions.commit(params.transactionId)
  } catch (e) {
    throw asPassedThrough(e, ctx.models)
  }
  return {}
}

const abortTransaction: ActionHandler = (ctx, params) => {
  ctx.transactions.abort(params.transactionId)
  return {}
}

/** Collections come from the declaration only; creating one at runtime would hide a missing entry. */
const addCollection: ActionHandler = (ctx, params) => {
  const name = params.collectionName
  if (typeof name === 'string' && ctx.store.has(name)) {
    throw new CloudbaseError('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${name} already exists`)
  }
  throw invalidParam(`collection ${String(name)} is not declared; add it to cloudfunctions/collections.json`)
}

export const ACTIONS: Record<string, ActionHandler> = {
  'database.getDocument': getDocument,
  'database.calculateDocument': calculateDocument,
  'database.insertDocument': insertDocument,
  'database.modifyDocument': modifyDocument,
  'database.modifyAndReturnDoc': modifyAndReturnDoc,
  'database.removeDocument': removeDocument,
  'database.aggregateDocuments': aggregateDocuments,
  'database.startTransaction': startTransaction,
  'database.commitTransaction': commitTransaction,
  'database.abortTransaction': abortTransaction,
  'database.addCollection': addCollection,
}
