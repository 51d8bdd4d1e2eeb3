import type { MeView } from '@shared/contract'
import { AppError } from '../_lib/app-error'
import { BIND_LIMIT, clearAttempts } from '../_lib/attempt-limit'
import type { Deps } from '../_lib/deps'
import { isDuplicateWrite } from '../_lib/db-errors'
import type { BindingDoc, MemberDoc } from '../_lib/documents'
import { memberById } from '../_lib/members.repo'
import { rolesOf } from '../_lib/membership'
import { bindingOf, insertBinding } from './bindings.repo'
import { meView } from './me-view'

export { bindingOf }

export const ALREADY_BOUND = '您的微信已经绑定了会员身份'

/**
 * Links this WeChat user to a member. `_id` = openid and the unique (unionId, memberId) index make
 * it one user ↔ one member: when two users race for one member, the database lets exactly one in.
 * The binding holds only the link: the member's facts and grants are joined on when the caller is
 * read, so nothing here can go stale.
 */
export async function bindMember(deps: Deps, openid: string, member: MemberDoc, via: 'invite' | 'profile'): Promise<void> {
  try {
    await insertBinding(deps, { _id: openid, unionId: member.unionId, memberId: member._id, boundAt: deps.clock.now(), via })
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error
    const mine = await bindingOf(deps, openid)
    if (mine) throw new AppError('CONFLICT', ALREADY_BOUND)
    throw new AppError('CONFLICT', '这位会员已绑定其他微信。如果换了手机，请联系工会管理员解绑后再绑定')
  }
}

/**
 * The answer to a bind that went through: what the member sees of themself. Also the answer when
 * the same request comes again because the first answer was lost (the call died after binding).
 */
export async function welcome(deps: Deps, openid: string, member: MemberDoc): Promise<MeView> {
  const [roles] = await Promise.all([rolesOf(deps, member.unionId, member._id), clearAttempts(deps, BIND_LIMIT, openid)])
  return meView(deps, openid, member, roles)
}

export async function boundMember(deps: Deps, binding: BindingDoc): Promise<MemberDoc | undefined> {
  const member = await memberById(deps, binding.memberId)
  return member && member.unionId === binding.unionId ? member : undefined
}
