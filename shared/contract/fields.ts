/**
 * A field's limits and words as plain data, written once: the contract builds the field's schema
 * from it (schemas.ts `text`, `whole`), and a main-package form checks with it here, without zod
 * (zod/mini would cost the main package some 30 KB). Both give the same message for the same input.
 */
import { textLength } from '../domain/text'
import { hintLabel, ownWords, wordProblem, type FieldHint, type ProblemKind, type Words } from './wording'

/**
 * Text, trimmed before it is checked. The label is not here: messages name the field by the
 * action's labels (labels.ts), or by the name a form shows it under (a hint's `label`).
 */
export interface TextRule {
  /** Least characters after trimming; 0 when it may be left empty. */
  readonly min: number
  readonly max: number
  readonly pattern?: RegExp
  readonly words?: Words
}

/** A whole number within bounds (money travels as whole 分). */
export interface WholeRule {
  readonly min: number
  readonly max: number
  readonly words?: Words
}

/** Which problem the trimmed text has, in the order the schema checks: length, then pattern. */
export function textKind(rule: TextRule, trimmed: string): ProblemKind | null {
  const n = textLength(trimmed)
  if (n < rule.min) return rule.min <= 1 ? 'missing' : 'tooShort'
  if (n > rule.max) return 'tooLong'
  if (rule.pattern && !rule.pattern.test(trimmed)) return 'format'
  return null
}

/** NaN stands for what a form could not read as a number. */
export function wholeKind(rule: WholeRule, n: number): ProblemKind | null {
  if (!Number.isInteger(n)) return 'format'
  if (n < rule.min) return 'below'
  if (n > rule.max) return 'above'
  return null
}

const limitOf = (rule: { readonly min: number; readonly max: number }, kind: ProblemKind): number =>
  kind === 'tooShort' || kind === 'below' ? rule.min : kind === 'tooLong' || kind === 'above' ? rule.max : 0

/** The message for one kind of problem with a field, as validate.ts words the schema's issue (a form's hint first). */
export const ruleMessage = (rule: TextRule | WholeRule, kind: ProblemKind, label: string, hint?: FieldHint): string =>
  ownWords(hint, kind) ?? wordProblem(kind, hintLabel(hint) ?? label, limitOf(rule, kind), rule.words)

/** What is wrong with a typed text (trimmed here, as the schema trims), or null. */
export function textProblem(rule: TextRule, typed: string, label: string, hint?: FieldHint): string | null {
  const kind = textKind(rule, typed.trim())
  return kind && ruleMessage(rule, kind, label, hint)
}

/** What is wrong with a number (NaN: nothing readable was typed), or null. */
export function wholeProblem(rule: WholeRule, n: number, label: string, hint?: FieldHint): string | null {
  const kind = wholeKind(rule, n)
  return kind && ruleMessage(rule, kind, label, hint)
}

/** A whole number as typed into a form (digits only); NaN when it is not one, which the rule then words. */
export function typedWhole(typed: string): number {
  const t = typed.trim()
  return /^\d+$/.test(t) ? Number(t) : NaN
}
