import { useEffect, useRef } from 'react'
import { useDidShow } from '@tarojs/taro'
import { inScope, invalidate, onInvalidate, type Scope } from './cache'
import type { ActionName } from '@shared/contract'

const touches = (changed: readonly Scope[], watched: readonly Scope[]): boolean =>
  changed.includes('*' as Scope) || watched.some((w) => inScope(w as ActionName, changed) || changed.some((c) => inScope(c as ActionName, [w])))

/**
 * For what a page keeps itself (pages of a list, an answer handed over by another page): after a
 * change under `scopes`, `onShow` runs when the page is next shown, and only then.
 * Returns how the page marks a change it already shows (from its own call's answer): others load
 * again when shown, this page does not; and `fresh()`, for a page that has just loaded again itself.
 */
export interface OwnChange {
  (...also: Scope[]): void
  fresh: () => void
}

export function useStaleOnShow(scopes: readonly Scope[], onShow: () => unknown): OwnChange {
  const stale = useRef(false)
  const scopesKey = scopes.join(' ')
  const onShowRef = useRef(onShow)
  onShowRef.current = onShow

  useEffect(
    () =>
      onInvalidate((changed) => {
        if (touches(changed, scopesKey.split(' ') as Scope[])) stale.current = true
      }),
    [scopesKey],
  )

  useDidShow(() => {
    if (!stale.current) return
    stale.current = false
    void onShowRef.current()
  })

  const fresh = () => {
    stale.current = false
  }
  return Object.assign(
    (...also: Scope[]) => {
      invalidate(...(scopesKey.split(' ') as Scope[]), ...also)
      fresh()
    },
    { fresh },
  )
}
