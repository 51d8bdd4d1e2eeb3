import * as z from 'zod/mini'
import { actions, calendarDate, labelFor, monthDay, parseInput, safePartialRecord, safeRecord } from '@shared/contract'
import { isCalendarDate, isMonthDay } from '@shared/domain/time'
import { parseDate, parseMonthDay } from '@shared/domain/roster'

/** Every schema reachable from `schema`, each with the schema that holds it (for "is this record wrapped?"). */
function walk(schema: z.core.$ZodType, visit: (s: z.core.$ZodType, parent: z.core.$ZodType | null) => void, parent: z.core.$ZodType | null = null): void {
  visit(schema, parent)
  const def = schema._zod.def as unknown as Record<string, unknown>
  const children: unknown[] = [
    def.innerType,
    def.element,
    def.in,
    def.out,
    def.keyType,
    def.valueType,
    ...((def.options as unknown[]) ?? []),
    ...Object.values((def.shape as object) ?? {}),
  ]
  for (const child of children) if (child && typeof child === 'object' && '_zod' in child) walk(child as z.core.$ZodType, visit, schema)
}

describe('maps from a request refuse reserved keys', () => {
  const lines = safePartialRecord(z.enum(['training', 'care']), z.number())
  const answers = safeRecord(z.string(), z.string())

  it.each(['__proto__', 'constructor', 'prototype'])('refuses %s like an unknown key, with nothing parsed', (key) => {
    // JSON.parse keeps "__proto__" as an own key, as the function runner and the platform parse requests.
    const input = JSON.parse(`{"${key}":"x","training":1}`)
    const result = parseInput(z.strictObject({ lines: z.optional(lines), answers: z.optional(answers) }), { answers: input })
    expect(result).toEqual({ ok: false, problems: [{ field: 'answers', message: `answers包含无法识别的内容：${key}` }] })
    expect(parseInput(z.strictObject({ lines }), { lines: JSON.parse(`{"${key}":1,"training":1}`) }).ok).toBe(false)
  })

  it('passes ordinary maps through unchanged', () => {
    expect(parseInput(lines, { training: 5 })).toEqual({ ok: true, value: { training: 5 } })
    expect(parseInput(answers, { size: 'L' })).toEqual({ ok: true, value: { size: 'L' } })
  })

  it('the real actions refuse it: funds.setBudget lines and activity.signUp answers', () => {
    const budget = parseInput(
      actions['funds.setBudget'].input,
      JSON.parse('{"year":2026,"lines":{"__proto__":{"training":1},"care":5}}'),
      actions['funds.setBudget'].labels,
    )
    expect(budget).toEqual({ ok: false, problems: [{ field: 'lines', message: '预算包含无法识别的内容：__proto__' }] })
    const signUp = parseInput(
      actions['activity.signUp'].input,
      JSON.parse('{"id":"a1","answers":{"__proto__":"L","size":"M"}}'),
      actions['activity.signUp'].labels,
    )
    expect(signUp.ok).toBe(false)
  })

  it('an organizer cannot name a sign-up question after Object’s machinery', () => {
    const field = { key: 'constructor', label: '尺码', type: 'text', required: false }
    const create = actions['activity.create'].input
    const result = parseInput(create, { fields: [field] }, actions['activity.create'].labels)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems.some((p) => p.field === 'fields.0.key')).toBe(true)
  })

  it('every map in the contract is a safe one (a record always sits behind the reserved-key check)', () => {
    const bare: string[] = []
    for (const [name, def] of Object.entries(actions)) {
      walk(def.input as z.core.$ZodType, (s, parent) => {
        if (s._zod.def.type === 'record' && parent?._zod.def.type !== 'pipe') bare.push(name)
      })
    }
    expect(bare).toEqual([])
  })

  it('labels are looked up as own keys only', () => {
    expect(labelFor(['answers', 'constructor'])).toBe('constructor')
    expect(labelFor(['joinDate'])).toBe('入会日期')
  })
})

describe('one calendar date and one birthday schema', () => {
  it.each([
    ['2026-03-01', true],
    ['2028-02-29', true],
    ['1900-01-01', true],
    ['2100-12-31', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['9999-99-99', false],
    ['1899-12-31', false],
    ['2101-01-01', false],
    ['2026-3-1', false],
    ['2026-00-10', false],
    ['', false],
  ])('date %s → %s', (text, ok) => {
    expect(isCalendarDate(text)).toBe(ok)
    expect(z.safeParse(calendarDate, text).success).toBe(ok)
  })

  it.each([
    ['05-12', true],
    ['02-29', true],
    ['12-31', true],
    ['02-30', false],
    ['04-31', false],
    ['13-01', false],
    ['00-10', false],
    ['5-12', false],
  ])('birthday %s → %s', (text, ok) => {
    expect(isMonthDay(text)).toBe(ok)
    expect(z.safeParse(monthDay, text).success).toBe(ok)
  })

  it('words the problem for a member, naming the field', () => {
    const update = actions['member.update']
    expect(parseInput(update.input, { id: 'm1', joinDate: '2026-02-30', birthday: '02-30' }, update.labels)).toEqual({
      ok: false,
      problems: [
        { field: 'birthday', message: '生日不是有效的月日，请写成 05-12 这样' },
        { field: 'joinDate', message: '入会日期不是有效的日期，请写成 2026-03-01 这样' },
      ],
    })
  })

  it('the roster import reads dates by the same rule', () => {
    expect(parseDate('2026年2月30日')).toBeNull()
    expect(parseDate('2028/2/29')).toBe('2028-02-29')
    expect(parseMonthDay('2月29日')).toBe('02-29')
    expect(parseMonthDay('2月30日')).toBeNull()
  })

  it('no action accepts a date through its own regex or zod’s iso.date', () => {
    const own: string[] = []
    for (const [name, def] of Object.entries(actions)) {
      walk(def.input as z.core.$ZodType, (s) => {
        const d = s._zod.def as unknown as { type: string; format?: string; checks?: { _zod: { def: { pattern?: RegExp; format?: string } } }[] }
        if (d.type === 'string' && d.format === 'date') own.push(name)
        for (const c of d.checks ?? []) if (c._zod.def.pattern && /\\d\{[24]\}-/.test(c._zod.def.pattern.source)) own.push(name)
      })
    }
    expect(own).toEqual([])
  })
})
