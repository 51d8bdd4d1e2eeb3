import { isPlainObject } from './values'

/** Marks an empty array at the end of a path: MongoDB sorts it before null/missing. */
export const EMPTY_ARRAY = Symbol('empty array')

/**
 * Values a document holds at a dotted path, the way MongoDB indexes and sorts see them: arrays on
 * the way are traversed, a terminal array contributes its elements, `undefined` means missing.
 */
export function valuesAtPath(value: unknown, parts: readonly string[]): unknown[] {
  if (parts.length === 0) {
    if (Array.isArray(value)) return value.length === 0 ? [EMPTY_ARRAY] : value
    return [value]
  }
  const [head, ...rest] = parts
  if (Array.isArray(value)) {
    if (/^\d+$/.test(head)) return valuesAtPath(value[Number(head)], rest)
    if (value.length === 0) return [undefined]
    return value.flatMap((item) => valuesAtPath(item, parts))
  }
  if (isPlainObject(value)) return valuesAtPath(value[head], rest)
  return [undefined]
}

/**
 * The single value an update operator would act on at a dotted path (no positional `$`).
 * `blocked` is the name of the scalar in the way when the path cannot be created, e.g. 'a.b' on
 * `{ a: 1 }` — MongoDB refuses such updates and so must we.
 */
export function valueForUpdate(doc: unknown, path: string): { value: unknown; blocked?: string } {
  let current: unknown = doc
  const parts = path.split('.')
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]
    if (current === undefined) return { value: undefined }
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(part)) return { value: undefined, blocked: parts.slice(0, i).join('.') }
      current = current[Number(part)]
    } else if (isPlainObject(current)) {
      current = current[part]
    } else {
      return { value: undefined, blocked: parts.slice(0, i).join('.') }
    }
  }
  return { value: current }
}
