import { useEffect, useRef, useState } from 'react'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
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

/** The member's code for one voucher, kept fresh while the page is on screen, stopped once it is used. */
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
      loadCode: () => callAction('benefit.code', { voucherId }, { silent: true }),
      loadVoucher: async () => (await callAction('benefit.mine', {}, { silent: true })).find((v) => v.id === voucherId) ?? null,
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
  }, [])
  useDidShow(start)
  useDidHide(stop)

  return { code, voucher, finished, error, secondsLeft, refresh: () => refresher.current!.refresh() }
}

/**
 * A scanner reads a bright screen best: full brightness and no dimming while `active` (WeChat only;
 * the browser has no such API), the member's own brightness back on leaving or once the code is gone.
 */
export function useBrightScreen(active: boolean): void {
  const saved = useRef<number | null>(null)
  const on = useRef(false)
  const activeRef = useRef(active)
  activeRef.current = active

  const raise = () => {
    if (process.env.TARO_ENV !== 'weapp' || on.current || !activeRef.current) return
    on.current = true
    Taro.getScreenBrightness({
      success: (res) => {
        if (on.current) saved.current = res.value
      },
      complete: () => {
        if (on.current) void Taro.setScreenBrightness({ value: 1 }).catch(() => undefined)
      },
    })
    void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined)
  }
  const restore = () => {
    if (process.env.TARO_ENV !== 'weapp' || !on.current) return
    on.current = false
    // Android takes -1 as "follow the system again" (auto-brightness included); elsewhere the value read before.
    let android = false
    try {
      android = Taro.getSystemInfoSync().platform === 'android'
    } catch {
      android = false
    }
    const value = android ? -1 : saved.current
    if (value !== null) void Taro.setScreenBrightness({ value }).catch(() => undefined)
    void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined)
  }

  useEffect(() => {
    if (active) raise()
    else restore()
  }, [active])
  useEffect(() => restore, [])
  useDidShow(raise)
  useDidHide(restore)
}
