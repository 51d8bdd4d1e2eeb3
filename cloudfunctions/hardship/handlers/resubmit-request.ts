import { askedAmountRefusal, findCategory, isApplicant, stepRefusal } from '@shared/domain/hardship'
import type { Handler } from '../../_lib/entry'
import { AppError, invalid } from '../../_lib/app-error'
import { checkPhotos } from '../photos'
import { policyFor } from '../policy.repo'
import { applyStep, changedMeanwhile, loadVisible, reread, toDetail } from '../requests.repo'
import { tellStep } from '../tell'

/**
 * Answers 退回补充材料: the member or reporter edits the request (photos it had are kept or dropped,
 * new ones must be their own uploads) and it goes back to the reviewers, with every earlier step kept.
 */
export const resubmitRequest: Handler<'hardship.resubmit'> = async ({ deps, me, input }) => {
  const req = await loadVisible(deps, me, input.id)
  if (!isApplicant(me.subject, req)) throw new AppError('FORBIDDEN', '只有申请人可以补充材料')
  const refusal = stepRefusal(req.status, 'resubmit')
  if (refusal) throw new AppError('CONFLICT', refusal)
  const policy = await policyFor(deps, req.unionId, req.year)
  const category = findCategory(policy.categories, req.category) ?? null
  if (category) {
    const tooMuch = askedAmountRefusal(category, input.amountFen)
    if (tooMuch) throw invalid(tooMuch, { field: 'amountFen', capFen: category.capFen })
  }
  const links = await checkPhotos(me, input.photoFileIds, req.photoFileIds)
  const moved = await applyStep(deps, me, req, 'resubmit', {
    note: input.note,
    amountFen: input.amountFen,
    set: { description: input.description, amountAskedFen: input.amountFen, photoFileIds: input.photoFileIds, contact: input.contact },
  })
  if (!moved) {
    const now = await reread(deps, req._id)
    throw new AppError('CONFLICT', stepRefusal(now.status, 'resubmit') ?? changedMeanwhile().message)
  }
  const [detail] = await Promise.all([toDetail(deps, me, moved, { links, category }), tellStep(deps, me, moved, 'resubmit')])
  return detail
}
