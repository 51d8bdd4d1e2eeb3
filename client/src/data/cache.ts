/**
 * The client's one cache of answers, keyed by action and input — TanStack Query's ideas (query keys,
 * invalidation after a change, stale-while-revalidate, one call in flight per key) in a few lines, as
 * the mini-program's main package has no room for the library itself.
 *
 * Pages stay alive under others (tab pages, a list under its detail page). A change marks what it
 * touched stale; a page showing stale data loads it again when it is next shown (useDidShow), never
 * while hidden, so nothing flickers and no call is wasted on a page nobody sees.
 */
import type { ActionInput, ActionName, ActionOutput } from '@shared/contract'
import { ActionError, callAction } from '../services/cloud'

/**
 * What a change touches: a function ('activity': every activity.* answer) or one action
 * ('member.me'). Invalidating a scope marks every cached answer under it stale.
 */
export type Scope = ActionName | (ActionName extends `${infer F}.${string}` ? F : never)

export interface QueryState<T> {
  readonly data: T | undefined
  readonly error: ActionError | undefined
  /** A call is in flight (the first load, a retry, a refresh). */
  readonly fetching: boolean
}

interface Entry {
  readonly name: ActionName
  readonly input: unknown
  state: QueryState<unknown>
  stale: boolean
  inflight: Promise<void> | undefined
  /** Bumped by each call and by setQueryData: an answer from an older call is dropped. */
  generation: number
  readonly listeners: Set<() => void>
}

const entries = new Map<string, Entry>()
const scopeListeners = new Set<(scopes: readonly Scope[]) => void>()

/** Inputs are plain JSON, so their text is the key: a new object with the same value is the same query. */
export const queryKey = (name: ActionName, input: unknown): string => `${name} ${JSON.stringify(input ?? null)}`

export const inScope = (name: ActionName, scopes: readonly Scope[]): boolean => scopes.some((s) => name === s || name.startsWith(`${s}.`))

export function entryOf(name: ActionName, input: unknown): Entry {
  const key = queryKey(name, input)
  let entry = entries.get(key)
  if (!entry) {
    entry = {
      name,
      input,
      state: { data: undefined, error: undefined, fetching: false },
      stale: true,
      inflight: undefined,
      generation: 0,
      listeners: new Set(),
    }
    entries.set(key, entry)
  }
  return entry
}

function update(entry: Entry, state: Partial<QueryState<unknown>>): void {
  entry.state = { ...entry.state, ...state }
  for (const listener of [...entry.listeners]) listener()
}

/** Calls the action for this entry, unless a call for it is already in flight (then waits for that one). */
export function fetchEntry(entry: Entry, silent: boolean): Promise<void> {
  if (entry.inflight) return entry.inflight
  const generation = ++entry.generation
  update(entry, { fetching: true, error: undefined })
  // Promise.resolve: a stand-in callAction (tests) may answer a bare value; it counts as the answer.
  const call = Promise.resolve(callAction(entry.name, entry.input as ActionInput<ActionName>, { silent })).then(
    (data) => {
      if (generation !== entry.generation) return
      entry.stale = false
      update(entry, { data, error: undefined, fetching: false })
    },
    (err: unknown) => {
      if (generation !== entry.generation) return
      const error = err instanceof ActionError ? err : new ActionError('INTERNAL', String(err))
      update(entry, { data: undefined, error, fetching: false })
    },
  )
  const tracked: Promise<void> = call.finally(() => {
    if (entry.inflight === tracked) entry.inflight = undefined
  })
  entry.inflight = tracked
  return tracked
}

export function subscribe(entry: Entry, listener: () => void): () => void {
  entry.listeners.add(listener)
  return () => {
    entry.listeners.delete(listener)
  }
}

/**
 * An answer the page already has (a mutation returned the fresh record): cached as if loaded, so
 * nobody calls again for it.
 */
export function setQueryData<N extends ActionName>(name: N, input: ActionInput<N>, data: ActionOutput<N>): void {
  const entry = entryOf(name, input)
  entry.generation++
  entry.inflight = undefined
  entry.stale = false
  update(entry, { data, error: undefined, fetching: false })
}

/** The cached answer, if any (for a page that reads what another page loaded). */
export function cachedData<N extends ActionName>(name: N, input: ActionInput<N>): ActionOutput<N> | undefined {
  return entries.get(queryKey(name, input))?.state.data as ActionOutput<N> | undefined
}

/** After a change: every answer under these scopes is stale, and lists paging them start over when next shown. */
export function invalidate(...scopes: Scope[]): void {
  for (const entry of entries.values()) if (inScope(entry.name, scopes)) entry.stale = true
  for (const listener of [...scopeListeners]) listener(scopes)
}

/** Everything is stale: the caller changed (bound, switched account). */
export function invalidateAll(): void {
  for (const entry of entries.values()) entry.stale = true
  for (const listener of [...scopeListeners]) listener(['*' as Scope])
}

/** Paged lists keep their pages themselves; they hear invalidations here. */
export function onInvalidate(listener: (scopes: readonly Scope[]) => void): () => void {
  scopeListeners.add(listener)
  return () => {
    scopeListeners.delete(listener)
  }
}

/** Forget every answer (tests; a local account switch). */
export function clearQueryCache(): void {
  entries.clear()
}

// Tests render many pages in one module registry: each test starts with nothing cached
// (test/client/reset-after-each.ts runs these). Removed from real builds, where NODE_ENV is production.
if (process.env.NODE_ENV === 'test') {
  const resets = ((globalThis as { __unionTestResets?: Array<() => void> }).__unionTestResets ??= [])
  resets.push(clearQueryCache)
}
