import type { Handler } from '../../_lib/entry'
import type { Deps } from '../../_lib/deps'
import type { GroupDoc, GroupMemberDoc, GroupMembershipStatus, MembershipUndo } from '../records'
import { insertMembership, moveMembership, type ClaimFields } from '../memberships.repo'
import type { CallerMember } from '../../_lib/membership'
import { readMembership, stillProcessing, type OwnedClaim } from '../claims'
import { loadGroup, membershipId, requireInterest } from '../groups.repo'
import { resumeClaim, seatNewClaim } from '../seat-claim'

const INACTIVE: GroupMembershipStatus[] = ['left', 'declined', 'removed']
/** Reads of the membership before giving up to a burst of the member's own simultaneous calls. */
const ROUNDS = 3

/**
 * Open group: the membership is claimed (`joining`, one conditional write, so a member is in at
 * most once), then a seat is taken; with no seat left the claim is undone and the answer is FULL.
 * A claim left by a call that died is resumed by the member's next try (see resumeClaim).
 * Approval group: the membership becomes `pending` for the leader. Asking again changes nothing.
 */
export const joinGroup: Handler<'group.join'> = async ({ deps, me, input, requestId, timeLimitMs }) => {
  const g = await loadGroup(deps, me, input.id)
  requireInterest(g)
  const id = membershipId(g.id, me.member._id)
  for (let round = 0; round < ROUNDS; round++) {
    const current = await readMembership(deps, id)
    if (current?.status === 'active') return { status: 'active' }
    if (current?.status === 'pending') return { status: 'pending' }
    if (current?.status === 'joining') {
      if ((await resumeClaim(deps, g.doc, current, { requestId, timeLimitMs })) === 'active') return { status: 'active' }
      continue
    }
    const target = g.doc.joinPolicy === 'open' ? 'joining' : 'pending'
    const undo: MembershipUndo | null = current
      ? { status: current.status, claim: current.claim, joinedAt: current.joinedAt, requestedAt: current.requestedAt, shareContact: current.shareContact }
      : null
    // A simultaneous call by the same member got there first: look at what it made.
    if (!(await claimMembership(deps, me, g.doc, current, target, requestId, undo, input.shareContact))) continue
    if (target === 'pending') return { status: 'pending' }
    const claim: OwnedClaim = { id, claim: requestId, undo }
    return { status: await seatNewClaim(deps, g.doc, claim) }
  }
  throw stillProcessing()
}

async function claimMembership(
  deps: Deps,
  me: CallerMember,
  group: GroupDoc,
  current: GroupMemberDoc | undefined,
  status: 'joining' | 'pending',
  claim: string,
  undo: MembershipUndo | null,
  shareContact: boolean,
): Promise<boolean> {
  const now = deps.clock.now()
  // A pending request holds no seat: nothing to resume or undo.
  const claimFields = status === 'joining' ? { claimedAt: now, undo } : {}
  const fields: ClaimFields = {
    status,
    claim,
    shareContact,
    requestedAt: now,
    joinedAt: null,
    memberName: me.member.name,
    departmentName: me.member.departmentName,
    ...claimFields,
  }
  const id = membershipId(group._id, me.member._id)
  if (!current) return insertMembership(deps, { _id: id, unionId: group.unionId, groupId: group._id, memberId: me.member._id, ...fields })
  return moveMembership(deps, id, INACTIVE, current.claim, fields)
}
