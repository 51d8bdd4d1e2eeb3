import type { RedeemCode, VoucherView } from '@shared/contract'
import { VOUCHER_CODE_REFRESH_SECONDS } from '@shared/domain/benefits'
import { ActionError } from '../../services/cloud'
import { createCodeRefresher, type CodeRefresher, type CodeRefresherOptions } from '../../components/RotatingCode/refresher'

/**
 * One look at the voucher (`benefit.code`): its code while it is ready; otherwise only the voucher
 * — used, expired, not open yet, no gift chosen — or null when it is not the member's any more,
 * which ends the screen.
 */
export interface VoucherAnswer {
  readonly code?: RedeemCode
  readonly voucher: VoucherView | null
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

/** One call per refresh: the code and the voucher as it stands together (no benefit.mine polling). A refusal that ends the screen is an answer too. */
export const voucherAnswer = (call: Promise<RedeemCode>): Promise<VoucherAnswer> =>
  call.then(
    // A code is only given for a ready voucher; should one say otherwise, it is not shown.
    (code) => (showable(code.voucher) ? { code, voucher: code.voucher } : { voucher: code.voucher }),
    (error: unknown) => {
      const voucher = endedVoucher(error)
      if (voucher === undefined) throw error
      return { voucher }
    },
  )

/** No code in the answer: the voucher cannot be shown any more, so refreshing stops for good. */
export const endsScreen = (answer: VoucherAnswer): boolean => !answer.code

export interface VoucherCodeRefresherOptions extends Pick<CodeRefresherOptions<RedeemCode>, 'load' | 'onCode' | 'onError' | 'onTick' | 'period' | 'retry'> {
  /** Every fresh look at the voucher (the head of the page; 已使用 with when and where). */
  onVoucher: (voucher: VoucherView | null) => void
  /** The voucher cannot be shown any more (used, expired, gone): refreshing has stopped for good. */
  onFinished: (voucher: VoucherView | null) => void
}

/**
 * The voucher screen's refreshing told in voucher words (a code, the voucher, the end): the shared
 * refresher over {@link voucherAnswer}, two calls a minute (why 30 s: shared/domain/benefits.ts).
 */
export function createVoucherCodeRefresher({ load, onCode, onVoucher, onFinished, ...rest }: VoucherCodeRefresherOptions): CodeRefresher {
  return createCodeRefresher<VoucherAnswer>({
    period: VOUCHER_CODE_REFRESH_SECONDS,
    ...rest,
    load: () => voucherAnswer(load()),
    isFinal: endsScreen,
    onCode: (answer) => {
      onVoucher(answer.voucher)
      if (answer.code) onCode(answer.code)
      else onFinished(answer.voucher)
    },
  })
}
