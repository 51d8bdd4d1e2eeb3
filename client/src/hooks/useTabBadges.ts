import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import type { MeView } from '@shared/contract'

/** Positions of 小组 and 我的 in app.config's tab bar. */
export const GROUPS_TAB_INDEX = 2
export const ME_TAB_INDEX = 4

export const badgeText = (n: number): string => (n > 99 ? '99+' : String(n))

/** Tab-bar calls can fail (tab bar not ready, a page without one); the badge is a nicety, so failures are dropped. */
function showBadge(index: number, count: number): void {
  void Promise.resolve()
    .then(() => (count > 0 ? Taro.setTabBarBadge({ index, text: badgeText(count) }) : Taro.removeTabBarBadge({ index })))
    .catch(() => undefined)
}

// —— unread messages (消息) ——
// One count for the whole app: member.me / member.home bring it when a tab opens (no call of its
// own), 消息 updates it after each read, and 我的's entry and the tab badge follow it.
let unread: number | null = null
const listeners = new Set<(n: number) => void>()

/** Sets the unread count everywhere: the 我的 tab badge and whoever shows it (the 消息 entry on 我的, 首页). */
export function setUnreadMessages(n: number): void {
  const count = Math.max(0, n)
  showBadge(ME_TAB_INDEX, count)
  if (count === unread) return
  unread = count
  for (const listener of listeners) listener(count)
}

// Tests render many pages in one module registry: each starts having heard no count, as a freshly
// opened mini-program has (test/client/reset-after-each.ts runs this; removed from real builds).
if (process.env.NODE_ENV === 'test') {
  const resets = ((globalThis as { __unionTestResets?: Array<() => void> }).__unionTestResets ??= [])
  resets.push(() => {
    unread = null
  })
}

/** The unread count as last heard (null before any page has loaded it). */
export function useUnreadMessages(): number | null {
  const [n, setN] = useState(unread)
  useEffect(() => {
    listeners.add(setN)
    setN(unread)
    return () => {
      listeners.delete(setN)
    }
  }, [])
  return n
}

/**
 * Puts member.me's counts on the tab bar: join requests waiting for a leader on 小组, the caller's
 * unread messages on 我的.
 */
export function useTabBadges(me: MeView | undefined): void {
  const requests = me?.badges?.groupRequests ?? 0
  const messages = me?.badges?.unreadMessages ?? 0
  const known = me !== undefined
  useEffect(() => {
    if (known) showBadge(GROUPS_TAB_INDEX, requests)
  }, [known, requests])
  // Keyed on the answer itself: a fresh member.me with the same count still corrects a count 消息 changed since.
  useEffect(() => {
    if (me) setUnreadMessages(messages)
  }, [me, messages])
}
