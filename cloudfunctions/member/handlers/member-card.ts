import type { Handler } from '../../_lib/entry'
import { AppError, notFound } from '../../_lib/app-error'
import type { Deps } from '../../_lib/deps'
import { memberById } from '../../_lib/members.repo'
import { claimLiveCode } from '../../_lib/live-codes'
import { signCode, verifyCode } from '../../_lib/signed-codes'
import { cardCodeId, cardCodeOf } from '../card.repo'
import { unionOf } from '../unions.repo'
import { isShortCode } from '@shared/domain/short-code'

/** What a member-card token is signed for; a voucher or check-in token never passes as one. */
export const MEMBER_CARD = 'member-card'

/**
 * 电子会员证: the caller's own card (identity from the platform context, never from the request) and
 * a fresh code — a token signed with the function secret that expires in a minute, and six digits
 * pointing at the member until then. The page calls again every 30 seconds.
 */
export const memberCard: Handler<'member.card'> = async ({ deps, me }) => {
  const now = deps.clock.now()
  const m = me.member
  const signed = signCode(deps.secrets.codeSigning, MEMBER_CARD, m._id, now)
  const [union, shortCode] = await Promise.all([
    unionOf(deps, me.unionId),
    claimLiveCode(deps, (digits) => cardCodeId(me.unionId, digits), { memberId: m._id }, signed.expiresAt),
  ])
  if (!union) throw notFound('所在工会不存在')
  return {
    name: m.name,
    union: union.name,
    memberNo: m.memberNo,
    department: m.departmentName,
    joinDate: m.joinDate ?? '',
    status: m.status,
    code: { token: signed.token, shortCode, expiresAt: signed.expiresAt.toISOString() },
  }
}

/**
 * 核验会员证 (union office staff): a fresh, genuine card of this union → the member's name,
 * department and status as the roster has them now. Nothing else leaves: no number, phone or id.
 */
export const verifyCard: Handler<'member.verifyCard'> = async ({ deps, me, input }) => {
  const memberId = await memberFromCode(deps, me.unionId, input.code)
  const m = await memberById(deps, memberId)
  if (!m) throw notFound('没有找到这名会员，可能已从名册中删除')
  if (m.unionId !== me.unionId) throw new AppError('FORBIDDEN', '这是其他工会的会员证，请到所属工会核验', { field: 'code' })
  return { name: m.name, department: m.departmentName, status: m.status }
}

async function memberFromCode(deps: Deps, unionId: string, code: string): Promise<string> {
  const now = deps.clock.now()
  if (isShortCode(code)) {
    const live = await cardCodeOf(deps, unionId, code)
    if (!live) throw new AppError('EXPIRED', '数字码不对或已过期，请会员刷新会员证后再报一次', { field: 'code' })
    return live.memberId
  }
  const v = verifyCode(deps.secrets.codeSigning, MEMBER_CARD, code, now)
  if (v.ok) return v.subject
  if (v.reason === 'expired') throw new AppError('EXPIRED', '会员证二维码已过期，请会员刷新后再出示', { field: 'code' })
  if (v.reason === 'other-purpose') throw new AppError('INVALID_ARGUMENT', '这不是会员证的二维码（可能是签到码或福利券码）', { field: 'code' })
  throw new AppError('INVALID_ARGUMENT', '这不是有效的会员证码，可能是伪造或截图被改动过', { field: 'code' })
}
