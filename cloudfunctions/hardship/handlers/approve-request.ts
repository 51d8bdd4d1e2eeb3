import { approvedAmountRefusal, caseLabelRefusal, findCategory, frequencyRefusal, stepRefusal } from '@shared/domain/hardship'
import type { Handler } from '../../_lib/entry'
import { AppError, invalid } from '../../_lib/app-error'
import { bucketOf, claimSlot, readBucket, releaseSlot } from '../grants'
import { policyFor } from '../policy.repo'
import { applyStep, changedMeanwhile, loadForDecision, reread, toDetail } from '../requests.repo'
import { tellStep } from '../tell'
import { commitApproved, reserveForApproval } from '../ledger'

/**
 * Approves a request under review with an amount within the category's standard and its frequency
 * rule. Checks write nothing. Then the frequency allowance is claimed (a slot with a natural key) and
 * the status moves by one conditional write: of two reviewers approving at once, one approves.
 */
export const approveRequest: Handler<'hardship.approve'> = async ({ deps, me, input }) => {
  const req = await loadForDecision(deps, me, input.id)
  const refusal = stepRefusal(req.status, 'approve')
  if (refusal) throw new AppError('CONFLICT', refusal)
  const policy = await policyFor(deps, req.unionId, req.year)
  const category = findCategory(policy.categories, req.category)
  if (!category) throw invalid(`「${req.categoryName}」已不在本会的标准中，不能批准`, { field: 'id' })
  const overCap = approvedAmountRefusal(category, input.amountFen)
  if (overCap) throw invalid(overCap, { field: 'amountFen', capFen: category.capFen })
  const noCase = caseLabelRefusal(category, input.caseLabel)
  if (noCase) throw invalid(noCase, { field: 'caseLabel' })
  const caseLabel = category.frequency.per === 'case' ? input.caseLabel!.trim() : null
  const bucket = bucketOf(req, category, caseLabel)
  const state = await readBucket(deps, bucket, req._id)
  const tooOften = frequencyRefusal(category, state.used, req.year, caseLabel)
  if (tooOften) throw new AppError('CONFLICT', tooOften)

  // 不得超范围超标准: the line's remainder is taken first (refused with both numbers), given back if the approval does not happen.
  const giveBack = await reserveForApproval(deps, req, category.kind, input.amountFen)
  const slot = await claimSlot(deps, bucket, category, req._id, state)
  if (!slot) {
    await giveBack()
    throw new AppError('CONFLICT', frequencyRefusal(category, category.frequency.times, req.year, caseLabel) ?? changedMeanwhile().message)
  }
  const moved = await applyStep(deps, me, req, 'approve', {
    role: 'reviewer',
    note: input.note,
    amountFen: input.amountFen,
    set: { approvedFen: input.amountFen, caseLabel, reviewerId: me.member._id, reviewerName: me.member.name },
  })
  if (!moved) {
    const now = await reread(deps, req._id)
    // The slot stays with a request that did get approved (by the reviewer who won); otherwise it goes back.
    if (now.status !== 'approved' && now.status !== 'paid') await releaseSlot(deps, slot, req._id)
    await giveBack()
    throw new AppError('CONFLICT', stepRefusal(now.status, 'approve') ?? changedMeanwhile().message)
  }
  await commitApproved(deps, me, moved, category.kind, input.amountFen)
  const [detail] = await Promise.all([toDetail(deps, me, moved, { category }), tellStep(deps, me, moved, 'approve')])
  return detail
}
