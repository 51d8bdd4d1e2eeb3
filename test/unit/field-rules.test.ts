/** One rule, one message: a main-package form's zod-free check says what the schema built from the same rule says. */
import * as z from 'zod/mini'
import { parseInput, text, textProblem, whole, wholeProblem, type FieldHint, type TextRule, type WholeRule } from '@shared/contract'
import { BIND_FIELDS, BIND_HINTS, BIND_LABELS } from '@shared/contract/member.fields'
import { REQUEST_FIELDS, REQUEST_HINTS, REQUEST_LABELS } from '@shared/contract/hardship.fields'

const viaSchema = (schema: z.ZodMiniType, value: unknown, label: string, hint?: FieldHint): string | null => {
  const parsed = parseInput(z.strictObject({ f: schema }), { f: value }, { f: label }, hint ? { f: hint } : undefined)
  return parsed.ok ? null : parsed.problems[0].message
}

const texts: [string, TextRule, string, FieldHint | undefined][] = [
  ...(['memberNo', 'name', 'phoneLast4'] as const).map((k): [string, TextRule, string, FieldHint | undefined] => [
    k,
    BIND_FIELDS[k],
    BIND_LABELS[k],
    BIND_HINTS[k],
  ]),
  ...(['description', 'contact'] as const).map((k): [string, TextRule, string, FieldHint | undefined] => [
    k,
    REQUEST_FIELDS[k],
    REQUEST_LABELS[k],
    REQUEST_HINTS[k],
  ]),
]
const typed = ['', '   ', 'GH2026001', ' 刘洋 ', '37a7', '3757', '12345', 'GH 2026', '一'.repeat(21), '😀'.repeat(21), 'x'.repeat(1001)]

describe.each(texts)('the %s rule', (_name, rule, label, hint) => {
  it.each(typed)('words %j alike on both sides, with and without the form’s hint', (value) => {
    expect(textProblem(rule, value, label)).toBe(viaSchema(text(rule), value, label))
    expect(textProblem(rule, value, label, hint)).toBe(viaSchema(text(rule), value, label, hint))
  })
})

describe('whole numbers', () => {
  const rule: WholeRule = REQUEST_FIELDS.amountFen
  it.each([NaN, 0, -500, 1.5, 1, 80_050, rule.max, rule.max + 1])('words %p alike on both sides', (n) => {
    expect(wholeProblem(rule, n, REQUEST_LABELS.amountFen)).toBe(viaSchema(whole(rule), n, REQUEST_LABELS.amountFen))
  })
})

it('counts characters one way: an emoji or a rare character is one, as the schema’s maxLength counts', () => {
  const rule: TextRule = { min: 1, max: 20 }
  for (const value of ['😀'.repeat(20), '𠮷'.repeat(20)]) {
    expect(textProblem(rule, value, '姓名')).toBeNull()
    expect(viaSchema(text(rule), value, '姓名')).toBeNull()
  }
  expect(textProblem(rule, '😀'.repeat(21), '姓名')).toBe('姓名不能超过 20 个字')
  expect(viaSchema(text(rule), '😀'.repeat(21), '姓名')).toBe('姓名不能超过 20 个字')
})
