import { useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import { ActionError } from '../services/cloud'
import { createCodeRefresher, type CodeRefresher } from '../pages/activity/code-refresh'

export interface RotatingCodeState<C> {
  code: C | undefined
  error: ActionError | undefined
  secondsLeft: number
  refresh: () => void
}

export interface RotatingCodeOptions<C> {
  /** Nothing to fetch yet (e.g. no id in the link). */
  readonly enabled?: boolean
  /** An answer after which nothing will change any more (checked in, event over): stop asking. */
  readonly isFinal?: (code: C) => boolean
}

/**
 * A signed code kept fresh while its page is on screen (签到码, 电子会员证): fetched now and every 30
 * seconds, the old one staying up meanwhile, retried sooner after a failure, paused while the page is
 * hidden. One refresher (pages/activity/code-refresh.ts) behind every rotating code.
 */
export function useRotatingCode<C>(load: () => Promise<C>, options: RotatingCodeOptions<C> = {}): RotatingCodeState<C> {
  const [code, setCode] = useState<C>()
  const [error, setError] = useState<ActionError>()
  const [secondsLeft, setSecondsLeft] = useState(0)
  const refresher = useRef<CodeRefresher>()
  const running = useRef(false)
  const enabled = options.enabled ?? true

  const stop = () => {
    running.current = false
    refresher.current!.stop()
  }

  if (!refresher.current) {
    refresher.current = createCodeRefresher<C>({
      load,
      onCode: (c) => {
        setCode(c)
        setError(undefined)
        if (options.isFinal?.(c)) stop()
      },
      onError: (e) => setError(e instanceof ActionError ? e : new ActionError('INTERNAL', String(e))),
      onTick: setSecondsLeft,
    })
  }

  const start = () => {
    if (running.current || !enabled) return
    running.current = true
    refresher.current!.start()
  }

  useEffect(() => {
    start()
    return stop
    // What a page loads never changes while it is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  useDidShow(start)
  useDidHide(stop)

  return { code, error, secondsLeft, refresh: () => refresher.current!.refresh() }
}
