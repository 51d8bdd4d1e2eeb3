import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import type { MeView } from '@shared/contract'

/** Position of 小组 in app.config's tab bar. */
export const GROUPS_TAB_INDEX = 2

export const badgeText = (n: number): string => (n > 99 ? '99+' : String(n))

/**
 * Puts member.me's counts on the tab bar: join requests waiting for a leader show on 小组.
 * Tab-bar calls can fail (tab bar not ready, a page without one); the badge is a nicety, so failures are dropped.
 */
export function useTabBadges(me: MeView | undefined): void {
  const requests = me?.badges?.groupRequests ?? 0
  const known = me !== undefined
  useEffect(() => {
    if (!known) return
    void Promise.resolve()
      .then(() => (requests > 0 ? Taro.setTabBarBadge({ index: GROUPS_TAB_INDEX, text: badgeText(requests) }) : Taro.removeTabBarBadge({ index: GROUPS_TAB_INDEX })))
      .catch(() => undefined)
  }, [known, requests])
}
