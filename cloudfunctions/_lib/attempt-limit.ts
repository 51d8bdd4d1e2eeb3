import { AppError } from './app-error'
import type { Deps } from './deps'
import { isDuplicateWrite } from './db-errors'

export interface AttemptLimit {
  readonly collection: string
  readonly max: number
  readonly windowMs: number
  readonly message: string
}

/** Binding guesses: 5 per WeChat user per 10 minutes. */
export const BIND_LIMIT: AttemptLimit = { collection: 'bind_attempts', max: 5, windowMs: 10 * 60 * 1000, message: '尝试次数太多，请 10 分钟后再试' }

/**
 * Reserves one attempt before the guess is checked, with conditional writes only, so a burst of
 * simultaneous guesses cannot slip past the limit. A successful attempt calls `clearAttempts`.
 */
export async function takeAttempt(deps: Deps, limit: AttemptLimit, key: string): Promise<void> {
  const { db, clock } = deps
  const _ = db.command
  const coll = db.collection(limit.collection)
  const now = clock.now()
  const windowFloor = new Date(now.getTime() - limit.windowMs)
  const reserve = () => coll.where({ _id: key, windowStart: _.gte(windowFloor), failures: _.lt(limit.max) }).update({ failures: _.inc(1) })

  if ((await reserve()).updated === 1) return
  // The window has passed: start a new one with this attempt in it.
  if ((await coll.where({ _id: key, windowStart: _.lt(windowFloor) }).update({ windowStart: now, failures: 1 })).updated === 1) return
  try {
    await coll.add({ _id: key, windowStart: now, failures: 1 })
    return
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error
  }
  // Someone created the record meanwhile: one more try at reserving inside it.
  if ((await reserve()).updated === 1) return
  throw new AppError('RATE_LIMITED', limit.message)
}

export async function clearAttempts(deps: Deps, limit: AttemptLimit, key: string): Promise<void> {
  await deps.db.collection(limit.collection).doc(key).remove()
}
