import type { Redemption } from '@shared/contract'
import { maskName, redeemRefusal } from '@shared/domain/benefits'
import { hasRole, mayRedeemAt } from '@shared/domain/authorization'
import { dateTimeText } from '@shared/domain/time'
import { AppError, forbidden, notFound } from '../_lib/app-error'
import type { Deps } from '../_lib/deps'
import type { VoucherDoc, VoucherRedemption } from '../_lib/documents'
import type { CallerMember } from '../_lib/membership'
import { spendRedeemed } from './postings'

export async function loadUnionVoucher(deps: Deps, me: CallerMember, id: string): Promise<VoucherDoc> {
  const v = (await deps.db.collection('vouchers').doc(id).get()).data[0] as VoucherDoc | undefined
  // Another union's voucher does not exist here.
  if (!v || v.unionId !== me.unionId) throw notFound('不是本工会的券')
  return v
}

/** Redeemers serve their own points; an admin (the union office) may record at any point of the voucher. */
export function requirePoint(me: CallerMember, v: VoucherDoc, pointId: string): { id: string; name: string } {
  const point = v.points.find((p) => p.id === pointId)
  if (!point) throw forbidden(`该券不能在这里使用，请到：${v.points.map((p) => p.name).join('、')}`)
  if (!hasRole(me.subject, 'admin') && !mayRedeemAt(me.subject, { unionId: v.unionId, pointId })) throw forbidden('您不是这个兑换点的核销员')
  return point
}

export const usedMessage = (r: VoucherRedemption, now: Date) => `该券已于 ${dateTimeText(r.at, now)} 在「${r.pointName}」由 ${r.byName} ${r.proxyReason ? '登记代领' : '核销'}`

/** Why it cannot be redeemed now, with its own code: used (when, where, by whom), expired, not yet, no gift chosen. */
export function refuseUnusable(v: VoucherDoc, now: Date): void {
  if (v.redemption) throw new AppError('ALREADY_REDEEMED', usedMessage(v.redemption, now), { redeemedAt: v.redemption.at.toISOString(), pointName: v.redemption.pointName, by: v.redemption.byName })
  const refusal = redeemRefusal(v, now)
  if (refusal) throw new AppError(now > v.redeemUntil ? 'EXPIRED' : now < v.redeemFrom ? 'CLOSED' : 'CONFLICT', refusal)
}

export const toRedemption = (v: VoucherDoc, r: VoucherRedemption): Redemption => ({
  voucherId: v._id,
  campaignName: v.name,
  optionName: v.optionName,
  memberName: maskName(v.memberName),
  pointName: r.pointName,
  redeemedAt: r.at.toISOString(),
  proxy: r.proxyReason ? { reason: r.proxyReason } : null,
})

/**
 * Single use: one conditional write from `issued` to `redeemed`. A retry of the same request (same
 * requestId) is answered with the same success; anyone else hears when, where and by whom.
 */
export async function redeemOnce(deps: Deps, me: CallerMember, v: VoucherDoc, point: { id: string; name: string }, requestId: string, proxyReason: string | null): Promise<VoucherRedemption> {
  const now = deps.clock.now()
  // A retry posts the spend again (the same entry): it heals a posting lost between the two writes.
  const done = async (r: VoucherRedemption) => (await spendRedeemed(deps, v, r), r)
  if (v.redemption?.requestId === requestId) return done(v.redemption)
  refuseUnusable(v, now)
  const redemption: VoucherRedemption = { at: now, pointId: point.id, pointName: point.name, by: me.member._id, byName: me.member.name, requestId, proxyReason }
  const res = await deps.db.collection('vouchers').where({ _id: v._id, status: 'issued' }).update({ status: 'redeemed', redeemedAt: now, redemption: deps.db.command.set(redemption) })
  if (res.updated === 1) return done(redemption)
  const after = (await deps.db.collection('vouchers').doc(v._id).get()).data[0] as VoucherDoc
  if (after.redemption?.requestId === requestId) return done(after.redemption)
  refuseUnusable(after, now)
  throw new AppError('CONFLICT', '核销没有成功，请重试')
}
