import { useEffect, useRef } from 'react'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'

/**
 * A scanner reads a bright screen best: full brightness and no dimming while `active` (WeChat only;
 * the browser has no such API), the member's own brightness back on leaving or once the code is gone.
 */
export function useBrightScreen(active = true): void {
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
