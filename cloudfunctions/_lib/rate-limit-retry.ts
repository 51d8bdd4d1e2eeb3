/**
 * CloudBase refuses requests beyond an environment's quota with these codes, and neither the SDK nor
 * the platform retries them. The refusal is momentary, so the entry wrapper waits and runs the whole
 * call again (handlers are written to be safe to re-run) instead of showing the member an error.
 */
export const RATE_LIMIT_CODES: readonly string[] = ['EXCEED_REQUEST_LIMIT', 'EXCEED_CONCURRENT_REQUEST_LIMIT']

export const isRateLimited = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && RATE_LIMIT_CODES.includes((error as { code?: unknown }).code as string)

export interface RetryPolicy {
  /** Wait before each further attempt; its length is the number of retries. */
  readonly delaysMs: readonly number[]
  /** Injected so tests need not wait. */
  readonly sleep: (ms: number) => Promise<void>
  /** In [0, 1): spreads the waits so callers refused together do not all return together. */
  readonly random: () => number
}

export const DEFAULT_RETRY: RetryPolicy = {
  // Short enough to finish well inside the functions' 20 s timeout, long enough to outlast a burst.
  delaysMs: [100, 400, 1200],
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
}

/** Each wait lies between half and one and a half times its nominal delay. */
export const jittered = (ms: number, random: () => number): number => Math.round(ms * (0.5 + random()))

export interface RetryHooks {
  /** Told before each wait. */
  readonly onRetry?: (retry: number, waitMs: number) => void
  /** False when a wait this long would leave too little of the function's time limit for another run. */
  readonly canWait?: (waitMs: number) => boolean
}

/**
 * Runs `attempt` until it succeeds, throws anything other than a rate limit, or has been refused
 * once more than there are delays (or the time left allows no further wait); then the last
 * rate-limit error is thrown for the caller to map.
 */
export async function retryRateLimited<T>(attempt: () => Promise<T>, policy: Partial<RetryPolicy> = {}, hooks: RetryHooks = {}): Promise<T> {
  const { delaysMs, sleep, random } = { ...DEFAULT_RETRY, ...policy }
  for (let retry = 0; ; retry++) {
    try {
      return await attempt()
    } catch (error) {
      if (!isRateLimited(error) || retry >= delaysMs.length) throw error
      const waitMs = jittered(delaysMs[retry], random)
      if (hooks.canWait && !hooks.canWait(waitMs)) throw error
      hooks.onRetry?.(retry + 1, waitMs)
      await sleep(waitMs)
    }
  }
}
