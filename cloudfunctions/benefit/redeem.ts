import type { Redemption } from '@shared/contract'
import { maskName, redeemRefusal } from '@shared/domain/benefits'
import { hasRole, mayRedeemAt } from '@shared/domain/authorization'
import { dateTimeText } from '@shared/domain/time'
import { AppError, forbidden } from '../_lib/app-error'
import type { Deps } from '../_lib/deps'
import type { CallerMember } from '../_lib/membership'
import { spendRedeemed } from './postings'
import { loadUnionVoucher, redeemIfIssued, type VoucherDoc, type VoucherRedemption } from './vouchers.repo'

const notRedeemer = () => forbidden('您不是这个兑换点的核销员')

/** Redeemers serve their own points; an admin (the union office) may record at any point. From the caller's grants: no read. */
export function requireRedeemerAt(me: CallerMember, pointId: string): void {
  if (!hasRole(me.subject, 'admin') && !mayRedeemAt(me.subject, { unionId: me.unionId, pointId })) throw notRedeemer()
}

/** The point must be one of the voucher's, and the caller must serve it. */
export function requirePoint(me: CallerMember, v: VoucherDoc, pointId: string): { id: string; name: string } {
  const point = v.points.find((p) => p.id === pointId)
  if (!point) throw forbidden(`该券不能在这里使用，请到：${v.points.map((p) => p.name).join('、')}`)
  requireRedeemerAt(me, pointId)
  return point
}

export const usedMessage = (r: VoucherRedemption, now: Date) =>
  `该券已于 ${dateTimeText(r.at, now)} 在「${r.pointName}」由 ${r.byName} ${r.proxyReason ? '登记代领' : '核销'}`

/** Why it cannot be redeemed now, with its own code: used (when, where, by whom), expired, not yet, no gift chosen. */
export function refuseUnusable(v: VoucherDoc, now: Date): void {
  if (v.redemption)
    throw new AppError('ALREADY_REDEEMED', usedMessage(v.redemption, now), {
      redeemedAt: v.redemption.at.toISOString(),
      pointName: v.redemption.pointName,
      by: v.redemption.byName,
    })
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

/** Redeemed: the spend is posted (again, on a retry: the same entry, healing one lost between the two writes). */
async function redeemed(deps: Deps, v: VoucherDoc, r: VoucherRedemption): Promise<Redemption> {
  await spendRedeemed(deps, v, r)
  return toRedemption(v, r)
}

/** What a redemption by this caller records (the point as the voucher names it). */
const redemptionOf = (deps: Deps, me: CallerMember, point: { id: string; name: string }, requestId: string, proxyReason: string | null): VoucherRedemption => ({
  at: deps.clock.now(),
  pointId: point.id,
  pointName: point.name,
  by: me.member._id,
  byName: me.member.name,
  requestId,
  proxyReason,
})

/**
 * After a conditional write that did not land, the voucher says why: this same request went
 * through already (a retry after a lost answer: the same success), the point is not the voucher's,
 * or it is used (when, where, by whom), expired, not yet open, without a chosen gift.
 */
async function explainMiss(deps: Deps, me: CallerMember, voucherId: string, pointId: string, requestId: string): Promise<Redemption> {
  const v = await loadUnionVoucher(deps, me, voucherId)
  if (v.redemption?.requestId === requestId) return redeemed(deps, v, v.redemption)
  requirePoint(me, v, pointId)
  refuseUnusable(v, deps.clock.now())
  throw new AppError('CONFLICT', '核销没有成功，请重试')
}

/**
 * Redeems with what a confirmed ticket already vouches for (voucher, point and its name, redeemer):
 * one conditional write that answers the voucher, then the spend. Nothing is read first; only a
 * write that did not land reads the voucher, to answer a retry or say why.
 */
export async function redeemWithTicket(
  deps: Deps,
  me: CallerMember,
  voucherId: string,
  point: { id: string; name: string },
  requestId: string,
): Promise<Redemption> {
  requireRedeemerAt(me, point.id)
  const r = redemptionOf(deps, me, point, requestId, null)
  const v = await redeemIfIssued(deps, me.unionId, voucherId, point.id, r)
  return v ? redeemed(deps, v, r) : explainMiss(deps, me, voucherId, point.id, requestId)
}

/**
 * Single use for a voucher already read (代领, late retries): the same conditional write. A retry of
 * the same request (same requestId) is answered with the same success; anyone else hears when,
 * where and by whom.
 */
export async function redeemOnce(
  deps: Deps,
  me: CallerMember,
  v: VoucherDoc,
  point: { id: string; name: string },
  requestId: string,
  proxyReason: string | null,
): Promise<Redemption> {
  if (v.redemption?.requestId === requestId) return redeemed(deps, v, v.redemption)
  refuseUnusable(v, deps.clock.now())
  const r = redemptionOf(deps, me, point, requestId, proxyReason)
  const done = await redeemIfIssued(deps, me.unionId, v._id, point.id, r)
  return done ? redeemed(deps, done, r) : explainMiss(deps, me, v._id, point.id, requestId)
}
