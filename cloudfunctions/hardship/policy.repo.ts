import type { AidCategoryView, HardshipPolicyView } from '@shared/contract'
import { capText, DEFAULT_CATEGORIES, frequencyText, type AidCategory } from '@shared/domain/hardship'
import { dateTimeText } from '@shared/domain/time'
import type { Deps } from '../_lib/deps'
import type { HardshipPolicyDoc } from '../_lib/documents'

export const policyId = (unionId: string, year: number) => `${unionId}:${year}`

export interface EffectivePolicy {
  readonly year: number
  readonly categories: readonly AidCategory[]
  /** The stored document for exactly this year, if any (its version is what an edit must name). */
  readonly doc: HardshipPolicyDoc | null
  readonly inheritedFrom: number | 'default' | null
}

/**
 * The standards in force for a year: that year's own, else the latest earlier year's (standards carry
 * over until changed), else seed 004's defaults. One query.
 */
export async function policyFor(deps: Deps, unionId: string, year: number): Promise<EffectivePolicy> {
  const _ = deps.db.command
  const res = await deps.db.collection('hardship_policies').where({ unionId, year: _.lte(year) }).orderBy('year', 'desc').limit(1).get()
  const doc = res.data[0] as HardshipPolicyDoc | undefined
  if (!doc) return { year, categories: DEFAULT_CATEGORIES, doc: null, inheritedFrom: 'default' }
  if (doc.year === year) return { year, categories: doc.categories, doc, inheritedFrom: null }
  return { year, categories: doc.categories, doc: null, inheritedFrom: doc.year }
}

export const categoryView = (c: AidCategory): AidCategoryView => ({ ...c, capText: capText(c), frequencyText: frequencyText(c) })

export const policyView = (p: EffectivePolicy, now: Date): HardshipPolicyView => ({
  year: p.year,
  categories: p.categories.map(categoryView),
  version: p.doc?.version ?? 0,
  inheritedFrom: p.inheritedFrom,
  updatedAt: p.doc ? dateTimeText(p.doc.updatedAt, now) : null,
  updatedBy: p.doc?.updatedByName ?? null,
})
