import type { Handler } from '../../_lib/entry'
import { AppError, notFound } from '../../_lib/app-error'
import type { Deps } from '../../_lib/deps'
import type { CardLiveCodeDoc, MemberDoc, UnionDoc } from '../../_lib/documents'
import { claimLiveCode } from '../../_lib/live-codes'
import { signCode, verifyCode } from '../../_lib/signed-codes'

/** What a member-card token is signed for; a voucher or check-in token never passes as one. */
export const MEMBER_CARD = 'member-card'

/** Member-card digits live beside voucher digits in `live_codes`, in a space of their own. */
const liveId = (unionId: string, digits: string) => `card:${unionId}:${digits}`

/**
 * 电子会员证: the caller's own card (identity from the platform context, never from the request) and
 * a fresh code — a token signed with the function secret that expires in a minute, and six digits
 * pointing at the member until then. The page calls again every 30 seconds.
 */
export const memberCard: Handler<'member.card'> = async ({ deps, me }) => {
  const now = deps.clock.now()
  const m = me.member
  const signed = signCode(deps.secrets.codeSigning, MEMBER_CARD, m._id, now)
  const [unionRes, shortCode] = await Promise.all([
    deps.db.collection('unions').doc(me.unionId).get(),
    claimLiveCode(deps, (digits) => liveId(me.unionId, digits), { memberId: m._id }, signed.expiresAt),
  ])
  const union = unionRes.data[0] as UnionDoc | undefined
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
  const m = (await deps.db.collection('members').doc(memberId).get()).data[0] as MemberDoc | undefined
  if (!m) throw notFound('没有找到这名会员，可能已从名册中删除')
  if (m.unionId !== me.unionId) throw new AppError('FORBIDDEN', '这是其他工会的会员证，请到所属工会核验', { field: 'code' })
  return { name: m.name, department: m.departmentName, status: m.status }
}

async function memberFromCode(deps: Deps, unionId: string, code: string): Promise<string> {
  const now = deps.clock.now()
  if (/^\d{6}$/.test(code)) {
    const live = (await deps.db.collection('live_codes').doc(liveId(unionId, code)).get()).data[0] as CardLiveCodeDoc | undefined
    if (!live || live.expiresAt < now) throw new AppError('EXPIRED', '数字码不对或已过期，请会员刷新会员证后再报一次', { field: 'code' })
    return live.memberId
  }
  const v = verifyCode(deps.secrets.codeSigning, MEMBER_CARD, code, now)
  if (v.ok) return v.subject
  if (v.reason === 'expired') throw new AppError('EXPIRED', '会员证二维码已过期，请会员刷新后再出示', { field: 'code' })
  if (v.reason === 'other-purpose') throw new AppError('INVALID_ARGUMENT', '这不是会员证的二维码（可能是签到码或福利券码）', { field: 'code' })
  throw new AppError('INVALID_ARGUMENT', '这不是有效的会员证码，可能是伪造或截图被改动过', { field: 'code' })
}
