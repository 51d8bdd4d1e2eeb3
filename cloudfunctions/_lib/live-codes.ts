import { randomInt } from 'node:crypto'
import { AppError } from './app-error'
import { isDuplicateWrite } from './db-errors'
import type { Deps } from './deps'
import { SHORT_CODE_DIGITS, shortCodeOf } from '@shared/domain/short-code'

export const LIVE_CODES = 'live_codes'

/** A six-digit fallback code shown right now (_id = union:digits), pointing at its voucher until it expires. */
export interface LiveCodeDoc {
  readonly _id: string
  readonly voucherId: string
  readonly expiresAt: Date
}

/** What six digits point at now: the row, if it exists and has not expired. */
export async function liveCode<T extends { readonly expiresAt: Date }>(deps: Deps, id: string): Promise<T | null> {
  const row = (await deps.db.collection(LIVE_CODES).doc(id).get()).data[0] as T | undefined
  return row && row.expiresAt >= deps.clock.now() ? row : null
}

/** Rows expired before `before`, of every kind (the benefit daily timer's sweep). */
export async function sweepLiveCodes(deps: Deps, before: Date): Promise<number> {
  const res = await deps.db
    .collection(LIVE_CODES)
    .where({ expiresAt: deps.db.command.lt(before) })
    .remove()
  return res.deleted ?? 0
}

/**
 * Six random digits that point at something (a voucher, a member card) until its QR token expires,
 * kept in `live_codes` as `_id` = `idOf(digits)`. Claimed by insert, so digits in use by someone
 * else are never shared; an expired one is taken over by a conditional write. The benefit daily
 * timer sweeps expired rows of every kind.
 */
export async function claimLiveCode(deps: Deps, idOf: (digits: string) => string, points: Readonly<Record<string, string>>, expiresAt: Date): Promise<string> {
  const coll = deps.db.collection(LIVE_CODES)
  const now = deps.clock.now()
  for (let attempt = 0; attempt < 8; attempt++) {
    const digits = shortCodeOf(randomInt(0, 10 ** SHORT_CODE_DIGITS))
    const _id = idOf(digits)
    try {
      await coll.add({ _id, ...points, expiresAt })
      return digits
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error
    }
    if ((await coll.where({ _id, expiresAt: deps.db.command.lt(now) }).update({ ...points, expiresAt })).updated === 1) return digits
  }
  throw new AppError('INTERNAL', '生成数字码失败，请稍后再试')
}
