import type { Handler } from '../../_lib/entry'
import { AppError } from '../../_lib/app-error'
import { BIND_LIMIT, clearAttempts, takeAttempt } from '../../_lib/attempt-limit'
import type { MemberDoc } from '../../_lib/documents'
import { bindMember, refuseIfBound } from '../bind-member'
import { meView } from '../me-view'
import { rolesOf } from '../../_lib/membership'

/** Never says which of the three was wrong. */
const NO_MATCH = '信息核对不上，请检查会员编号、姓名和手机号后四位；仍有问题请联系工会'

export const bindByProfile: Handler<'member.bindByProfile'> = async ({ deps, caller, input }) => {
  await refuseIfBound(deps, caller.openid)
  await takeAttempt(deps, BIND_LIMIT, caller.openid)
  const found = await deps.db.collection('members').where({ memberNo: input.memberNo, name: input.name }).limit(10).get()
  const matches = (found.data as MemberDoc[]).filter((m) => m.status !== '离会' && (m.phone ?? '').endsWith(input.phoneLast4))
  // Two unions with the same 会员编号, name and phone ending cannot be told apart: treated as no match.
  if (matches.length !== 1) throw new AppError('NOT_FOUND', NO_MATCH)
  const [member] = matches
  await bindMember(deps, caller.openid, member, 'profile')
  await clearAttempts(deps, BIND_LIMIT, caller.openid)
  return meView(deps, caller.openid, member, await rolesOf(deps, member.unionId, member._id))
}
