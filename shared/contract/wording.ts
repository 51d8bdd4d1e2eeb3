/**
 * How a field's problem is put to a member, written once for both sides: the schemas' issues
 * (validate.ts) and the checks a main-package form makes without zod (fields.ts). No zod here, so
 * the main package can read it.
 */

/** What is wrong with a field, whichever side checked it. */
export type ProblemKind = 'missing' | 'tooShort' | 'tooLong' | 'format' | 'choice' | 'tooFew' | 'tooMany' | 'below' | 'above' | 'invalid'

/** A field's own words where the general ones would be vague: one sentence for any problem, or one per kind. */
export type Words = string | Partial<Readonly<Record<ProblemKind, string>>>

/**
 * What a form says beside a field where the request's answer keeps other words: a function test
 * holds the answer's words, or the form's only make sense next to the field (a picker's 「请选择…」,
 * a hint without the field's name, the name the form shows the field under). By the field's path
 * with indices left out (`options.name`), else its name.
 */
export type FieldHint = string | (Partial<Readonly<Record<ProblemKind, string>>> & { readonly label?: string })
export type Hints = Readonly<Record<string, FieldHint>>

const GENERAL: Readonly<Record<ProblemKind, (label: string, limit: number) => string>> = {
  missing: (label) => `请填写${label}`,
  tooShort: (label, n) => `${label}至少 ${n} 个字`,
  tooLong: (label, n) => `${label}不能超过 ${n} 个字`,
  format: (label) => `${label}的格式不对`,
  choice: (label) => `${label}不在可选范围内`,
  tooFew: (label, n) => `${label}至少选 ${n} 项`,
  tooMany: (label, n) => `${label}最多 ${n} 项`,
  below: (label, n) => `${label}不能小于 ${n}`,
  above: (label, n) => `${label}不能大于 ${n}`,
  invalid: (label) => `${label}填写有误`,
}

export const ownWords = (words: Words | FieldHint | undefined, kind: ProblemKind): string | undefined => (typeof words === 'string' ? words : words?.[kind])

/** The field's own words for this kind of problem, else the general ones with its label and limit. */
export const wordProblem = (kind: ProblemKind, label: string, limit = 0, words?: Words): string => ownWords(words, kind) ?? GENERAL[kind](label, limit)

export const hintLabel = (hint: FieldHint | undefined): string | undefined => (typeof hint === 'object' ? hint.label : undefined)
