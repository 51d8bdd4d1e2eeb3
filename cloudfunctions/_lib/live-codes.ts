import { randomInt } from 'node:crypto'
import { AppError } from './app-error'
import { isDuplicateWrite } from './db-errors'
import type { Deps } from './deps'

/**
 * Six random digits that point at something (a voucher, a member card) until its QR token expires,
 * kept in `live_codes` as `_id` = `idOf(digits)`. Claimed by insert, so digits in use by someone
 * else are never shared; an expired one is taken over by a conditional write. The benefit daily
 * timer sweeps expired rows of every kind.
 */
export async function claimLiveCode(deps: Deps, idOf: (digits: string) => string, points: Readonly<Record<string, string>>, expiresAt: Date): Promise<string> {
  const coll = deps.db.collection('live_codes')
  const now = deps.clock.now()
  for (let attempt = 0; attempt < 8; attempt++) {
    const digits = String(randomInt(0, 1_000_000)).padStart(6, '0')
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
