import { randomInt } from 'node:crypto'
import { AppError } from '../_lib/app-error'
import { isDuplicateWrite } from '../_lib/db-errors'
import type { Deps } from '../_lib/deps'
import type { LiveCodeDoc, VoucherDoc } from '../_lib/documents'
import { verifyCode } from '../_lib/signed-codes'

export const VOUCHER = 'voucher'
export const REDEEM_TICKET = 'redeem'

const liveId = (unionId: string, digits: string) => `${unionId}:${digits}`

/**
 * Six random digits that point at the voucher until the QR token expires. Claimed by insert (a
 * digit string in use by someone else is never shared); an expired one is taken over by a
 * conditional write.
 */
export async function issueLiveCode(deps: Deps, v: VoucherDoc, expiresAt: Date): Promise<string> {
  const coll = deps.db.collection('live_codes')
  const now = deps.clock.now()
  for (let attempt = 0; attempt < 8; attempt++) {
    const digits = String(randomInt(0, 1_000_000)).padStart(6, '0')
    const _id = liveId(v.unionId, digits)
    try {
      await coll.add({ _id, voucherId: v._id, expiresAt })
      return digits
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error
    }
    if ((await coll.where({ _id, expiresAt: deps.db.command.lt(now) }).update({ voucherId: v._id, expiresAt })).updated === 1) return digits
  }
  throw new AppError('INTERNAL', '生成券码失败，请稍后再试')
}

/** The voucher a scanned token or typed six digits point at; stale and forged codes say so. */
export async function voucherIdFromCode(deps: Deps, unionId: string, code: string): Promise<string> {
  const now = deps.clock.now()
  if (/^\d{6}$/.test(code)) {
    const live = (await deps.db.collection('live_codes').doc(liveId(unionId, code)).get()).data[0] as LiveCodeDoc | undefined
    if (!live || live.expiresAt < now) throw new AppError('EXPIRED', '数字码不对或已过期，请让会员刷新后再报一次', { field: 'code' })
    return live.voucherId
  }
  const v = verifyCode(deps.secrets.codeSigning, VOUCHER, code, now)
  if (!v.ok) {
    if (v.reason === 'expired') throw new AppError('EXPIRED', '券码已过期，请让会员刷新后再出示', { field: 'code' })
    throw new AppError('INVALID_ARGUMENT', '这不是有效的券码', { field: 'code' })
  }
  return v.subject
}
