import type { Handler } from '../../_lib/entry'
import { AppError } from '../../_lib/app-error'
import type { MembershipUndo } from '../records'
import { moveMembership } from '../memberships.repo'
import { readMembership, stillProcessing } from '../claims'
import { loadGroup, membershipId, requireInterest, requireManager } from '../groups.repo'
import { resumeClaim, seatNewClaim } from '../seat-claim'
import { tellDecision } from '../tell-decision'

const CHANGED = '这条申请刚刚有了变化，请刷新后再看'
/** Reads of the request before giving up to a burst of simultaneous decisions on it. */
const ROUNDS = 3

/**
 * A leader approves (taking a seat, or FULL) or declines with a reason. Deciding twice answers the
 * first decision. An approval cut short after its claim is finished by the leader's next try. The
 * member is told the decision (keyed, so a retry that finds it already decided tells them if the
 * cut call did not, and never twice).
 */
export const decideRequest: Handler<'group.decide'> = async ({ deps, me, input, requestId, timeLimitMs }) => {
  const g = await loadGroup(deps, me, input.id)
  requireInterest(g)
  requireManager(me, g)
  const { clock } = deps
  const id = membershipId(g.id, input.memberId)
  for (let round = 0; round < ROUNDS; round++) {
    const current = await readMembership(deps, id)
    if (!current) throw new AppError('NOT_FOUND', '没有这条入组申请')
    if (current.status === 'active') {
      await tellDecision(deps, g.doc, current)
      return { status: 'active' }
    }
    if (current.status === 'joining') {
      if ((await resumeClaim(deps, g.doc, current, { requestId, timeLimitMs })) === 'active') {
        await tellDecision(deps, g.doc, { ...current, status: 'active' })
        return { status: 'active' }
      }
      continue
    }
    if (current.status === 'declined') {
      await tellDecision(deps, g.doc, current)
      return { status: 'declined' }
    }
    if (current.status !== 'pending') throw new AppError('CONFLICT', '这条申请已撤回')

    const decided = { decidedBy: me.member._id, decidedAt: clock.now() }
    if (!input.approve) {
      if (!(await moveMembership(deps, id, 'pending', current.claim, { status: 'declined', reason: input.reason ?? '', ...decided })))
        throw new AppError('CONFLICT', CHANGED)
      await tellDecision(deps, g.doc, { ...current, status: 'declined', reason: input.reason ?? '', ...decided })
      return { status: 'declined' }
    }
    const undo: MembershipUndo = {
      status: 'pending',
      claim: current.claim,
      joinedAt: current.joinedAt,
      requestedAt: current.requestedAt,
      shareContact: current.shareContact,
    }
    const moved = await moveMembership(deps, id, 'pending', current.claim, {
      status: 'joining',
      claim: requestId,
      claimedAt: decided.decidedAt,
      undo,
      ...decided,
    })
    if (!moved) throw new AppError('CONFLICT', CHANGED)
    const status = await seatNewClaim(deps, g.doc, { id, claim: requestId, undo })
    await tellDecision(deps, g.doc, { ...current, status, ...decided })
    return { status }
  }
  throw stillProcessing()
}
