import * as z from 'zod/mini'
import { labelFor } from './labels'
import { hintLabel, ownWords, wordProblem, type FieldHint, type Hints, type ProblemKind } from './wording'

export interface FieldProblem {
  readonly field: string
  readonly message: string
}

type Issue = z.core.$ZodIssue

/**
 * Words one validation issue for a member, in Chinese, naming the field. `hints`: what a form
 * says beside the field where the request's answer keeps other words (wording.ts).
 */
export function describeIssue(issue: Issue, labels?: Readonly<Record<string, string>>, hints?: Hints): FieldProblem {
  const field = issue.path.map(String).join('.')
  const hint = hintFor(hints, issue.path)
  const label = hintLabel(hint) ?? labelFor(issue.path, labels)
  return { field, message: wordIssue(issue, label, hint) }
}

/** The hint for a field at `path` (own keys only: a path segment such as `constructor` finds nothing). */
function hintFor(hints: Hints | undefined, path: readonly PropertyKey[]): FieldHint | undefined {
  if (!hints) return undefined
  const names = path.filter((p): p is string => typeof p === 'string')
  const own = (key: string | undefined) => (key !== undefined && Object.prototype.hasOwnProperty.call(hints, key) ? hints[key] : undefined)
  return own(names.join('.')) ?? own(names[names.length - 1])
}

const CHINESE = /[\u4e00-\u9fa5]/

function kindOf(issue: Issue): ProblemKind | null {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'missing' : 'format'
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'missing' : 'tooShort'
      return issue.origin === 'array' || issue.origin === 'set' ? 'tooFew' : 'below'
    case 'too_big':
      if (issue.origin === 'string') return 'tooLong'
      return issue.origin === 'array' || issue.origin === 'set' ? 'tooMany' : 'above'
    case 'invalid_format':
      return 'format'
    case 'invalid_value':
      // An enum left out is missing, like any field left out.
      return issue.input === undefined || issue.input === null ? 'missing' : 'choice'
    case 'custom':
      return 'invalid'
    default:
      return null
  }
}

const limitOf = (issue: Issue): number => Number(issue.code === 'too_small' ? issue.minimum : issue.code === 'too_big' ? issue.maximum : 0)

function wordIssue(issue: Issue, label: string, hint: FieldHint | undefined): string {
  if (issue.code === 'unrecognized_keys') return `包含无法识别的内容：${issue.keys.join('、')}`
  const kind = kindOf(issue)
  const hinted = kind && ownWords(hint, kind)
  if (hinted) return hinted
  // A schema's own sentence (schemas.ts `says`, a refinement's message) is said as it is.
  if (issue.message && CHINESE.test(issue.message)) return issue.message
  // Shared schemas (schemas.ts) carry their wording; the label goes in front, as for the rest.
  if (issue.code === 'custom' && typeof issue.params?.wording === 'string') return `${label}${issue.params.wording}`
  if (issue.code === 'not_multiple_of') return `${label}的数值不对`
  return wordProblem(kind ?? 'invalid', label, limitOf(issue))
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] }

/** Parses input against a schema; on failure returns every problem, worded for a member. */
export function parseInput<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  labels?: Readonly<Record<string, string>>,
  hints?: Hints,
): ParseResult<z.output<S>> {
  const result = z.safeParse(schema, input, { reportInput: true })
  if (result.success) return { ok: true, value: result.data }
  return { ok: false, problems: result.error.issues.map((issue) => describeIssue(issue, labels, hints)) }
}

/** A form's messages: the first problem of each field (by its path, `items.0.name`), as the form shows them. */
export function firstByField<K extends string = string>(problems: readonly FieldProblem[]): Partial<Record<K, string>> {
  const first: Partial<Record<string, string>> = {}
  for (const p of problems) if (!Object.prototype.hasOwnProperty.call(first, p.field)) first[p.field] = p.message
  return first
}
