import { randomBytes } from 'node:crypto'
import { decodePipeline, runPipeline } from './aggregate'
import { CloudbaseError, invalidParam } from './errors'
import { Filter, parseSort, projectDocs, sortDocs } from './query'
import type { Mutation, Store } from './store'
import type { TransactionManager } from './transactions'
import { applyModifier, replacement, toModifier } from './update'
import { type Doc, type DocId, assertDocId, assertStorableDoc, decodeEJSON, encodeEJSON, isPlainObject, sameValue } from './values'
import type { View } from './view'

export interface ActionContext {
  store: Store
  transactions: TransactionManager
  /** The committed store, or the transaction named by `transactionId`. */
  viewFor(transactionId: unknown): View
  /** One clock reading per request, so every db.serverDate() in it agrees. */
  now: number
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
 * Documents matching the filter in natural order; a literal _id is a direct lookup, and a
 * transaction then depends on that _id even if it is absent (so a concurrent insert conflicts).
 */
function matching(view: View, coll: string, filter: Filter): Doc[] {
  const id = filter.idHint
  if (id !== undefined) {
    view.observe(coll, [id])
    const doc = view.get(coll, id)
    return doc && filter.test(doc) ? [doc] : []
  }
  return view.list(coll).filter((doc) => filter.test(doc))
}

const getDocument: ActionHandler = (ctx, params) => {
  const coll = collectionOf(ctx, params)
  const view = ctx.viewFor(params.transactionId)
  const filter = filterOf(ctx, params)
  const sort = parseSort(params.order === undefined ? undefined : decodeEJSON(params.order, 'order', ctx.now))
  const projection = params.projection === undefined ? undefined : decodeObject(ctx, params.projection, 'projection')
  const offset = intParam(params.offset, 'offset', 0)
  const limit = Math.min(intParam(params.limit, 'limit', DEFAULT_LIMIT) || DEFAULT_LIMIT, MAX_LIMIT)
  const page = sortDocs(matching(view, coll, filter), sort).slice(offset, offset + limit)
  view.observe(coll, idsOf(page))
  return { data: { list: projectDocs(page, projection).map(encodeEJSON), limit, offset } }
}

const calculateDocument: ActionHandler = (ctx, params) => {
  const coll = collectionOf(ctx, params)
  const view = ctx.viewFor(params.transactionId)
  return { data: { total: matching(view, coll, filterOf(ctx, params)).length } }
}

const insertDocument: ActionHandler = (ctx, params) => {
  const coll = collectionOf(ctx, params)
  const view = ctx.viewFor(params.transactionId)
  const raw = Array.isArray(params.data) ? params.data : [params.data]
  if (raw.length === 0) throw invalidParam('data must not be empty')
  const ids = new Set<DocId>()
  const mutations: Mutation[] = raw.map((text, i) => {
    const doc = decodeObject(ctx, text, `data[${i}]`)
    const id = doc._id === undefined ? newDocId() : doc._id
    assertDocId(id)
    const stored = { _id: id, ...doc }
    assertStorableDoc(stored)
    if (ids.has(id) || view.get(coll, id)) {
      throw new CloudbaseError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error collection: ${coll} index: _id_ dup key: ${encodeEJSON({ _id: id })}`)
    }
    ids.add(id)
    return { coll, id, doc: stored }
  })
  view.write(mutations)
  return { data: { insertedIds: [...ids] } }
}

/**
 * `doc().update()` / `where().update()` (merge: operators) and `doc().set()` (merge: false,
 * upsert: a whole replacement). `updated` counts documents that actually changed, as MongoDB's
 * nModified does.
 */
const modifyDocument: ActionHandler = (ctx, params) => {
  const coll = collectionOf(ctx, params)
  const view = ctx.viewFor(params.transactionId)
  const filter = filterOf(ctx, params)
  const data = decodeObject(ctx, params.data, 'data')
  const merge = params.merge !== false
  const modifier = merge ? toModifier(data) : undefined
  const build = (doc: Doc, condition: Doc): Doc =>
    modifier ? applyModifier(doc, modifier, condition) : replacement(doc._id, data)

  let matches = matching(view, coll, filter)
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
    if (view.get(coll, id)) throw new CloudbaseError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error collection: ${coll} index: _id_`)
    mutations.push({ coll, id, doc: build({ ...base, _id: id }, {}) })
    upsertId = id
  }
  if (mutations.length) view.write(mutations)
  return { data: { updated: upsertId === undefined ? mutations.length : 0, matched: matches.length, upsert_id: upsertId } }
}

/** `where().updateAndReturn()`: one document, returned as it is after the update. */
const modifyAndReturnDoc: ActionHandler = (ctx, params) => {
  const coll = collectionOf(ctx, params)
  const view = ctx.viewFor(params.transactionId)
  const filter = filterOf(ctx, params)
  const modifier = toModifier(decodeObject(ctx, params.data, 'data'))
  const [doc] = matching(view, coll, filter)
  if (!doc) return { data: { updated: 0, doc: null } }
  view.observe(coll, [doc._id as DocId])
  const next = applyModifier(doc, modifier, filter.spec)
  const changed = !sameValue(doc, next)
  if (changed) view.write([{ coll, id: doc._id as DocId, doc: next }])
  return { data: { updated: changed ? 1 : 0, doc: encodeEJSON(next) } }
}

const removeDocument: ActionHandler = (ctx, params) => {
  const coll = collectionOf(ctx, params)
  const view = ctx.viewFor(params.transactionId)
  let matches = matching(view, coll, filterOf(ctx, params))
  if (params.multi !== true) matches = matches.slice(0, 1)
  view.observe(coll, idsOf(matches))
  if (matches.length) view.write(matches.map((doc) => ({ coll, id: doc._id as DocId, doc: null })))
  return { data: { deleted: matches.length } }
}

const aggregateDocuments: ActionHandler = (ctx, params) => {
  const coll = collectionOf(ctx, params)
  const pipeline = decodePipeline(params.stages, ctx.now)
  const result = runPipeline(ctx.store.docs(coll), pipeline, (name) => ctx.store.docs(name))
  return { data: { list: result.map(encodeEJSON) } }
}

const startTransaction: ActionHandler = (ctx) => ({ transactionId: ctx.transactions.start() })

const commitTransaction: ActionHandler = (ctx, params) => {
  if (typeof params.transactionId !== 'string') throw invalidParam('transactionId is required')
  ctx.transactions.commit(params.transactionId)
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
