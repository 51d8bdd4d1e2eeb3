import { askedAmountRefusal, findCategory } from '@shared/domain/hardship'
import { shanghaiYear } from '@shared/domain/time'
import type { Handler } from '../../_lib/entry'
import { invalid } from '../../_lib/app-error'
import { newFollowUp } from '../../_lib/follow-up'
import { checkPhotos } from '../photos'
import { policyFor } from '../policy.repo'
import { reportTarget } from '../reporting'
import { derivedId, insertRequest, reread, toDetail } from '../requests.repo'
import { finishStep, type RequestWithFollowUps } from '../follow-ups'

/**
 * 一次申报: a member asks for themself, or a leader / committee member for a colleague. Every check
 * (category, cap, photos, whom one may report for) comes before the one insert; its `_id` derives
 * from the filer and the form's key, so sending the same form again answers the first request.
 */
export const submitRequest: Handler<'hardship.submit'> = async ({ deps, me, input, timeLimitMs }) => {
  const { clock } = deps
  const now = clock.now()
  const year = shanghaiYear(now)
  const forOther = input.forMemberId !== undefined && input.forMemberId !== me.member._id
  const [target, policy] = await Promise.all([
    forOther ? reportTarget(deps, me, input.forMemberId!) : Promise.resolve(me.member),
    policyFor(deps, me.unionId, year),
  ])
  const category = findCategory(policy.categories, input.category)
  if (!category || !category.enabled) throw invalid('本会目前不受理这个类别，请选择其他类别', { field: 'category' })
  const tooMuch = askedAmountRefusal(category, input.amountFen)
  if (tooMuch) throw invalid(tooMuch, { field: 'amountFen', capFen: category.capFen })
  const links = await checkPhotos(me, input.photoFileIds)

  const followUp = newFollowUp(deps, timeLimitMs)
  const doc: RequestWithFollowUps = {
    _id: derivedId('request', me.unionId, me.member._id, input.key),
    unionId: me.unionId,
    memberId: target._id,
    memberName: target.name,
    departmentName: target.departmentName,
    reporterId: me.member._id,
    reporterName: me.member.name,
    category: category.key,
    categoryName: category.name,
    kind: category.kind,
    year,
    description: input.description,
    amountAskedFen: input.amountFen,
    photoFileIds: input.photoFileIds,
    contact: input.contact,
    status: 'submitted',
    version: 1,
    steps: [
      {
        kind: 'submit',
        status: 'submitted',
        at: now,
        actorId: me.member._id,
        actorName: me.member.name,
        actorRole: forOther ? 'reporter' : 'member',
        note: '',
        amountFen: input.amountFen,
        method: null,
        paidOn: null,
      },
    ],
    reviewerId: null,
    reviewerName: null,
    approvedFen: null,
    caseLabel: null,
    payment: null,
    submittedAt: now,
    updatedAt: now,
    // Who is told of it follows the insert; a retry or the repair finishes it if this call dies first.
    followUps: { submit: followUp },
  }
  if (!(await insertRequest(deps, doc))) {
    // The same form sent again (a retry after a lost answer or a crash): the request it made, its messages sent.
    const first: RequestWithFollowUps = await reread(deps, doc._id)
    await finishStep(deps, first, 'submit', { timeLimitMs })
    return toDetail(deps, me, first)
  }
  await finishStep(deps, doc, 'submit', { token: followUp.token, timeLimitMs })
  return toDetail(deps, me, doc, { links, category })
}
