import type { Options } from 'mingo/types'
import { CloudbaseError, requestFailed } from './errors'

/**
 * Shared mingo settings. Scripts are off: `$where`/`$function` must never run code that arrived
 * over HTTP.
 */
export const MINGO_OPTIONS: Partial<Options> = { idKey: '_id', scriptEnabled: false, useStrictMode: true }

/** Runs a mingo call; whatever it cannot evaluate becomes DATABASE_REQUEST_FAILED, never a guess. */
export function evaluate<T>(what: string, run: () => T): T {
  try {
    return run()
  } catch (e) {
    if (e instanceof CloudbaseError) throw e
    throw requestFailed(`${what}: ${(e as Error).message}`)
  }
}
