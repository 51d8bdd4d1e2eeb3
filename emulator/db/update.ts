import { update as mingoUpdate } from 'mingo'
import type { Modifier } from 'mingo/updater'
import { invalidParam, requestFailed } from './errors'
import { MINGO_OPTIONS, evaluate } from './mingo'
import { valueForUpdate } from './paths'
import { type Doc, assertStorableDoc, cloneValue, isPlainObject } from './values'

const CREATES_PATH = new Set(['$set', '$inc', '$mul', '$min', '$max', '$push', '$addToSet', '$currentDate'])
const NUMERIC = new Set(['$inc', '$mul'])
const ARRAY = new Set(['$push', '$addToSet', '$pop', '$pull', '$pullAll'])

/**
 * Type errors MongoDB reports but mingo silently skips ($inc on a string, $push on a number,
 * 'a.b' through a scalar). Checked up front so a bad update is an error, not a no-op.
 */
function checkTypes(doc: Doc, modifier: Doc): void {
  for (const [op, fields] of Object.entries(modifier)) {
    if (!isPlainObject(fields)) throw requestFailed(`${op} expects an object of field paths`)
    for (const [path, arg] of Object.entries(fields)) {
      if (path.split('.').some((part) => part.startsWith('$'))) continue // positional: mingo resolves it
      if (NUMERIC.has(op) && typeof arg !== 'number') throw requestFailed(`Cannot ${op} with a non-numeric argument at '${path}'`)
      const { value, blocked } = valueForUpdate(doc, path)
      if (blocked !== undefined && CREATES_PATH.has(op)) {
        throw requestFailed(`Cannot create field '${path}': '${blocked}' is not an object`)
      }
      if (NUMERIC.has(op) && value !== undefined && typeof value !== 'number') {
        throw requestFailed(`Cannot apply ${op} to a value of non-numeric type at '${path}'`)
      }
      if (ARRAY.has(op) && value !== undefined && !Array.isArray(value)) {
        throw requestFailed(`Cannot apply ${op} to a non-array value at '${path}'`)
      }
    }
  }
}

/**
 * The update data as operators. `merge: true` data from the SDK is already in operator form;
 * plain top-level fields (raw requests) are folded into $set like CloudBase's merge does.
 */
export function toModifier(data: Doc): Doc {
  const modifier: Doc = {}
  const plain: Doc = {}
  for (const [k, v] of Object.entries(data)) {
    if (k.startsWith('$')) modifier[k] = v
    else plain[k] = v
  }
  if (Object.keys(plain).length) {
    if (modifier.$set !== undefined && !isPlainObject(modifier.$set)) throw invalidParam('$set expects an object')
    modifier.$set = { ...((modifier.$set as Doc | undefined) ?? {}), ...plain }
  }
  return modifier
}

/** Returns the updated copy; the stored document is never touched. `condition` feeds positional `$`. */
export function applyModifier(doc: Doc, modifier: Doc, condition: Doc): Doc {
  checkTypes(doc, modifier)
  const next = cloneValue(doc)
  evaluate('update', () => mingoUpdate(next, modifier as Modifier<Doc>, undefined, condition, { cloneMode: 'deep', queryOptions: MINGO_OPTIONS }))
  assertStorableDoc(next)
  return next
}

/** `doc().set()` data: a whole new document that keeps the _id. */
export function replacement(id: Doc['_id'], data: Doc): Doc {
  for (const k of Object.keys(data)) if (k.startsWith('$')) throw invalidParam(`replacement data must not contain operator ${k}`)
  if ('_id' in data && data._id !== id) throw invalidParam('a replacement cannot change _id')
  const doc = { _id: id, ...cloneValue(data) }
  assertStorableDoc(doc)
  return doc
}
