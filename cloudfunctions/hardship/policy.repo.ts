import type { AidCategoryView, HardshipPolicyView } from '@shared/contract'
import { capText, DEFAULT_CATEGORIES, frequencyText, type AidCategory } from '@shared/domain/hardship'
import { dateTimeText } from '@shared/domain/time'
import { isDuplicateWrite } from '../_lib/db-errors'
import type { Deps } from '../_lib/deps'
import type { HardshipPolicyChangeDoc, HardshipPolicyDoc } from './records'
import { readPage } from '../_lib/read-page'

export const POLICIES = 'hardship_policies'
export const POLICY_CHANGES = 'hardship_policy_changes'

export const policyId = (unionId: string, year: number) => `${unionId}:${year}`

export interface EffectivePolicy {
  readonly year: number
  readonly categories: readonly AidCategory[]
  /** The stored document for exactly this year, if any (its version is what an edit must name). */
  readonly doc: HardshipPolicyDoc | null
  readonly inheritedFrom: number | 'default' | null
}

/** The standards in force for `year`, given the latest stored standards of that year or before (if any). */
export function effectivePolicy(year: number, doc: HardshipPolicyDoc | undefined): EffectivePolicy {
  if (!doc) return { year, categories: DEFAULT_CATEGORIES, doc: null, inheritedFrom: 'default' }
  if (doc.year === year) return { year, categories: doc.categories, doc, inheritedFrom: null }
  return { year, categories: doc.categories, doc: null, inheritedFrom: doc.year }
}

/**
 * The standards in force for a year: that year's own, else the latest earlier year's (standards carry
 * over until changed), else seed 004's defaults. One query.
 */
export async function policyFor(deps: Deps, unionId: string, year: number): Promise<EffectivePolicy> {
  const res = await deps.db
    .collection(POLICIES)
    .where({ unionId, year: deps.db.command.lte(year) })
    .orderBy('year', 'desc')
    .limit(1)
    .get()
  return effectivePolicy(year, res.data[0] as HardshipPolicyDoc | undefined)
}

/** The same read as a lookup's pipeline on a request (`$$u` its union, `$$y` its year). */
export const policyLookup = {
  from: POLICIES,
  let: { u: '$unionId', y: '$year' },
  pipeline: [{ $match: { $expr: { $and: [{ $eq: ['$unionId', '$$u'] }, { $lte: ['$year', '$$y'] }] } } }, { $sort: { year: -1 } }, { $limit: 1 }],
}

/**
 * Saves a year's standards only if the version edited is still current (the first version by
 * insert). false when another admin saved first: nothing written.
 */
export async function savePolicyVersion(deps: Deps, doc: HardshipPolicyDoc, editedVersion: number): Promise<boolean> {
  const coll = deps.db.collection(POLICIES)
  if (editedVersion === 0) {
    try {
      await coll.add(doc)
      return true
    } catch (error) {
      if (isDuplicateWrite(error)) return false
      throw error
    }
  }
  const { _id, ...fields } = doc
  return (await coll.where({ _id, version: editedVersion }).update(fields)).updated === 1
}

export const insertPolicyChange = async (deps: Deps, change: HardshipPolicyChangeDoc): Promise<void> =>
  void (await deps.db.collection(POLICY_CHANGES).add(change))

/** Changes to the standards, newest first, without the full before/after lists. */
export async function policyChangesPage(
  deps: Deps,
  unionId: string,
  page: number,
  pageSize: number,
): Promise<{ docs: HardshipPolicyChangeDoc[]; total: number }> {
  const query = deps.db.collection(POLICY_CHANGES).where({ unionId })
  return readPage<HardshipPolicyChangeDoc>(query, [['at', 'desc']], page, pageSize, { before: false, after: false })
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
