import type { Handler } from '../../_lib/entry'
import type { Deps } from '../../_lib/deps'
import { isDuplicateWrite } from '../../_lib/db-errors'
import type { GroupDoc, GroupMemberDoc, GroupMembershipStatus } from '../../_lib/documents'
import type { CallerMember } from '../../_lib/membership'
import { loadGroup, membershipId, requireInterest } from '../groups.repo'
import { fullError, seatClaimed } from '../seats'

const INACTIVE: GroupMembershipStatus[] = ['left', 'declined', 'removed']

/**
 * Open group: the membership is claimed (`joining`, one conditional write, so a member is in at
 * most once), then a seat is taken; with no seat left the claim is undone and the answer is FULL.
 * Approval group: the membership becomes `pending` for the leader. Asking again changes nothing.
 */
export const joinGroup: Handler<'group.join'> = async ({ deps, me, input }) => {
  const g = await loadGroup(deps, me, input.id)
  requireInterest(g)
  const target = g.doc.joinPolicy === 'open' ? 'joining' : 'pending'
  const current = (await deps.db.collection('group_members').doc(membershipId(g.id, me.member._id)).get()).data[0] as GroupMemberDoc | undefined
  if (current?.status === 'active') return { status: 'active' }
  if (current?.status === 'pending' || current?.status === 'joining') return { status: 'pending' }

  const claim = deps.ids.next()
  const claimed = await claimMembership(deps, me, g.doc, current, target, claim, input.shareContact)
  if (!claimed) {
    // A simultaneous call by the same member got there first: answer with what it made.
    const now = (await deps.db.collection('group_members').doc(membershipId(g.id, me.member._id)).get()).data[0] as GroupMemberDoc | undefined
    return { status: now?.status === 'active' ? 'active' : 'pending' }
  }
  if (target === 'pending') return { status: 'pending' }
  const undo = current ? { status: current.status, claim: current.claim, joinedAt: current.joinedAt, requestedAt: current.requestedAt, shareContact: current.shareContact } : null
  if (await seatClaimed(deps, g.doc, membershipId(g.id, me.member._id), claim, undo)) return { status: 'active' }
  throw fullError(g.doc)
}

async function claimMembership(deps: Deps, me: CallerMember, group: GroupDoc, current: GroupMemberDoc | undefined, status: 'joining' | 'pending', claim: string, shareContact: boolean): Promise<boolean> {
  const { db, clock } = deps
  const fields = { status, claim, shareContact, requestedAt: clock.now(), joinedAt: null, memberName: me.member.name, departmentName: me.member.departmentName }
  const id = membershipId(group._id, me.member._id)
  if (!current) {
    try {
      await db.collection('group_members').add({ _id: id, unionId: group.unionId, groupId: group._id, memberId: me.member._id, ...fields })
      return true
    } catch (error) {
      if (isDuplicateWrite(error)) return false
      throw error
    }
  }
  return (await db.collection('group_members').where({ _id: id, status: db.command.in(INACTIVE) }).update(fields)).updated === 1
}
