import { BSONRegExp, EJSON } from 'bson'
import { invalidParam, requestFailed } from './errors'

/**
 * The value model of the engine: JSON plus Date and RegExp. Everything the SDK sends is decoded
 * into it, everything stored and replied is encoded from it. Other BSON types (ObjectId, Decimal128,
 * Binary…) are refused rather than half-supported, so a caller never gets a silently wrong match.
 */
export type Doc = Record<string, unknown>

export function isPlainObject(value: unknown): value is Doc {
  if (value === null || typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** JavaScript has no 'x' (extended) or 'l' (locale) flag; refuse them instead of ignoring them. */
function toRegExp(pattern: string, options: string): RegExp {
  const flags = [...new Set(options.split(''))]
  const unsupported = flags.filter((f) => !'imsu'.includes(f))
  if (unsupported.length) throw requestFailed(`unsupported regular expression option(s): ${unsupported.join('')}`)
  try {
    return new RegExp(pattern, flags.join(''))
  } catch (e) {
    throw requestFailed(`invalid regular expression /${pattern}/: ${(e as Error).message}`)
  }
}

function isServerDate(value: Doc): value is { $tcb_server_date: { offset?: unknown } } {
  const keys = Object.keys(value)
  return keys.length === 1 && keys[0] === '$tcb_server_date'
}

/** Turns freshly EJSON-parsed data into the engine's value model. `now` resolves db.serverDate(). */
export function normalize(value: unknown, now: number): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'bigint') return Number(value)
    return value
  }
  if (value instanceof Date) return value
  if (value instanceof RegExp) return value
  if (value instanceof BSONRegExp) return toRegExp(value.pattern, value.options)
  if (Array.isArray(value)) return value.map((v) => normalize(v, now))
  if (isPlainObject(value)) {
    if (isServerDate(value)) {
      const offset = Number((value.$tcb_server_date as { offset?: unknown } | null)?.offset ?? 0)
      if (!Number.isFinite(offset)) throw invalidParam('serverDate offset must be a number')
      return new Date(now + offset)
    }
    const out: Doc = {}
    for (const [k, v] of Object.entries(value)) out[k] = normalize(v, now)
    return out
  }
  const bsonType = (value as { _bsontype?: string })._bsontype ?? value.constructor?.name ?? typeof value
  throw invalidParam(`BSON type ${bsonType} is not supported by the local CloudBase`)
}

/** Parses one EJSON string from the SDK (canonical or relaxed) into the value model. */
export function decodeEJSON(text: unknown, what: string, now = Date.now()): unknown {
  if (typeof text !== 'string') throw invalidParam(`${what} must be an EJSON string`)
  let parsed: unknown
  try {
    parsed = EJSON.parse(text, { relaxed: true })
  } catch (e) {
    throw invalidParam(`${what} is not valid EJSON: ${(e as Error).message}`)
  }
  return normalize(parsed, now)
}

/** EJSON turns an undefined property into null; MongoDB has no such field at all (mingo leaves some). */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined)
  if (!isPlainObject(value)) return value
  const out: Doc = {}
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = withoutUndefined(v)
  return out
}

/** Relaxed EJSON: plain numbers, `{$date}` for dates. The SDK's EJSON.parse reads it back. */
export function encodeEJSON(value: unknown): string {
  return EJSON.stringify(withoutUndefined(value), { relaxed: true })
}

export function cloneValue<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Date) return new Date(value.getTime()) as T
  if (value instanceof RegExp) return new RegExp(value.source, value.flags) as T
  if (Array.isArray(value)) return value.map(cloneValue) as T
  const out: Doc = {}
  for (const [k, v] of Object.entries(value as Doc)) out[k] = cloneValue(v)
  return out as T
}

/** Order-sensitive structural equality, like MongoDB's comparison of stored documents. */
export function sameValue(a: unknown, b: unknown): boolean {
  return encodeEJSON(a) === encodeEJSON(b)
}

/** MongoDB refuses `$`-prefixed field names in stored documents; so do we. */
export function assertStorableDoc(doc: Doc): void {
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${path}.${i}`))
    if (!isPlainObject(value)) return
    for (const [k, v] of Object.entries(value)) {
      if (k.startsWith('$')) throw invalidParam(`field name '${path ? `${path}.` : ''}${k}' must not start with '$'`)
      walk(v, path ? `${path}.${k}` : k)
    }
  }
  walk(doc, '')
}

export type DocId = string | number

export function assertDocId(id: unknown): asserts id is DocId {
  if (typeof id === 'string' ? id.length === 0 : typeof id !== 'number' || !Number.isFinite(id)) {
    throw invalidParam('_id must be a non-empty string or a number')
  }
}
