import { useEffect, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import { ActionError } from '../../services/cloud'
import { createCodeRefresher } from './refresher'

export interface RotatingCodeState<A> {
  /** The last answer; a failure after it leaves it up. */
  answer: A | undefined
  error: ActionError | undefined
  secondsLeft: number
  refresh: () => void
}

export interface RotatingCodeOptions<A> {
  /** Known before asking that there is nothing to fetch (no id in the link): this is the error, and nothing is fetched. */
  readonly unavailable?: ActionError
  /** An answer after which nothing will change any more (checked in, voucher used): stop asking. */
  readonly isFinal?: (answer: A) => boolean
  readonly period?: number
}

const asActionError = (e: unknown): ActionError => (e instanceof ActionError ? e : new ActionError('INTERNAL', String(e)))

/**
 * A signed code kept fresh while its page is on screen (签到码, 券码, 电子会员证): fetched now and every
 * 30 seconds, the old one staying up meanwhile, retried sooner after a failure, paused while the page
 * is hidden, stopped for good on a final answer.
 */
export function useRotatingCode<A>(load: () => Promise<A>, options: RotatingCodeOptions<A> = {}): RotatingCodeState<A> {
  const [answer, setAnswer] = useState<A>()
  const [error, setError] = useState<ActionError>()
  const [secondsLeft, setSecondsLeft] = useState(0)
  // Made once: what a page loads never changes while it is open.
  const [refresher] = useState(() =>
    createCodeRefresher<A>({
      load,
      isFinal: options.isFinal,
      period: options.period,
      onCode: (a) => {
        setAnswer(a)
        setError(undefined)
      },
      onError: (e) => setError(asActionError(e)),
      onTick: setSecondsLeft,
    }),
  )
  const enabled = !options.unavailable
  const start = () => {
    if (enabled) refresher.start()
  }

  useEffect(() => {
    if (!enabled) return
    refresher.start()
    return refresher.stop
  }, [refresher, enabled])
  // Taro calls these on the first show too; start does nothing while already running.
  useDidShow(start)
  useDidHide(refresher.stop)

  return { answer, error: options.unavailable ?? error, secondsLeft, refresh: refresher.refresh }
}
