import { normalizeInviteCode } from '@shared/domain/invite-code'
import type { Handler } from '../../_lib/entry'
import { AppError } from '../../_lib/app-error'
import { BIND_LIMIT, clearAttempts, takeAttempt } from '../../_lib/attempt-limit'
import type { InviteDoc, MemberDoc } from '../../_lib/documents'
import { bindMember, refuseIfBound } from '../bind-member'
import { meView } from '../me-view'
import { rolesOf } from '../../_lib/membership'

/** One message for every way a code can be wrong: a guesser learns nothing. */
const BAD_CODE = '邀请码无效、已被使用或已过期，请向工会索取新的邀请码'

export const bindByCode: Handler<'member.bindByCode'> = async ({ deps, caller, input }) => {
  const { db, clock } = deps
  await refuseIfBound(deps, caller.openid)
  await takeAttempt(deps, BIND_LIMIT, caller.openid)

  const code = normalizeInviteCode(input.code)
  const invite = (await db.collection('invites').doc(code).get()).data[0] as InviteDoc | undefined
  const now = clock.now()
  if (!invite || invite.usedAt || invite.expiresAt.getTime() <= now.getTime()) throw new AppError('NOT_FOUND', BAD_CODE)
  const member = (await db.collection('members').doc(invite.memberId).get()).data[0] as MemberDoc | undefined
  if (!member || member.unionId !== invite.unionId || member.status === '离会') throw new AppError('NOT_FOUND', BAD_CODE)

  // Single use: only the first claim of an unused code changes it.
  const claimed = await db.collection('invites').where({ _id: code, usedAt: null }).update({ usedAt: now, usedBy: caller.openid })
  if (claimed.updated !== 1) throw new AppError('NOT_FOUND', BAD_CODE)
  try {
    await bindMember(deps, caller.openid, member, 'invite')
  } catch (error) {
    // The member could not be bound: give the code back so it is not wasted.
    await db.collection('invites').where({ _id: code, usedBy: caller.openid }).update({ usedAt: null, usedBy: null })
    throw error
  }
  await clearAttempts(deps, BIND_LIMIT, caller.openid)
  return meView(deps, caller.openid, member, await rolesOf(deps, member.unionId, member._id))
}
