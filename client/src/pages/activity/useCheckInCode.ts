import { useEffect, useRef, useState } from 'react'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import type { CheckInCode } from '@shared/contract'
import { ActionError, callAction } from '../../services/cloud'
import { createCodeRefresher, type CodeRefresher } from './code-refresh'

export interface CheckInCodeState {
  code: CheckInCode | undefined
  error: ActionError | undefined
  secondsLeft: number
  refresh: () => void
}

/** The member's code for one event, fetched again every 30 seconds while the page is on screen. */
export function useCheckInCode(id: string): CheckInCodeState {
  const [code, setCode] = useState<CheckInCode>()
  const [error, setError] = useState<ActionError>()
  const [secondsLeft, setSecondsLeft] = useState(0)
  const refresher = useRef<CodeRefresher>()
  const running = useRef(false)

  if (!refresher.current) {
    refresher.current = createCodeRefresher({
      load: () => callAction('activity.myCode', { id }, { silent: true }),
      onCode: (c) => {
        setCode(c)
        setError(undefined)
      },
      onError: (e) => setError(e instanceof ActionError ? e : new ActionError('INTERNAL', String(e))),
      onTick: setSecondsLeft,
    })
  }

  const start = () => {
    if (running.current || !id) return
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
    // The id of a page never changes while it is open.
  }, [])
  useDidShow(start)
  useDidHide(stop)

  return { code, error, secondsLeft, refresh: () => refresher.current!.refresh() }
}

/**
 * A scanner reads a bright screen best: full brightness and no dimming while the code is shown
 * (WeChat only), the member's own brightness back on leaving.
 */
export function useBrightScreen(): void {
  const saved = useRef<number | null>(null)
  const on = useRef(false)

  const raise = () => {
    if (process.env.TARO_ENV !== 'weapp' || on.current) return
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
    const android = (() => {
      try {
        return Taro.getSystemInfoSync().platform === 'android'
      } catch {
        return false
      }
    })()
    const value = android ? -1 : saved.current
    if (value !== null) void Taro.setScreenBrightness({ value }).catch(() => undefined)
    void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined)
  }

  useEffect(() => {
    raise()
    return restore
  }, [])
  useDidShow(raise)
  useDidHide(restore)
}
