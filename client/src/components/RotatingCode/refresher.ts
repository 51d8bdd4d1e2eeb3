/** A fresh code is fetched this often: the server accepts one for a minute, so the one on screen has at least 30 s left. */
export const CODE_REFRESH_SECONDS = 30
/** After a failed fetch, the next try comes this much sooner than a normal refresh. */
export const CODE_RETRY_SECONDS = 5

/** `A` is whatever one fetch answers: a check-in code, a voucher's code with the voucher, the member card. */
export interface CodeRefresherOptions<A> {
  load: () => Promise<A>
  onCode: (answer: A) => void
  onError: (error: unknown) => void
  /** Seconds until the next fetch, every second (the countdown under the code). */
  onTick: (secondsLeft: number) => void
  /** An answer after which nothing will change any more (checked in, voucher used): refreshing stops for good. */
  isFinal?: (answer: A) => boolean
  period?: number
  retry?: number
}

export interface CodeRefresher {
  /** Fetches now and then every `period` seconds; does nothing while running or once finished. */
  start(): void
  /** Stops the countdown; an answer still on its way is dropped. */
  stop(): void
  /** Fetches now (the 立即刷新 link), keeping the countdown running after. */
  refresh(): void
  /** A final answer came: start and refresh do nothing any more. */
  readonly finished: boolean
}

/**
 * Keeps a signed code fresh while it is on screen: fetch, count down each second, fetch again at
 * zero (the old code stays up meanwhile), retry sooner after a failure, stop for good on a final answer.
 */
export function createCodeRefresher<A>(opts: CodeRefresherOptions<A>): CodeRefresher {
  const period = opts.period ?? CODE_REFRESH_SECONDS
  const retry = opts.retry ?? CODE_RETRY_SECONDS
  let timer: ReturnType<typeof setInterval> | undefined
  let left = 0
  let generation = 0
  let loading = false
  let finished = false

  const stop = () => {
    generation++
    loading = false
    if (timer !== undefined) clearInterval(timer)
    timer = undefined
  }

  const answered = (gen: number, next: () => void) => {
    if (gen !== generation) return
    loading = false
    next()
    opts.onTick(left)
  }

  const fetchNow = () => {
    const gen = generation
    loading = true
    opts.load().then(
      (answer) =>
        answered(gen, () => {
          left = period
          opts.onCode(answer)
          if (opts.isFinal?.(answer)) {
            finished = true
            stop()
          }
        }),
      (error: unknown) =>
        answered(gen, () => {
          left = retry
          opts.onError(error)
        }),
    )
  }

  const tick = () => {
    if (loading) return
    left = Math.max(0, left - 1)
    opts.onTick(left)
    if (left === 0) fetchNow()
  }

  return {
    start() {
      if (timer !== undefined || finished) return
      fetchNow()
      timer = setInterval(tick, 1000)
    },
    stop,
    refresh() {
      if (timer === undefined || loading) return
      fetchNow()
    },
    get finished() {
      return finished
    },
  }
}
