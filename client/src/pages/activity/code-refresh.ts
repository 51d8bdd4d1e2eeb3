import type { CheckInCode } from '@shared/contract'

/** A fresh code is fetched this often (the server accepts one for a minute). */
export const CODE_REFRESH_SECONDS = 30
/** After a failed fetch, the next try comes this much sooner than a normal refresh. */
export const CODE_RETRY_SECONDS = 5

/** `C` is whatever one fetch answers: the check-in code here, the member card (useRotatingCode) elsewhere. */
export interface CodeRefresherOptions<C = CheckInCode> {
  load: () => Promise<C>
  onCode: (code: C) => void
  onError: (error: unknown) => void
  /** Seconds until the next fetch, every second (the countdown under the code). */
  onTick: (secondsLeft: number) => void
  period?: number
  retry?: number
}

export interface CodeRefresher {
  /** Fetches now and then every `period` seconds; calling again restarts. */
  start(): void
  /** Stops the countdown; an answer still on its way is dropped. */
  stop(): void
  /** Fetches now (a 刷新 button), keeping the countdown running after. */
  refresh(): void
}

/**
 * Keeps the member's check-in code fresh while it is on screen: fetch, count down each second,
 * fetch again at zero (the old code stays up meanwhile), retry sooner after a failure.
 */
export function createCodeRefresher<C = CheckInCode>(opts: CodeRefresherOptions<C>): CodeRefresher {
  const period = opts.period ?? CODE_REFRESH_SECONDS
  const retry = opts.retry ?? CODE_RETRY_SECONDS
  let timer: ReturnType<typeof setInterval> | undefined
  let left = 0
  let generation = 0
  let loading = false

  const fetchNow = () => {
    const gen = generation
    loading = true
    opts.load().then(
      (code) => {
        if (gen !== generation) return
        loading = false
        left = period
        opts.onCode(code)
        opts.onTick(left)
      },
      (error: unknown) => {
        if (gen !== generation) return
        loading = false
        left = retry
        opts.onError(error)
        opts.onTick(left)
      },
    )
  }

  const tick = () => {
    if (loading) return
    left = Math.max(0, left - 1)
    opts.onTick(left)
    if (left === 0) fetchNow()
  }

  const stop = () => {
    generation++
    loading = false
    if (timer !== undefined) clearInterval(timer)
    timer = undefined
  }

  return {
    start() {
      stop()
      fetchNow()
      timer = setInterval(tick, 1000)
    },
    stop,
    refresh() {
      if (timer === undefined || loading) return
      fetchNow()
    },
  }
}
