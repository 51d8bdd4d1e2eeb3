import { useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import type { CheckInCode } from '@shared/contract'
import { ActionError, callAction } from '../../services/cloud'
import { createCodeRefresher, type CodeRefresher } from './code-refresh'

export interface CheckInCodeState {
  code: CheckInCode | undefined
  error: ActionError | undefined
  secondsLeft: number
  refresh: () => void
}

/**
 * The member's code for one event, fetched again every 30 seconds while the page is on screen; the
 * same fetch tells the page when check-in opens and, within one refresh, that the member is in.
 */
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
        // Checked in, or the event is over: nothing will change any more, so stop asking.
        if (c.state === 'checked-in' || c.state === 'closed') stop()
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
