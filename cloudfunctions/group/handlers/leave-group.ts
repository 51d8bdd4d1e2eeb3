import type { Handler } from '../../_lib/entry'
import { AppError } from '../../_lib/app-error'
import { loadGroup, membershipId, requireInterest } from '../groups.repo'
import { releaseSeat } from '../seats'

/** Leaving (or withdrawing a request). A leader hands the group over first. Leaving twice is harmless. */
export const leaveGroup: Handler<'group.leave'> = async ({ deps, me, input }) => {
  const g = await loadGroup(deps, me, input.id)
  requireInterest(g)
  const leads = me.roles.some((r) => r.role === 'leader' && r.scope?.kind === 'group' && r.scope.id === g.id)
  if (leads) throw new AppError('CONFLICT', '您是本小组组长，请先把组长交给其他成员再退出')
  const { db, clock } = deps
  const id = membershipId(g.id, me.member._id)
  const left = await db.collection('group_members').where({ _id: id, status: 'active' }).update({ status: 'left', leftAt: clock.now() })
  if (left.updated === 1) {
    await releaseSeat(deps, g.id)
    return { left: true }
  }
  const withdrawn = await db.collection('group_members').where({ _id: id, status: 'pending' }).update({ status: 'left', leftAt: clock.now() })
  return { left: withdrawn.updated === 1 }
}
