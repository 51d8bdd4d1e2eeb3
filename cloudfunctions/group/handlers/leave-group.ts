import type { Handler } from '../../_lib/entry'
import { AppError } from '../../_lib/app-error'
import { isStale, readMembership, stillProcessing } from '../claims'
import { loadGroup, membershipId, requireInterest } from '../groups.repo'
import { settleAfterVacating, settleSeats } from '../seat-count'
import { moveMembership } from '../memberships.repo'
import { releaseSeat } from '../seats'

/**
 * Leaving (or withdrawing a request). A leader hands the group over first. Leaving twice is harmless,
 * and a leave cut short before the seat was given back is finished by trying again.
 */
export const leaveGroup: Handler<'group.leave'> = async ({ deps, me, input, requestId, timeLimitMs }) => {
  const g = await loadGroup(deps, me, input.id)
  requireInterest(g)
  const leads = me.roles.some((r) => r.role === 'leader' && r.scope?.kind === 'group' && r.scope.id === g.id)
  if (leads) throw new AppError('CONFLICT', '您是本小组组长，请先把组长交给其他成员再退出')
  const { clock } = deps
  const id = membershipId(g.id, me.member._id)
  const current = await readMembership(deps, id)
  const now = clock.now()
  if (current?.status === 'active') {
    // vacatedAt first: until the seat is given back, a recount still counts it as taken.
    if (!(await moveMembership(deps, id, 'active', current.claim, { status: 'left', leftAt: now, vacatedAt: now })))
      throw new AppError('CONFLICT', '您在本小组的状态刚刚有了变化，请刷新后再看')
    await releaseSeat(deps, g.id)
    return { left: true }
  }
  if (current?.status === 'pending') {
    return { left: await moveMembership(deps, id, 'pending', current.claim, { status: 'left', leftAt: now }) }
  }
  if (current?.status === 'joining') {
    // A join still running is let finish; one left by a dead call is withdrawn, and whatever seat
    // it may have taken is given back by recounting (its call can no longer take one).
    if (current.claim !== requestId && !isStale(current, now, timeLimitMs)) throw stillProcessing('您的加入还在处理中，请稍后刷新再退出')
    const withdrawn = await moveMembership(deps, id, 'joining', current.claim, {
      status: 'left',
      leftAt: now,
      claim: requestId,
      undo: deps.db.command.remove(),
    })
    if (!withdrawn) throw new AppError('CONFLICT', '您在本小组的状态刚刚有了变化，请刷新后再看')
    await settleSeats(deps, g.id, timeLimitMs, [])
    return { left: true }
  }
  if (current) await settleAfterVacating(deps, current, timeLimitMs)
  return { left: false }
}
