import type { Handler } from '../../_lib/entry'
import { AppError } from '../../_lib/app-error'
import { BIND_LIMIT, takeAttempt } from '../../_lib/attempt-limit'
import type { MemberDoc } from '../../_lib/documents'
import { membersByNoAndName } from '../../_lib/members.repo'
import { ALREADY_BOUND, bindingOf, bindMember, boundMember, welcome } from '../bind-member'

/** Never says which of the three was wrong. */
const NO_MATCH = '信息核对不上，请检查会员编号、姓名和手机号后四位；仍有问题请联系工会'

type Profile = { readonly memberNo: string; readonly name: string; readonly phoneLast4: string }
const matches = (m: MemberDoc, p: Profile) => m.memberNo === p.memberNo && m.name === p.name && m.status !== '离会' && (m.phone ?? '').endsWith(p.phoneLast4)

/**
 * Binds the caller by 会员编号 + 姓名 + 手机号后四位. A call that died after binding answers, when
 * sent again, as it would have: the caller is already bound to exactly the member they describe.
 */
export const bindByProfile: Handler<'member.bindByProfile'> = async ({ deps, caller, input }) => {
  const bound = await bindingOf(deps, caller.openid)
  if (bound) {
    const member = await boundMember(deps, bound)
    if (member && matches(member, input)) return welcome(deps, caller.openid, member)
    throw new AppError('CONFLICT', ALREADY_BOUND)
  }
  await takeAttempt(deps, BIND_LIMIT, caller.openid)
  const candidates = (await membersByNoAndName(deps, input.memberNo, input.name)).filter((m) => matches(m, input))
  // Two unions with the same 会员编号, name and phone ending cannot be told apart: treated as no match.
  if (candidates.length !== 1) throw new AppError('NOT_FOUND', NO_MATCH)
  const [member] = candidates
  await bindMember(deps, caller.openid, member, 'profile')
  return welcome(deps, caller.openid, member)
}
