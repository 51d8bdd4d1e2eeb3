import { AppError } from '../_lib/app-error'
import type { Deps } from '../_lib/deps'
import { claimLiveCode, liveCode, type LiveCodeDoc } from '../_lib/live-codes'
import { verifyCode } from '../_lib/signed-codes'
import type { VoucherDoc } from './vouchers.repo'
import { isShortCode } from '@shared/domain/short-code'

export const VOUCHER = 'voucher'
export const REDEEM_TICKET = 'redeem'

const liveId = (unionId: string, digits: string) => `${unionId}:${digits}`

/** Six random digits that point at the voucher until the QR token expires (see claimLiveCode). */
export const issueLiveCode = (deps: Deps, v: VoucherDoc, expiresAt: Date): Promise<string> =>
  claimLiveCode(deps, (digits) => liveId(v.unionId, digits), { voucherId: v._id }, expiresAt)

/** The voucher a scanned token or typed six digits point at; stale and forged codes say so. */
export async function voucherIdFromCode(deps: Deps, unionId: string, code: string): Promise<string> {
  const now = deps.clock.now()
  if (isShortCode(code)) {
    const live = await liveCode<LiveCodeDoc>(deps, liveId(unionId, code))
    if (!live) throw new AppError('EXPIRED', '数字码不对或已过期，请让会员刷新后再报一次', { field: 'code' })
    return live.voucherId
  }
  const v = verifyCode(deps.secrets.codeSigning, VOUCHER, code, now)
  if (!v.ok) {
    if (v.reason === 'expired') throw new AppError('EXPIRED', '券码已过期，请让会员刷新后再出示', { field: 'code' })
    throw new AppError('INVALID_ARGUMENT', '这不是有效的券码', { field: 'code' })
  }
  return v.subject
}
