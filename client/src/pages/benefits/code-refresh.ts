import type { RedeemCode, VoucherView } from '@shared/contract'

/** A fresh code is fetched this often (the server's token carries its own short expiry). */
export const CODE_REFRESH_SECONDS = 30
/** Between two codes the voucher itself is looked at this often, so 已使用 shows soon after the clerk confirms. */
export const STATE_CHECK_SECONDS = 10
/** After a failed fetch, the next try comes this much sooner than a normal refresh. */
export const CODE_RETRY_SECONDS = 5

export interface VoucherCodeRefresherOptions {
  /** `benefit.code` for the voucher. */
  loadCode: () => Promise<RedeemCode>
  /** The voucher as `benefit.mine` has it now; null when it is no longer the member's. */
  loadVoucher: () => Promise<VoucherView | null>
  onCode: (code: RedeemCode) => void
  /** Every fresh look at the voucher (used to show 已使用 with when and where). */
  onVoucher: (voucher: VoucherView | null) => void
  /** The voucher cannot be shown any more (used, expired, gone): refreshing has stopped for good. */
  onFinished: (voucher: VoucherView | null) => void
  onError: (error: unknown) => void
  /** Seconds until the next code, every second (the countdown under the code). */
  onTick: (secondsLeft: number) => void
  period?: number
  check?: number
  retry?: number
}

export interface VoucherCodeRefresher {
  /** Looks at the voucher and fetches a code now, then keeps both fresh; calling again restarts. */
  start(): void
  /** Stops the countdown; answers still on their way are dropped. */
  stop(): void
  /** A new code now (the 立即刷新 link), keeping the countdown running after. */
  refresh(): void
  readonly finished: boolean
}

/** Only a ready voucher has a code worth showing. */
export const showable = (v: VoucherView | null): v is VoucherView => v !== null && v.state === 'ready'

/**
 * Keeps the member's voucher code fresh while it is on screen: the voucher is re-read from
 * `benefit.mine` before every new code and every `check` seconds in between; once it reads as used
 * (or expired, or gone) the refreshing stops and the page shows why. The old code stays up while a
 * new one is on its way; a failure is tried again sooner.
 */
export function createVoucherCodeRefresher(opts: VoucherCodeRefresherOptions): VoucherCodeRefresher {
  const period = opts.period ?? CODE_REFRESH_SECONDS
  const check = opts.check ?? STATE_CHECK_SECONDS
  const retry = opts.retry ?? CODE_RETRY_SECONDS
  let timer: ReturnType<typeof setInterval> | undefined
  let left = 0
  let generation = 0
  let loading = false
  let finished = false

  const clear = () => {
    if (timer !== undefined) clearInterval(timer)
    timer = undefined
  }

  const finish = (v: VoucherView | null) => {
    finished = true
    generation++
    loading = false
    clear()
    opts.onFinished(v)
  }

  /** The voucher, then (if it is still ready) a new code. */
  const fetchAll = () => {
    const gen = generation
    loading = true
    opts
      .loadVoucher()
      .then((v) => {
        if (gen !== generation) return undefined
        opts.onVoucher(v)
        if (!showable(v)) {
          finish(v)
          return undefined
        }
        return opts.loadCode().then((code) => {
          if (gen !== generation) return
          loading = false
          left = period
          opts.onCode(code)
          opts.onTick(left)
        })
      })
      .catch((error: unknown) => {
        if (gen !== generation) return
        loading = false
        left = retry
        opts.onError(error)
        opts.onTick(left)
      })
  }

  /** Only the voucher: has the clerk just redeemed it? A failed look is simply tried next time. */
  const checkOnly = () => {
    const gen = generation
    opts.loadVoucher().then(
      (v) => {
        if (gen !== generation || loading) return
        opts.onVoucher(v)
        if (!showable(v)) finish(v)
      },
      () => undefined,
    )
  }

  const tick = () => {
    if (loading) return
    left = Math.max(0, left - 1)
    opts.onTick(left)
    if (left === 0) fetchAll()
    else if (check > 0 && (period - left) % check === 0) checkOnly()
  }

  const stop = () => {
    generation++
    loading = false
    clear()
  }

  return {
    start() {
      stop()
      finished = false
      fetchAll()
      timer = setInterval(tick, 1000)
    },
    stop,
    refresh() {
      if (timer === undefined || loading || finished) return
      fetchAll()
    },
    get finished() {
      return finished
    },
  }
}
