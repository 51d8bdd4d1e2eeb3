/**
 * The standards editor: the categories as the admin types them (元, counts) ↔ what
 * `hardship.savePolicy` takes, checked with the shared rule. Pure, for tests.
 */
import type { HardshipPolicyView } from '@shared/contract'
import { MAX_CAP_FEN, MAX_TIMES, policyProblem, type AidCategory, type AidKind, type FrequencyRule } from '@shared/domain/hardship'
import { formatMoney, formatYuan, parseYuan } from '@shared/domain/money'

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

/** The categories to save, or the first problem with the row it is in. */
export function categoriesOf(rows: readonly CategoryRow[]): { categories: AidCategory[] } | { problem: RowProblem } {
  const categories: AidCategory[] = []
  for (const [index, r] of rows.entries()) {
    const name = r.name.trim()
    if (!name) return { problem: { index, message: `第 ${index + 1} 个类别缺少名称` } }
    if (name.length > 12) return { problem: { index, message: `「${name}」的名称不能超过 12 个字` } }
    let capFen: number | null = null
    if (r.cap.trim()) {
      capFen = parseYuan(r.cap)
      if (capFen === null || capFen <= 0 || capFen > MAX_CAP_FEN)
        return { problem: { index, message: `「${name}」的标准请填写 0.01 至 ${formatMoney(MAX_CAP_FEN)} 元，不设标准请留空` } }
    }
    const times = Number(r.times.trim())
    if (!/^\d+$/.test(r.times.trim()) || times < 1 || times > MAX_TIMES) return { problem: { index, message: `「${name}」的次数请填写 1 至 ${MAX_TIMES}` } }
    const caseLabel = r.per === 'case' ? r.caseLabel.trim() : ''
    if (caseLabel.length > 8) return { problem: { index, message: `「${name}」的事项名称不能超过 8 个字` } }
    categories.push({ key: r.key, name, kind: r.kind, capFen, frequency: { times, period: r.period, per: r.per }, caseLabel, enabled: r.enabled })
  }
  const problem = policyProblem(categories)
  return problem ? { problem } : { categories }
}
