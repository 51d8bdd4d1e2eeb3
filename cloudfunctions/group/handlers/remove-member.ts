import type { Handler } from '../../_lib/entry'
import { AppError } from '../../_lib/app-error'
import { readMembership } from '../claims'
import { loadGroup, membershipId, requireInterest, requireManager } from '../groups.repo'
import { settleAfterVacating } from '../seat-count'
import { releaseSeat } from '../seats'

/** A leader removes a member with a reason; removing again (say, after a cut-off call) finishes giving the seat back. */
export const removeMember: Handler<'group.remove'> = async ({ deps, me, input, timeLimitMs }) => {
  const g = await loadGroup(deps, me, input.id)
  requireInterest(g)
  requireManager(me, g)
  const { db, clock } = deps
  const leader = await db.collection('roles').where({ unionId: me.unionId, memberId: input.memberId, role: 'leader', 'scope.kind': 'group', 'scope.id': g.id }).count()
  if (leader.total > 0) throw new AppError('CONFLICT', '不能移出组长；如需更换组长，请先移交')
  const current = await readMembership(deps, membershipId(g.id, input.memberId))
  if (current?.status !== 'active') {
    if (current) await settleAfterVacating(deps, current, timeLimitMs)
    return { removed: false }
  }
  const now = clock.now()
  const res = await db
    .collection('group_members')
    .where({ _id: current._id, status: 'active', claim: current.claim })
    .update({ status: 'removed', reason: input.reason ?? '', decidedBy: me.member._id, decidedAt: now, vacatedAt: now })
  if (res.updated === 1) await releaseSeat(deps, g.id)
  return { removed: res.updated === 1 }
}
