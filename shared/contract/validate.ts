import * as z from 'zod/mini'
import { labelFor } from './labels'

export interface FieldProblem {
  readonly field: string
  readonly message: string
}

type Issue = z.core.$ZodIssue

/** Words one validation issue for a member, in Chinese, naming the field. */
export function describeIssue(issue: Issue, labels?: Readonly<Record<string, string>>): FieldProblem {
  const field = issue.path.map(String).join('.')
  const label = labelFor(issue.path, labels)
  return { field, message: wordIssue(issue, label) }
}

function wordIssue(issue: Issue, label: string): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? `请填写${label}` : `${label}的格式不对`
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? `请填写${label}` : `${label}至少 ${issue.minimum} 个字`
      if (issue.origin === 'array' || issue.origin === 'set') return `${label}至少选 ${issue.minimum} 项`
      return `${label}不能小于 ${issue.minimum}`
    case 'too_big':
      if (issue.origin === 'string') return `${label}不能超过 ${issue.maximum} 个字`
      if (issue.origin === 'array' || issue.origin === 'set') return `${label}最多 ${issue.maximum} 项`
      return `${label}不能大于 ${issue.maximum}`
    case 'invalid_format':
      return `${label}的格式不对`
    case 'invalid_value':
      return `${label}不在可选范围内`
    case 'not_multiple_of':
      return `${label}的数值不对`
    case 'custom':
      // Shared schemas (schemas.ts) carry their wording; the label goes in front, as for the rest.
      if (typeof issue.params?.wording === 'string') return `${label}${issue.params.wording}`
      return wordFallback(issue, label)
    case 'unrecognized_keys':
      return `包含无法识别的内容：${issue.keys.join('、')}`
    default:
      return wordFallback(issue, label)
  }
}

const wordFallback = (issue: Issue, label: string): string => (issue.message && /[\u4e00-\u9fa5]/.test(issue.message) ? issue.message : `${label}填写有误`)

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] }

/** Parses input against a schema; on failure returns every problem, worded for a member. */
export function parseInput<S extends z.ZodMiniType>(schema: S, input: unknown, labels?: Readonly<Record<string, string>>): ParseResult<z.output<S>> {
  const result = z.safeParse(schema, input, { reportInput: true })
  if (result.success) return { ok: true, value: result.data }
  return { ok: false, problems: result.error.issues.map((issue) => describeIssue(issue, labels)) }
}
