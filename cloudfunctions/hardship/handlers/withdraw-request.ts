import { isApplicant, stepRefusal } from '@shared/domain/hardship'
import type { Handler } from '../../_lib/entry'
import { AppError } from '../../_lib/app-error'
import { releaseAll } from '../grants.repo'
import { applyStep, changedMeanwhile, loadVisible, reread, toDetail } from '../requests.repo'
import { tellStep } from '../tell'

/** The member or the reporter withdraws a request not yet approved. Withdrawing again answers the same. */
export const withdrawRequest: Handler<'hardship.withdraw'> = async ({ deps, me, input }) => {
  const req = await loadVisible(deps, me, input.id)
  if (!isApplicant(me.subject, req)) throw new AppError('FORBIDDEN', '只有申请人可以撤回申请')
  if (req.status === 'withdrawn') return toDetail(deps, me, req)
  const refusal = stepRefusal(req.status, 'withdraw')
  if (refusal) throw new AppError('CONFLICT', refusal)
  const moved = await applyStep(deps, me, req, 'withdraw', { note: input.reason })
  if (!moved) {
    const now = await reread(deps, req._id)
    if (now.status === 'withdrawn') return toDetail(deps, me, now)
    throw new AppError('CONFLICT', stepRefusal(now.status, 'withdraw') ?? changedMeanwhile().message)
  }
  // An approval interrupted while the request was under review may have left a claim: it goes.
  await Promise.all([req.status === 'reviewing' ? releaseAll(deps, req) : Promise.resolve(), tellStep(deps, me, moved, 'withdraw')])
  return toDetail(deps, me, moved)
}
