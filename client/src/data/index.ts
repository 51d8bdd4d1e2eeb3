/**
 * The client's one data layer: a cache of answers keyed by action and input (useQuery), lists paged
 * from it (usePagedQuery, usePages), the caller's session, changes with busy/error/toast handled once
 * (useMutation), and invalidation after a change (invalidate, useStaleOnShow).
 */
export { cachedData, clearQueryCache, invalidate, invalidateAll, setQueryData, type Scope } from './cache'
export { useQuery, type QueryOptions, type QueryResult } from './useQuery'
export { usePages, type Fetched, type PagedState } from './usePages'
export { usePagedQuery, type PagedActionName, type PageFilters, type PageItem, type PagedQueryOptions } from './usePagedQuery'
export { useStaleOnShow } from './useStaleOnShow'
export { useSession, refreshSession } from './session'
export { useMutation, type Mutation, type RunOptions } from './useMutation'
