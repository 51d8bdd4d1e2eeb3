import { redeemRefusal } from '@shared/domain/benefits'
import { dateTimeText } from '@shared/domain/time'
import type { VoucherView } from '@shared/contract'
import type { Handler } from '../../_lib/entry'
import type { Deps } from '../../_lib/deps'
import { AppError, conflict, invalid } from '../../_lib/app-error'
import { campaignById, campaignsByIds, stockId } from '../campaigns.repo'
import { pointViews } from '../points.repo'
import { giveBack, giveBackOthers, remainingStock, takeHold } from '../stock.repo'
import { loadOwnVoucher, memberVouchers, switchOption, toVoucherView, type VoucherDoc } from '../vouchers.repo'
import { issueLiveCode, VOUCHER } from '../codes'
import { signCode } from '../../_lib/signed-codes'

/** Views with the campaigns' options, stock left and the points' addresses (three reads for any number of vouchers). */
async function viewsFor(deps: Deps, vouchers: readonly VoucherDoc[]): Promise<VoucherView[]> {
  const campaigns = await campaignsByIds(deps, [...new Set(vouchers.map((v) => v.campaignId))])
  const byId = new Map(campaigns.map((c) => [c._id, c]))
  const [stock, points] = await Promise.all([remainingStock(deps, campaigns), pointViews(deps, vouchers[0]?.unionId ?? '', vouchers.flatMap((v) => v.points.map((p) => p.id)))])
  const now = deps.clock.now()
  return vouchers.map((v) => toVoucherView(v, byId.get(v.campaignId), stock, points, now))
}

export const myVouchers: Handler<'benefit.mine'> = async ({ deps, me }) => viewsFor(deps, await memberVouchers(deps, me.unionId, me.member._id))

/**
 * Choosing a gift: the new option's stock is taken with the voucher recorded as its holder (one
 * conditional write, never below zero), then the voucher switches only if nobody changed it
 * meanwhile, then whatever the voucher held before is given back. Each step finds its own earlier
 * effect, so a choice cut after any write and sent again finishes it without taking twice; the
 * daily repair gives back holds a choice that was never retried left behind.
 */
export const chooseOption: Handler<'benefit.choose'> = async ({ deps, me, input }) => {
  const { db, clock } = deps
  const v = await loadOwnVoucher(deps, me, input.voucherId)
  const c = (await campaignById(deps, v.campaignId))!
  const option = c.options.find((o) => o.id === input.optionId)
  if (!option) throw invalid('没有这个礼品选项', { field: 'optionId' })
  if (v.status === 'redeemed') throw new AppError('ALREADY_REDEEMED', '该券已使用，不能再更换礼品')
  const startedAt = clock.now()
  if (startedAt > v.claimClosesAt) throw new AppError('CLOSED', `选择礼品已于 ${dateTimeText(v.claimClosesAt, startedAt)} 截止`)
  if (v.optionId !== input.optionId) {
    if (option.stock !== null) await takeHold(deps, c, option, v._id, startedAt)
    if (!(await switchOption(deps, v, option, startedAt)) && (await loadOwnVoucher(deps, me, v._id)).optionId !== option.id) {
      if (option.stock !== null) await giveBack(deps, [stockId(c._id, option.id)], v._id, db.command.lte(startedAt))
      throw conflict('这张券刚刚有变化，请刷新后重试')
    }
  }
  await giveBackOthers(deps, c, v._id, option.id, startedAt)
  return (await viewsFor(deps, [await loadOwnVoucher(deps, me, v._id)]))[0]
}

/**
 * The code to show — a signed QR token and six digits, both valid for a minute — with the voucher
 * as it stands, so the code screen needs no other call. A voucher that cannot be used now gets no
 * code: the refusal says why and carries the voucher (已使用 with when and where). The code and
 * the view's reads go out together.
 */
export const voucherCode: Handler<'benefit.code'> = async ({ deps, me, input }) => {
  const v = await loadOwnVoucher(deps, me, input.voucherId)
  const now = deps.clock.now()
  const refusal = redeemRefusal(v, now)
  if (refusal) {
    const [voucher] = await viewsFor(deps, [v])
    throw new AppError(v.status === 'redeemed' ? 'ALREADY_REDEEMED' : now > v.redeemUntil ? 'EXPIRED' : now < v.redeemFrom ? 'CLOSED' : 'CONFLICT', refusal, { voucher })
  }
  const signed = signCode(deps.secrets.codeSigning, VOUCHER, v._id, now)
  const [shortCode, [voucher]] = await Promise.all([issueLiveCode(deps, v, signed.expiresAt), viewsFor(deps, [v])])
  return { token: signed.token, shortCode, expiresAt: signed.expiresAt.toISOString(), voucher }
}
