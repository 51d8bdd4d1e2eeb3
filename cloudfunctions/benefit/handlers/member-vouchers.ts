import { redeemRefusal } from '@shared/domain/benefits'
import { dateTimeText } from '@shared/domain/time'
import type { Handler } from '../../_lib/entry'
import type { Deps } from '../../_lib/deps'
import { AppError, conflict, invalid } from '../../_lib/app-error'
import type { CampaignDoc, VoucherDoc } from '../../_lib/documents'
import { loadOwnVoucher, pointViews, remainingStock, stockId, toVoucherView } from '../vouchers.repo'
import { giveBack, giveBackOthers, takeHold } from '../gift-stock'
import { issueLiveCode, VOUCHER } from '../codes'
import { signCode } from '../../_lib/signed-codes'

/** Newest first; the last few years are plenty for a phone. */
const MINE_LIMIT = 100

async function viewsFor(deps: Deps, vouchers: readonly VoucherDoc[]) {
  const campaignIds = [...new Set(vouchers.map((v) => v.campaignId))]
  const campaigns = campaignIds.length ? ((await deps.db.collection('campaigns').where({ _id: deps.db.command.in(campaignIds) }).limit(campaignIds.length).get()).data as CampaignDoc[]) : []
  const byId = new Map(campaigns.map((c) => [c._id, c]))
  const [stock, points] = await Promise.all([remainingStock(deps, campaigns), pointViews(deps, vouchers[0]?.unionId ?? '', vouchers.flatMap((v) => v.points.map((p) => p.id)))])
  const now = deps.clock.now()
  return vouchers.map((v) => toVoucherView(v, byId.get(v.campaignId), stock, points, now))
}

export const myVouchers: Handler<'benefit.mine'> = async ({ deps, me }) => {
  const rows = (await deps.db.collection('vouchers').where({ unionId: me.unionId, memberId: me.member._id }).orderBy('issuedAt', 'desc').limit(MINE_LIMIT).get()).data as VoucherDoc[]
  return viewsFor(deps, rows)
}

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
  const c = (await db.collection('campaigns').doc(v.campaignId).get()).data[0] as CampaignDoc
  const option = c.options.find((o) => o.id === input.optionId)
  if (!option) throw invalid('没有这个礼品选项', { field: 'optionId' })
  if (v.status === 'redeemed') throw new AppError('ALREADY_REDEEMED', '该券已使用，不能再更换礼品')
  const startedAt = clock.now()
  if (startedAt > v.claimClosesAt) throw new AppError('CLOSED', `选择礼品已于 ${dateTimeText(v.claimClosesAt, startedAt)} 截止`)
  if (v.optionId !== input.optionId) {
    if (option.stock !== null) await takeHold(deps, c, option, v._id, startedAt)
    const switched = await db.collection('vouchers').where({ _id: v._id, status: 'issued', optionId: v.optionId }).update({ optionId: option.id, optionName: option.name, chosenAt: startedAt })
    if (switched.updated !== 1 && (await loadOwnVoucher(deps, me, v._id)).optionId !== option.id) {
      if (option.stock !== null) await giveBack(deps, [stockId(c._id, option.id)], v._id, db.command.lte(startedAt))
      throw conflict('这张券刚刚有变化，请刷新后重试')
    }
  }
  await giveBackOthers(deps, c, v._id, option.id, startedAt)
  return (await viewsFor(deps, [await loadOwnVoucher(deps, me, v._id)]))[0]
}

/** The code to show: a signed QR token and six digits, both valid for a minute; refused when the voucher cannot be used now. */
export const voucherCode: Handler<'benefit.code'> = async ({ deps, me, input }) => {
  const v = await loadOwnVoucher(deps, me, input.voucherId)
  const now = deps.clock.now()
  const refusal = redeemRefusal(v, now)
  if (refusal) throw new AppError(v.status === 'redeemed' ? 'ALREADY_REDEEMED' : now > v.redeemUntil ? 'EXPIRED' : now < v.redeemFrom ? 'CLOSED' : 'CONFLICT', refusal)
  const signed = signCode(deps.secrets.codeSigning, VOUCHER, v._id, now)
  const shortCode = await issueLiveCode(deps, v, signed.expiresAt)
  return { token: signed.token, shortCode, expiresAt: signed.expiresAt.toISOString() }
}
