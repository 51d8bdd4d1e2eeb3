import type { HardshipRequestDetail } from '@shared/contract'
import { stepRefusal } from '@shared/domain/hardship'
import { AppError } from '../_lib/app-error'
import type { Deps } from '../_lib/deps'
import type { CallerMember } from '../_lib/membership'
import { releaseAll } from './grants.repo'
import { applyStep, changedMeanwhile, loadForDecision, reread, toDetail } from './requests.repo'
import { tellStep } from './tell'

/** Return or reject a request under review, with a reason; one conditional write. */
export async function decideWithReason(deps: Deps, me: CallerMember, id: string, step: 'return' | 'reject', reason: string): Promise<HardshipRequestDetail> {
  const req = await loadForDecision(deps, me, id)
  const refusal = stepRefusal(req.status, step)
  if (refusal) throw new AppError('CONFLICT', refusal)
  const moved = await applyStep(deps, me, req, step, { role: 'reviewer', note: reason, set: { reviewerId: me.member._id, reviewerName: me.member.name } })
  if (!moved) {
    const now = await reread(deps, req._id)
    throw new AppError('CONFLICT', stepRefusal(now.status, step) ?? changedMeanwhile().message)
  }
  // A claim an interrupted approval may have left goes with a request that will not be approved now.
  await Promise.all([releaseAll(deps, req), tellStep(deps, me, moved, step)])
  return toDetail(deps, me, moved)
}
