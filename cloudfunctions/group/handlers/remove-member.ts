import type { Handler } from '../../_lib/entry'
import { AppError } from '../../_lib/app-error'
import { readMembership } from '../claims'
import { loadGroup, membershipId, requireInterest, requireManager } from '../groups.repo'
import { settleAfterVacating } from '../seat-count'
import { releaseSeat } from '../seats'
import { moveMembership } from '../memberships.repo'
import { groupLeaderGrant } from '../../_lib/roles.repo'

/** A leader removes a member with a reason; removing again (say, after a cut-off call) finishes giving the seat back. */
export const removeMember: Handler<'group.remove'> = async ({ deps, me, input, timeLimitMs }) => {
  const g = await loadGroup(deps, me, input.id)
  requireInterest(g)
  requireManager(me, g)
  if (await groupLeaderGrant(deps, me.unionId, g.id, input.memberId)) throw new AppError('CONFLICT', '不能移出组长；如需更换组长，请先移交')
  const current = await readMembership(deps, membershipId(g.id, input.memberId))
  if (current?.status !== 'active') {
    if (current) await settleAfterVacating(deps, current, timeLimitMs)
    return { removed: false }
  }
  const now = deps.clock.now()
  const removed = await moveMembership(deps, current._id, 'active', current.claim, {
    status: 'removed',
    reason: input.reason ?? '',
    decidedBy: me.member._id,
    decidedAt: now,
    vacatedAt: now,
  })
  if (removed) await releaseSeat(deps, g.id)
  return { removed }
}
