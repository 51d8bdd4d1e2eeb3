/**
 * The standards editor: the categories as the admin types them (元, counts) ↔ what
 * `hardship.savePolicy` takes, each row checked with its category schema, then the whole with the
 * shared rule. Pure, for tests.
 */
import type { HardshipPolicyView } from '@shared/contract'
import { typedWhole } from '@shared/contract/fields'
import { CategorySchema, hardshipActions, POLICY_FORM_HINTS } from '@shared/contract/hardship.contract'
import { parseInput } from '@shared/contract/validate'
import { policyProblem, type AidCategory, type AidKind, type FrequencyRule } from '@shared/domain/hardship'
import { formatYuan, parseYuan } from '@shared/domain/money'

export interface CategoryRow {
  key: string
  name: string
  kind: AidKind
  /** 元 as typed; empty: no standard set yet. */
  cap: string
  times: string
  period: FrequencyRule['period']
  per: FrequencyRule['per']
  caseLabel: string
  enabled: boolean
  /** Added in this edit (only these may be taken out again before saving). */
  added: boolean
}

export const rowsOf = (p: HardshipPolicyView): CategoryRow[] =>
  p.categories.map((c) => ({
    key: c.key,
    name: c.name,
    kind: c.kind,
    cap: c.capFen === null ? '' : formatYuan(c.capFen),
    times: String(c.frequency.times),
    period: c.frequency.period,
    per: c.frequency.per,
    caseLabel: c.caseLabel,
    enabled: c.enabled,
    added: false,
  }))

let seq = 0
export const newRow = (now = Date.now()): CategoryRow => ({
  key: `c-${now.toString(36)}${(++seq).toString(36)}`,
  name: '',
  kind: 'care',
  cap: '',
  times: '1',
  period: 'year',
  per: 'member',
  caseLabel: '',
  enabled: true,
  added: true,
})

export interface RowProblem {
  readonly index: number | null
  readonly message: string
}

/** The categories to save, or the first problem with the row it is in (named after the category). */
export function categoriesOf(rows: readonly CategoryRow[]): { categories: AidCategory[] } | { problem: RowProblem } {
  const categories: AidCategory[] = []
  const labels = hardshipActions['hardship.savePolicy'].labels
  for (const [index, r] of rows.entries()) {
    const name = r.name.trim()
    if (!name) return { problem: { index, message: `第 ${index + 1} 个类别缺少名称` } }
    const category = {
      key: r.key,
      name,
      kind: r.kind,
      // An amount that does not read as 元 is NaN: the schema words it with the standard's range.
      capFen: r.cap.trim() ? (parseYuan(r.cap) ?? NaN) : null,
      frequency: { times: typedWhole(r.times), period: r.period, per: r.per },
      caseLabel: r.per === 'case' ? r.caseLabel.trim() : '',
      enabled: r.enabled,
    }
    const parsed = parseInput(CategorySchema, category, labels, POLICY_FORM_HINTS)
    if (!parsed.ok) return { problem: { index, message: `「${name}」的${parsed.problems[0].message}` } }
    categories.push(category)
  }
  const problem = policyProblem(categories)
  return problem ? { problem } : { categories }
}
