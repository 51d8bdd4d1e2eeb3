import { useCallback, useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { ActionError } from '../services/cloud'
import { invalidate, type Scope } from './cache'

export interface RunOptions<T> {
  /** A success toast: its text, or a function of the answer (nothing to say: undefined). */
  success?: string | ((result: T) => string | undefined)
  /** What the change made stale: loaded again where shown next (the calling page included). */
  invalidates?: readonly Scope[]
  /**
   * A failure the page says itself, where the form shows it (under the field the answer names, or
   * beside the button): pair it with a silent call, as callAction has not toasted it then.
   */
  onError?: (error: ActionError) => void
}

export interface Mutation<K extends string> {
  /** Which change is running ('' when none): for the tapped button's loading state. */
  busy: K | ''
  /** The last change's failure (cleared when another starts); callAction has already toasted it. */
  error: ActionError | undefined
  /**
   * Runs one change unless one is already running (a double tap sends once). Failures are toasted by
   * callAction and kept in `error`; the answer, or undefined when refused or failed.
   */
  run: <T>(key: K, work: () => Promise<T>, opts?: RunOptions<T>) => Promise<T | undefined>
}

/** A page's changes: busy, error and success toast in one place instead of a try/finally per button. */
export function useMutation<K extends string = 'save'>(): Mutation<K> {
  const [busy, setBusy] = useState<K | ''>('')
  const [error, setError] = useState<ActionError>()
  const running = useRef(false)
  const mounted = useRef(true)

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const run = useCallback(async <T>(key: K, work: () => Promise<T>, opts: RunOptions<T> = {}): Promise<T | undefined> => {
    if (running.current) return undefined
    running.current = true
    setBusy(key)
    setError(undefined)
    try {
      const result = await work()
      if (opts.invalidates?.length) invalidate(...opts.invalidates)
      const title = typeof opts.success === 'function' ? opts.success(result) : opts.success
      if (title) void Taro.showToast({ title, icon: 'success' })
      return result
    } catch (err) {
      const error = err instanceof ActionError ? err : new ActionError('INTERNAL', String(err))
      if (mounted.current) setError(error)
      opts.onError?.(error)
      return undefined
    } finally {
      running.current = false
      if (mounted.current) setBusy('')
    }
  }, [])

  return { busy, error, run }
}
