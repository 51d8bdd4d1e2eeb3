import { approvedAmountRefusal, caseLabelRefusal, findCategory, frequencyRefusal, stepRefusal, type AidCategory } from '@shared/domain/hardship'
import type { Handler } from '../../_lib/entry'
import { TransactionContended } from '../../_lib/transaction'
import { AppError, invalid } from '../../_lib/app-error'
import type { Deps } from '../../_lib/deps'
import type { CallerMember } from '../../_lib/membership'
import { bucketOf, bucketState } from '../grants.repo'
import { changedMeanwhile, reread, toDetail } from '../requests.repo'
import { loadStepFacts } from '../step-facts.repo'
import { approveBooked, StepRaced } from '../booked-steps'
import { finishStep, type RequestWithFollowUps } from '../follow-ups'

/**
 * Approves a request under review with an amount within the category's standard and its frequency
 * rule. The request, its standards, the member's allowance and the audit head are read in one
 * round trip, and the checks write nothing. Then one transaction moves the status, takes the line's
 * remainder, claims the allowance slot, commits the sum in the ledger and appends the audit entry
 * and the messages (booked-steps.ts): of two reviewers approving at once, one approves; a call cut
 * before the commit changed nothing, after it there is nothing left to do.
 */
export const approveRequest: Handler<'hardship.approve'> = async ({ deps, me, input, timeLimitMs }) => {
  const { req, policy, grants, auditHead } = await loadStepFacts(deps, me, input.id, { grants: true })
  if (req.status === 'approved' || req.status === 'paid')
    return approvedAlready(deps, me, req, input.amountFen, timeLimitMs, findCategory(policy.categories, req.category) ?? null)
  const refusal = stepRefusal(req.status, 'approve')
  if (refusal) throw new AppError('CONFLICT', refusal)
  const category = findCategory(policy.categories, req.category)
  if (!category) throw invalid(`「${req.categoryName}」已不在本会的标准中，不能批准`, { field: 'id' })
  const overCap = approvedAmountRefusal(category, input.amountFen)
  if (overCap) throw invalid(overCap, { field: 'amountFen', capFen: category.capFen })
  const noCase = caseLabelRefusal(category, input.caseLabel)
  if (noCase) throw invalid(noCase, { field: 'caseLabel' })
  const caseLabel = category.frequency.per === 'case' ? input.caseLabel!.trim() : null
  const bucket = bucketOf(req, category, caseLabel)
  const state = bucketState(grants, bucket, req._id)
  const tooOften = frequencyRefusal(category, state.used, req.year, caseLabel)
  if (tooOften) throw new AppError('CONFLICT', tooOften)

  let moved: RequestWithFollowUps
  try {
    moved = await approveBooked(deps, me, req, { amountFen: input.amountFen, note: input.note, caseLabel, category, bucket, state, auditHead })
  } catch (error) {
    // Raced (another step landed first) or contended: what the request says now decides the answer.
    if (!(error instanceof StepRaced || error instanceof TransactionContended)) throw error
    const now = await reread(deps, req._id)
    if (now.status === 'approved' || now.status === 'paid') return approvedAlready(deps, me, now, input.amountFen, timeLimitMs, category)
    throw new AppError('CONFLICT', stepRefusal(now.status, 'approve') ?? changedMeanwhile().message)
  }
  return toDetail(deps, me, moved, { category })
}

/**
 * The request is approved already. The same reviewer's same approval again (a retry after a lost
 * answer or a crash) answers the approved request — finishing the audit entry and messages of an
 * approval made by the earlier version, which wrote them after its transaction; anyone else is told.
 */
async function approvedAlready(deps: Deps, me: CallerMember, req: RequestWithFollowUps, amountFen: number, timeLimitMs: number, category: AidCategory | null) {
  const approval = [...req.steps].reverse().find((s) => s.kind === 'approve')
  if (approval?.actorId !== me.member._id || req.approvedFen !== amountFen)
    throw new AppError('CONFLICT', stepRefusal(req.status, 'approve') ?? changedMeanwhile().message)
  await finishStep(deps, req, 'approve', { timeLimitMs })
  return toDetail(deps, me, req, { category })
}
