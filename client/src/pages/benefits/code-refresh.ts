import type { RedeemCode, VoucherView } from '@shared/contract'
import { VOUCHER_CODE_REFRESH_SECONDS } from '@shared/domain/benefits'
import { ActionError } from '../../services/cloud'

/** A fresh code, with the voucher's state, this often: two calls a minute (why 30 s: shared/domain/benefits.ts). */
export const CODE_REFRESH_SECONDS = VOUCHER_CODE_REFRESH_SECONDS
/** After a failed fetch, the next try comes this much sooner than a normal refresh. */
export const CODE_RETRY_SECONDS = 5

export interface VoucherCodeRefresherOptions {
  /** `benefit.code` for the voucher: the code and the voucher as it stands, in one call. */
  load: () => Promise<RedeemCode>
  onCode: (code: RedeemCode) => void
  /** Every fresh look at the voucher (the head of the page; 已使用 with when and where). */
  onVoucher: (voucher: VoucherView | null) => void
  /** The voucher cannot be shown any more (used, expired, gone): refreshing has stopped for good. */
  onFinished: (voucher: VoucherView | null) => void
  onError: (error: unknown) => void
  /** Seconds until the next code, every second (the countdown under the code). */
  onTick: (secondsLeft: number) => void
  period?: number
  retry?: number
}

export interface VoucherCodeRefresher {
  /** Fetches a code now, then keeps it fresh; calling again restarts. */
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
 * A refusal that ends the screen: the voucher is used, expired, not open yet or has no gift chosen
 * (the refusal carries the voucher), or it is not the member's any more (null). undefined for a
 * failure worth trying again (network, busy).
 */
export function endedVoucher(error: unknown): VoucherView | null | undefined {
  if (!(error instanceof ActionError)) return undefined
  if (error.code === 'NOT_FOUND') return null
  const voucher = error.details?.voucher as VoucherView | undefined
  return voucher && typeof voucher === 'object' ? voucher : undefined
}

/**
 * Keeps the member's voucher code fresh while it is on screen, with one call per refresh: each
 * answer carries the voucher, and a voucher that can no longer be used answers with why instead of
 * a code, so the refreshing stops and the page shows it (已使用 with when and where). The old code
 * stays up while a new one is on its way; a failure is tried again sooner.
 */
export function createVoucherCodeRefresher(opts: VoucherCodeRefresherOptions): VoucherCodeRefresher {
  const period = opts.period ?? CODE_REFRESH_SECONDS
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

  const fetchCode = () => {
    const gen = generation
    loading = true
    opts.load().then(
      (code) => {
        if (gen !== generation) return
        loading = false
        opts.onVoucher(code.voucher)
        // A code is only given for a ready voucher; should one say otherwise, it is not shown.
        if (!showable(code.voucher)) return finish(code.voucher)
        left = period
        opts.onCode(code)
        opts.onTick(left)
      },
      (error: unknown) => {
        if (gen !== generation) return
        const ended = endedVoucher(error)
        if (ended !== undefined) return finish(ended)
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
    if (left === 0) fetchCode()
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
      fetchCode()
      timer = setInterval(tick, 1000)
    },
    stop,
    refresh() {
      if (timer === undefined || loading || finished) return
      fetchCode()
    },
    get finished() {
      return finished
    },
  }
}
