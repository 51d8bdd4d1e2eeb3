import { AppError } from '../_lib/app-error'
import type { Deps } from '../_lib/deps'
import { isDuplicateWrite } from '../_lib/db-errors'
import type { BindingDoc, MemberDoc } from '../_lib/documents'

/**
 * Links this WeChat user to a member. `_id` = openid and the unique (unionId, memberId) index make
 * it one user ↔ one member: when two users race for one member, the database lets exactly one in.
 */
export async function bindMember(deps: Deps, openid: string, member: MemberDoc, via: 'invite' | 'profile'): Promise<void> {
  const binding: BindingDoc & { via: string } = { _id: openid, unionId: member.unionId, memberId: member._id, boundAt: deps.clock.now(), via }
  try {
    await deps.db.collection('bindings').add(binding)
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error
    const mine = (await deps.db.collection('bindings').doc(openid).get()).data[0]
    if (mine) throw new AppError('CONFLICT', '您的微信已经绑定了会员身份')
    throw new AppError('CONFLICT', '这位会员已绑定其他微信。如果换了手机，请联系工会管理员解绑后再绑定')
  }
}

/** Checked before a guess is spent, so an already-bound user gets a plain answer. */
export async function refuseIfBound(deps: Deps, openid: string): Promise<void> {
  const existing = (await deps.db.collection('bindings').doc(openid).get()).data[0]
  if (existing) throw new AppError('CONFLICT', '您的微信已经绑定了会员身份')
}
