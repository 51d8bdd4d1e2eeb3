import { redeemRefusal } from '@shared/domain/benefits'
import { dateTimeText } from '@shared/domain/time'
import type { Handler } from '../../_lib/entry'
import type { Deps } from '../../_lib/deps'
import { AppError, conflict, invalid, notFound } from '../../_lib/app-error'
import type { CallerMember } from '../../_lib/membership'
import { campaignById, stockId } from '../campaigns.repo'
import { giveBack, giveBackOthers, takeHold } from '../stock.repo'
import { loadOwnVoucher, switchOption } from '../vouchers.repo'
import { voucherViews } from '../voucher-views.repo'
import { issueLiveCode, VOUCHER } from '../codes'
import { signCode } from '../../_lib/signed-codes'

/** Newest first; the last few years are plenty for a phone. */
const MINE_LIMIT = 100

/** 福利: the member's vouchers with their options, stock left and the points' addresses, in one read. */
export const myVouchers: Handler<'benefit.mine'> = async ({ deps, me }) =>
  (await voucherViews(deps, { unionId: me.unionId, memberId: me.member._id }, MINE_LIMIT)).map((v) => v.view)

/** One of the member's vouchers as they see it (one read); anyone else's does not exist for them. */
async function ownVoucherView(deps: Deps, me: CallerMember, id: string) {
  const [found] = await voucherViews(deps, { _id: id, unionId: me.unionId, memberId: me.member._id }, 1)
  if (!found) throw notFound('没有找到这张券')
  return found
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
  return (await ownVoucherView(deps, me, v._id)).view
}

/**
 * The code to show — a signed QR token and six digits, both valid for a minute — with the voucher
 * as it stands, so the code screen needs no other call: the voucher as the member sees it (one
 * read), then the six digits' claim. A voucher that cannot be used now gets no code: the refusal
 * says why and carries the voucher (已使用 with when and where).
 */
export const voucherCode: Handler<'benefit.code'> = async ({ deps, me, input }) => {
  const { doc: v, view: voucher } = await ownVoucherView(deps, me, input.voucherId)
  const now = deps.clock.now()
  const refusal = redeemRefusal(v, now)
  if (refusal)
    throw new AppError(v.status === 'redeemed' ? 'ALREADY_REDEEMED' : now > v.redeemUntil ? 'EXPIRED' : now < v.redeemFrom ? 'CLOSED' : 'CONFLICT', refusal, {
      voucher,
    })
  const signed = signCode(deps.secrets.codeSigning, VOUCHER, v._id, now)
  const shortCode = await issueLiveCode(deps, v, signed.expiresAt)
  return { token: signed.token, shortCode, expiresAt: signed.expiresAt.toISOString(), voucher }
}
