import { policyChanges, policyProblem, type AidCategory } from '@shared/domain/hardship'
import { shanghaiYear } from '@shared/domain/time'
import type { Handler } from '../../_lib/entry'
import { appendAudit } from '../../_lib/audit'
import { AppError, invalid } from '../../_lib/app-error'
import type { HardshipPolicyChangeDoc, HardshipPolicyDoc } from '../records'
import { insertPolicyChange, policyFor, policyId, policyView, savePolicyVersion } from '../policy.repo'

const stale = () => new AppError('CONFLICT', '标准刚被其他管理员修改过，请刷新后再改')

/**
 * An admin replaces a year's standards (this year's or next year's). The version they edited must
 * still be current — one conditional write — and every change is kept with who and when.
 */
export const savePolicy: Handler<'hardship.savePolicy'> = async ({ deps, me, input }) => {
  const { clock } = deps
  const thisYear = shanghaiYear(clock.now())
  if (input.year < thisYear || input.year > thisYear + 1)
    throw invalid(`只能修改 ${thisYear} 年和 ${thisYear + 1} 年的标准，往年的标准保留备查`, { field: 'year' })
  const categories: AidCategory[] = input.categories.map((c) => ({
    ...c,
    name: c.name.trim(),
    caseLabel: c.frequency.per === 'case' ? c.caseLabel.trim() : '',
  }))
  const problem = policyProblem(categories)
  if (problem) throw invalid(problem.message, { field: problem.index === null ? 'categories' : `categories.${problem.index}` })

  const current = await policyFor(deps, me.unionId, input.year)
  const version = current.doc?.version ?? 0
  if (input.version !== version) throw stale()
  const changes = policyChanges(current.categories, categories)
  // Saving the same standards again (or an inherited year unchanged) writes nothing.
  if (changes.length === 0) return policyView(current, clock.now())
  // Removing a default category would orphan its requests' history less visibly than stopping it.
  const removed = current.categories.filter((c) => !categories.some((x) => x.key === c.key))
  if (removed.length) throw invalid(`不能删除「${removed[0].name}」，如不再受理请改为停止受理`, { field: 'categories' })

  const now = clock.now()
  const doc: HardshipPolicyDoc = {
    _id: policyId(me.unionId, input.year),
    unionId: me.unionId,
    year: input.year,
    categories,
    version: version + 1,
    updatedAt: now,
    updatedBy: me.member._id,
    updatedByName: me.member.name,
  }
  if (!(await savePolicyVersion(deps, doc, version))) throw stale()
  const change: HardshipPolicyChangeDoc = {
    _id: deps.ids.next(),
    unionId: me.unionId,
    year: input.year,
    version: doc.version,
    before: current.categories,
    after: categories,
    changes,
    by: me.member._id,
    byName: me.member.name,
    at: now,
  }
  await insertPolicyChange(deps, change)
  await appendAudit(deps, {
    unionId: me.unionId,
    actor: me.member._id,
    actorName: me.member.name,
    action: 'policy.save',
    target: `${input.year} 年帮扶慰问标准`,
    data: { version: doc.version, changes },
  })
  return policyView({ year: input.year, categories, doc, inheritedFrom: null }, clock.now())
}
