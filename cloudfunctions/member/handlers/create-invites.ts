import { randomBytes } from 'node:crypto'
import { makeInviteCode } from '@shared/domain/invite-code'
import type { Handler } from '../../_lib/entry'
import { invalid } from '../../_lib/app-error'
import type { InviteDoc } from '../../_lib/documents'
import { currentMembers, membersByIds } from '../../_lib/members.repo'
import { boundMemberIds } from '../bindings.repo'
import { insertInvites, openInvites } from '../invites.repo'

const VALID_DAYS = 30
const BATCH = 500

/**
 * One-time codes for members who have not bound WeChat yet. A member who already holds a valid
 * unused code is skipped, so running it again (or retrying) makes no duplicates.
 */
export const createInvites: Handler<'member.createInvites'> = async ({ deps, me, input }) => {
  const now = deps.clock.now()
  const unionId = me.unionId
  const members = input.memberIds ? await membersByIds(deps, unionId, input.memberIds) : await currentMembers(deps, unionId)
  if (input.memberIds && members.length !== new Set(input.memberIds).size) throw invalid('有的会员不在本工会名册中', { field: 'memberIds' })
  const [bound, open] = await Promise.all([boundMemberIds(deps, unionId), openInvites(deps, unionId, now)])
  const skip = new Set([...bound, ...open.map((i) => i.memberId)])
  const batchId = deps.ids.next()
  const expiresAt = new Date(now.getTime() + VALID_DAYS * 24 * 3600 * 1000)
  const invites = members
    .filter((m) => !skip.has(m._id) && m.status !== '离会')
    .map((m): InviteDoc => ({
      _id: makeInviteCode(randomBytes),
      unionId,
      memberId: m._id,
      memberName: m.name,
      departmentName: m.departmentName,
      memberNo: m.memberNo,
      batchId,
      createdAt: now,
      createdBy: me.member._id,
      expiresAt,
      usedAt: null,
      usedBy: null,
    }))
  for (let i = 0; i < invites.length; i += BATCH) await insertInvites(deps, invites.slice(i, i + BATCH))
  return { created: invites.length, batchId }
}
