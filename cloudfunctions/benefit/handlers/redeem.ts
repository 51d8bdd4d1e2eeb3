import type { Handler } from '../../_lib/entry'
import { AppError, forbidden } from '../../_lib/app-error'
import { maskName } from '@shared/domain/benefits'
import { signCode, verifyCode } from '../../_lib/signed-codes'
import { REDEEM_TICKET, voucherIdFromCode } from '../codes'
import { redeemOnce, redeemWithTicket, refuseUnusable, requirePoint } from '../redeem'
import { loadUnionVoucher } from '../vouchers.repo'

/** Long enough to check a face and hand over a cake, short enough that a ticket is not a second voucher. */
const TICKET_MS = 120_000

/**
 * A ticket names the voucher, the point (with the name the voucher gives it, so the redemption
 * records it without reading the voucher again) and the redeemer, signed for two minutes.
 */
const ticketSubject = (voucherId: string, point: { id: string; name: string }, redeemer: string) =>
  `${voucherId}|${point.id}|${redeemer}|${encodeURIComponent(point.name)}`

/** Scan or typed digits → what to hand over, and a ticket that confirms it here, by this redeemer, for two minutes. Writes nothing. */
export const inspectVoucher: Handler<'benefit.inspect'> = async ({ deps, me, input }) => {
  const v = await loadUnionVoucher(deps, me, await voucherIdFromCode(deps, me.unionId, input.code))
  const point = requirePoint(me, v, input.pointId)
  const now = deps.clock.now()
  refuseUnusable(v, now)
  const ticket = signCode(deps.secrets.codeSigning, REDEEM_TICKET, ticketSubject(v._id, point, me.member._id), now, TICKET_MS)
  return {
    campaignName: v.name,
    kind: v.kind,
    faceValue: v.faceValue,
    optionName: v.optionName,
    memberName: maskName(v.memberName),
    department: v.departmentName,
    pointName: point.name,
    ticket: ticket.token,
  }
}

/** 确认核销: one conditional write on the ticket's facts (single use); a retry of the same request answers the same success. */
export const redeemVoucher: Handler<'benefit.redeem'> = async ({ deps, me, input }) => {
  const t = verifyCode(deps.secrets.codeSigning, REDEEM_TICKET, input.ticket, deps.clock.now())
  if (!t.ok && t.reason !== 'expired') throw new AppError('INVALID_ARGUMENT', '这不是有效的核销确认', { field: 'ticket' })
  const [voucherId, pointId, redeemer, pointName] = t.subject.split('|')
  if (redeemer !== me.member._id) throw forbidden('请用自己的账号重新扫码')
  if (t.ok && pointName !== undefined) return redeemWithTicket(deps, me, voucherId, { id: pointId, name: decodeURIComponent(pointName) }, input.requestId)
  const v = await loadUnionVoucher(deps, me, voucherId)
  // A late retry of a redemption that went through (the answer was lost) gets that success back.
  if (!t.ok) {
    if (v.redemption?.requestId === input.requestId) return redeemOnce(deps, me, v, requirePoint(me, v, v.redemption.pointId), input.requestId, null)
    throw new AppError('EXPIRED', '确认超时，请重新扫码', { field: 'ticket' })
  }
  // A ticket signed before tickets carried the point's name: the voucher names it.
  return redeemOnce(deps, me, v, requirePoint(me, v, pointId), input.requestId, null)
}

/** 代领: the office records a pick-up by someone else, with the reason; a retry is the same record. */
export const proxyRedeem: Handler<'benefit.proxyRedeem'> = async ({ deps, me, input }) => {
  const v = await loadUnionVoucher(deps, me, input.voucherId)
  const point = requirePoint(me, v, input.pointId)
  return redeemOnce(deps, me, v, point, `proxy-${v._id}`, input.reason)
}
