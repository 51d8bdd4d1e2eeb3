import { normalizeInviteCode } from '@shared/domain/invite-code'
import type { Handler } from '../../_lib/entry'
import { AppError } from '../../_lib/app-error'
import { BIND_LIMIT, takeAttempt } from '../../_lib/attempt-limit'
import { memberById } from '../../_lib/members.repo'
import { ALREADY_BOUND, bindingOf, bindMember, boundMember, welcome } from '../bind-member'
import { claimInvite, inviteOf, releaseInvite } from '../invites.repo'

/** One message for every way a code can be wrong: a guesser learns nothing. */
const BAD_CODE = '邀请码无效、已被使用或已过期，请向工会索取新的邀请码'

/**
 * Binds the caller with a one-time code: the code is claimed for this user (one conditional write),
 * then the binding is written. Either write may be the last a dying call makes; the same request
 * again goes on from the claim, or, once bound, answers as the first would have.
 */
export const bindByCode: Handler<'member.bindByCode'> = async ({ deps, caller, input }) => {
  const code = normalizeInviteCode(input.code)
  const readInvite = () => inviteOf(deps, code)

  const bound = await bindingOf(deps, caller.openid)
  if (bound) {
    const invite = await readInvite()
    const member = invite?.usedBy === caller.openid && invite.memberId === bound.memberId && !invite.unboundAt ? await boundMember(deps, bound) : undefined
    if (member) return welcome(deps, caller.openid, member)
    throw new AppError('CONFLICT', ALREADY_BOUND)
  }
  await takeAttempt(deps, BIND_LIMIT, caller.openid)

  const invite = await readInvite()
  const now = deps.clock.now()
  // This user claimed the code in a call that died before binding: go on from there.
  const resumed = !!invite && invite.usedBy === caller.openid && !invite.unboundAt
  if (!invite || (!resumed && (invite.usedAt || invite.expiresAt.getTime() <= now.getTime()))) throw new AppError('NOT_FOUND', BAD_CODE)
  const member = await memberById(deps, invite.memberId)
  if (!member || member.unionId !== invite.unionId || member.status === '离会') throw new AppError('NOT_FOUND', BAD_CODE)

  if (!resumed) {
    // Single use: only the first claim of an unused code changes it.
    if (!(await claimInvite(deps, code, caller.openid, now))) throw new AppError('NOT_FOUND', BAD_CODE)
  }
  try {
    await bindMember(deps, caller.openid, member, 'invite')
  } catch (error) {
    // The member could not be bound: give the code back so it is not wasted.
    await releaseInvite(deps, code, caller.openid)
    throw error
  }
  return welcome(deps, caller.openid, member)
}
