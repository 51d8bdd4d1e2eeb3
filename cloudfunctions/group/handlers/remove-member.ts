import type { Handler } from '../../_lib/entry'
import { AppError } from '../../_lib/app-error'
import { loadGroup, membershipId, requireInterest, requireManager } from '../groups.repo'
import { releaseSeat } from '../seats'

export const removeMember: Handler<'group.remove'> = async ({ deps, me, input }) => {
  const g = await loadGroup(deps, me, input.id)
  requireInterest(g)
  requireManager(me, g)
  const { db, clock } = deps
  const leader = await db.collection('roles').where({ unionId: me.unionId, memberId: input.memberId, role: 'leader', 'scope.kind': 'group', 'scope.id': g.id }).count()
  if (leader.total > 0) throw new AppError('CONFLICT', '不能移出组长；如需更换组长，请先移交')
  const res = await db
    .collection('group_members')
    .where({ _id: membershipId(g.id, input.memberId), status: 'active' })
    .update({ status: 'removed', reason: input.reason ?? '', decidedBy: me.member._id, decidedAt: clock.now() })
  if (res.updated === 1) await releaseSeat(deps, g.id)
  return { removed: res.updated === 1 }
}
