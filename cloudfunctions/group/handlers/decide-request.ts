import type { Handler } from '../../_lib/entry'
import { AppError } from '../../_lib/app-error'
import type { GroupMemberDoc } from '../../_lib/documents'
import { loadGroup, membershipId, requireInterest, requireManager } from '../groups.repo'
import { fullError, seatClaimed } from '../seats'

/** A leader approves (taking a seat, or FULL) or declines with a reason. Deciding twice answers the first decision. */
export const decideRequest: Handler<'group.decide'> = async ({ deps, me, input }) => {
  const g = await loadGroup(deps, me, input.id)
  requireInterest(g)
  requireManager(me, g)
  const { db, clock, ids } = deps
  const id = membershipId(g.id, input.memberId)
  const current = (await db.collection('group_members').doc(id).get()).data[0] as GroupMemberDoc | undefined
  if (!current) throw new AppError('NOT_FOUND', '没有这条入组申请')
  if (current.status === 'active') return { status: 'active' }
  if (current.status === 'joining') throw new AppError('CONFLICT', '这条申请正在处理中，请稍后刷新')
  if (current.status === 'declined') return { status: 'declined' }
  if (current.status !== 'pending') throw new AppError('CONFLICT', '这条申请已撤回')

  const decided = { decidedBy: me.member._id, decidedAt: clock.now() }
  if (!input.approve) {
    const res = await db.collection('group_members').where({ _id: id, status: 'pending' }).update({ status: 'declined', reason: input.reason ?? '', ...decided })
    if (res.updated !== 1) throw new AppError('CONFLICT', '这条申请刚刚有了变化，请刷新后再看')
    return { status: 'declined' }
  }
  const claim = ids.next()
  const moved = await db.collection('group_members').where({ _id: id, status: 'pending' }).update({ status: 'joining', claim, ...decided })
  if (moved.updated !== 1) throw new AppError('CONFLICT', '这条申请刚刚有了变化，请刷新后再看')
  if (await seatClaimed(deps, g.doc, id, claim, { status: 'pending', claim: current.claim })) return { status: 'active' }
  throw fullError(g.doc)
}
