import { stepRefusal } from '@shared/domain/hardship'
import type { Handler } from '../../_lib/entry'
import { AppError } from '../../_lib/app-error'
import { applyStep, loadForDecision, reread, toDetail } from '../requests.repo'
import { tellStep } from '../tell'

/** A reviewer takes a submitted request (受理): it is theirs to follow, and the applicant sees 审核中. */
export const takeRequest: Handler<'hardship.take'> = async ({ deps, me, input }) => {
  const req = await loadForDecision(deps, me, input.id)
  // Taking it again (a retry) answers the same.
  if (req.status === 'reviewing' && req.reviewerId === me.member._id) return toDetail(deps, me, req)
  if (req.status === 'reviewing') throw new AppError('CONFLICT', `这条申请已由${req.reviewerName ?? '其他审核人'}受理`)
  const refusal = stepRefusal(req.status, 'take')
  if (refusal) throw new AppError('CONFLICT', refusal)
  const moved = await applyStep(deps, me, req, 'take', { role: 'reviewer', set: { reviewerId: me.member._id, reviewerName: me.member.name } })
  if (!moved) {
    const now = await reread(deps, req._id)
    if (now.status === 'reviewing' && now.reviewerId === me.member._id) return toDetail(deps, me, now)
    throw new AppError(
      'CONFLICT',
      now.status === 'reviewing'
        ? `这条申请已由${now.reviewerName ?? '其他审核人'}受理`
        : (stepRefusal(now.status, 'take') ?? '这条申请刚刚有了变化，请刷新后再看'),
    )
  }
  const [detail] = await Promise.all([toDetail(deps, me, moved), tellStep(deps, me, moved, 'take')])
  return detail
}
