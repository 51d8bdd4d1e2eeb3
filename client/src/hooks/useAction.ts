import { useCallback, useEffect, useRef, useState } from 'react'
import type { ActionInput, ActionName, ActionOutput } from '@shared/contract'
import { ActionError, callAction, type CallOptions } from '../services/cloud'

export interface ActionState<N extends ActionName> {
  data: ActionOutput<N> | undefined
  error: ActionError | undefined
  loading: boolean
  /** Calls again (pull-to-refresh, a retry button); resolves when the new answer is in. */
  reload: () => Promise<void>
}

/**
 * Loads one action for a page. Starts loading on mount and again when the input changes;
 * answers that arrive after a newer call or after unmount are dropped.
 */
export function useAction<N extends ActionName>(name: N, input: ActionInput<N>, opts: CallOptions = {}): ActionState<N> {
  const [state, setState] = useState<Omit<ActionState<N>, 'reload'>>({ data: undefined, error: undefined, loading: true })
  // Inputs are plain JSON, so their text is a stable dependency even when callers pass a new object each render.
  const inputKey = JSON.stringify(input ?? null)
  const inputRef = useRef(input)
  inputRef.current = input
  const latest = useRef(0)
  const mounted = useRef(true)
  const silent = opts.silent ?? false

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const reload = useCallback(async () => {
    const call = ++latest.current
    setState((s) => ({ ...s, loading: true, error: undefined }))
    try {
      const data = await callAction(name, inputRef.current, { silent })
      if (mounted.current && call === latest.current) setState({ data, error: undefined, loading: false })
    } catch (err) {
      const error = err instanceof ActionError ? err : new ActionError('INTERNAL', String(err))
      if (mounted.current && call === latest.current) setState({ data: undefined, error, loading: false })
    }
    // The input's text is the dependency on purpose: a new object with the same value is the same input.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, inputKey, silent])

  useEffect(() => {
    void reload()
  }, [reload])

  return { ...state, reload }
}
