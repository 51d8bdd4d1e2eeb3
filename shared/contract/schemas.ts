import * as z from 'zod/mini'
import { isCalendarDate, isMonthDay } from '../domain/calendar'
import { ownWords, type ProblemKind, type Words } from './wording'
import type { TextRule, WholeRule } from './fields'

/**
 * Schemas several contracts share, so a rule is written once: calendar dates, birthdays and
 * free-form maps. Their messages are worded in validate.ts like every other problem.
 */

/** A message that follows the field's label (validate.ts puts the label in front). */
const worded = (wording: string) => ({ params: { wording } })

/**
 * A whole sentence for the issue, said as it is (validate.ts takes a schema's own Chinese message
 * over the general words). Spread into a check's params: nothing when the field has no words of
 * its own for this kind, so the label-based words apply.
 */
const says = (words: Words | undefined, kind: ProblemKind): { error?: string } => {
  const message = ownWords(words, kind)
  return message ? { error: message } : {}
}

/**
 * The type check's words: an absent value is missing, anything else is in the wrong form. (A
 * schema's error map also answers for its checks without words of their own: those keep theirs.)
 */
const typeWords = (words: Words | undefined) => ({
  error: (issue: { code?: string; input?: unknown }) =>
    issue.code === 'invalid_type' ? ownWords(words, issue.input == null ? 'missing' : 'format') : undefined,
})

/** Text by its rule (fields.ts), trimmed; the main package's forms check the same rule without zod. */
export const text = (rule: TextRule) =>
  z
    .string(typeWords(rule.words))
    .check(
      z.trim(),
      ...(rule.min > 0 ? [z.minLength(rule.min, says(rule.words, rule.min <= 1 ? 'missing' : 'tooShort'))] : []),
      z.maxLength(rule.max, says(rule.words, 'tooLong')),
      ...(rule.pattern ? [z.regex(rule.pattern, says(rule.words, 'format'))] : []),
    )

/** A whole number by its rule (fields.ts). */
export const whole = (rule: WholeRule) =>
  z
    .number(typeWords(rule.words))
    .check(z.int(says(rule.words, 'format')), z.minimum(rule.min, says(rule.words, 'below')), z.maximum(rule.max, says(rule.words, 'above')))

/**
 * Made once by the client per form (or payment, or visit), so a create sent again after a lost
 * answer or a crash is recognised and answered the record it already made.
 */
export const formKey = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/))

/** `YYYY-MM-DD`, a real day between 1900 and 2100 (2026-02-30 and 9999-99-99 are refused). */
export const calendarDate = z.string().check(z.refine(isCalendarDate, worded('不是有效的日期，请写成 2026-03-01 这样')))

/** `MM-DD` of a birthday; 02-29 is a birthday, 02-30 is not. */
export const monthDay = z.string().check(z.refine(isMonthDay, worded('不是有效的月日，请写成 05-12 这样')))

/**
 * Keys a map from a request must never carry. `JSON.parse` makes `"__proto__"` an own key, and
 * zod's records skip it silently (the call would succeed with part of the input dropped);
 * `constructor` and `prototype` read as Object's own machinery when code looks a key up.
 */
export const RESERVED_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype']
export const isReservedKey = (key: string): boolean => RESERVED_KEYS.includes(key)

/** Looks at the raw object before the record parses it, so the key is still there to refuse. */
const withoutReservedKeys = <T>() =>
  z.custom<T>().check(
    z.superRefine((value, ctx) => {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return
      const keys = Object.keys(value).filter(isReservedKey)
      // A custom issue (not unrecognized_keys) so the pipe stops here and the record never sees the key.
      if (keys.length) ctx.issues.push({ code: 'custom', input: value, params: { wording: `包含无法识别的内容：${keys.join('、')}` } })
    }),
  )

/** `z.record` that refuses reserved keys like any unknown key. Every map in the contract uses it. */
export const safeRecord = <K extends z.core.$ZodRecordKey, V extends z.core.SomeType>(key: K, value: V) => {
  const record = z.record(key, value)
  return z.pipe(withoutReservedKeys<z.input<typeof record>>(), record)
}

/** `z.partialRecord` (keys from an enum, each optional) with the same refusal. */
export const safePartialRecord = <K extends z.core.$ZodRecordKey, V extends z.core.SomeType>(key: K, value: V) => {
  const record = z.partialRecord(key, value)
  return z.pipe(withoutReservedKeys<z.input<typeof record>>(), record)
}
