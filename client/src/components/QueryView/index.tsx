import type { ReactNode } from 'react'
import { ActionError } from '../../services/cloud'
import { LoadingState } from '../LoadingState'
import { ErrorState } from '../ErrorState'
import type { EmptyArt } from '../EmptyState'

export interface QueryViewProps<T> {
  /** useQuery's answer (or useSession's). */
  query: { data: T | undefined; error: ActionError | undefined; loading: boolean; reload: () => Promise<unknown> }
  /** Said instead, as not found, when the page was opened without what it needs (a link without its id). */
  missing?: string
  /** How many placeholder lines while the first answer is on its way. */
  rows?: number
  art?: EmptyArt
  /** The page itself, from the answer; it stays on screen while the answer is asked again. */
  children: (data: T) => ReactNode
}

/**
 * A page's one query, in its states: loading until the first answer, the failure with 重试 (or the way
 * to bind), then the page drawn from the answer.
 */
export function QueryView<T>({ query, missing, rows, art, children }: QueryViewProps<T>) {
  if (missing) return <ErrorState error={new ActionError('NOT_FOUND', missing)} art={art} />
  if (query.data !== undefined) return <>{children(query.data)}</>
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.reload()} art={art} />
  return query.loading ? <LoadingState rows={rows} /> : null
}

export default QueryView
