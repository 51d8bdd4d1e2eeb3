import { useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import type { RedeemCode, VoucherView } from '@shared/contract'
import { ActionError, callAction } from '../../services/cloud'
import { createVoucherCodeRefresher, type VoucherCodeRefresher } from './code-refresh'

export interface VoucherCodeState {
  code: RedeemCode | undefined
  /** The voucher as last read; undefined until the first answer. */
  voucher: VoucherView | null | undefined
  /** Refreshing has stopped because the voucher is used, expired or gone. */
  finished: boolean
  error: ActionError | undefined
  secondsLeft: number
  refresh: () => void
}

const asActionError = (e: unknown): ActionError => (e instanceof ActionError ? e : new ActionError('INTERNAL', String(e)))

/** The member's code for one voucher, kept fresh while the page is on screen (two calls a minute), stopped once it is used. */
export function useVoucherCode(voucherId: string): VoucherCodeState {
  const [code, setCode] = useState<RedeemCode>()
  const [voucher, setVoucher] = useState<VoucherView | null>()
  const [finished, setFinished] = useState(false)
  const [error, setError] = useState<ActionError>()
  const [secondsLeft, setSecondsLeft] = useState(0)
  const refresher = useRef<VoucherCodeRefresher>()
  const running = useRef(false)

  if (!refresher.current) {
    refresher.current = createVoucherCodeRefresher({
      // One call per refresh: the code and the voucher's state together (no benefit.mine polling).
      load: () => callAction('benefit.code', { voucherId }, { silent: true }),
      onCode: (c) => {
        setCode(c)
        setError(undefined)
      },
      onVoucher: setVoucher,
      onFinished: (v) => {
        setVoucher(v)
        setFinished(true)
        setCode(undefined)
      },
      onError: (e) => setError(asActionError(e)),
      onTick: setSecondsLeft,
    })
  }

  const start = () => {
    if (running.current || !voucherId || refresher.current!.finished) return
    running.current = true
    refresher.current!.start()
  }
  const stop = () => {
    running.current = false
    refresher.current!.stop()
  }

  useEffect(() => {
    start()
    return stop
    // The voucher of a page never changes while it is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  useDidShow(start)
  useDidHide(stop)

  return { code, voucher, finished, error, secondsLeft, refresh: () => refresher.current!.refresh() }
}
