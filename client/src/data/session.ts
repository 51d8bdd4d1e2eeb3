/**
 * The caller as the server knows them — profile, union, roles, badges (`member.me`) — loaded once
 * and shared by every page and gate, asked again only after something changed it (a bind, a role
 * granted, the union's contact edited) or when the member pulls to refresh.
 */
import { invalidate } from './cache'
import { useQuery, type QueryResult } from './useQuery'

export function useSession(): QueryResult<'member.me'> {
  return useQuery('member.me', {}, { silent: true, refetchOnMount: false })
}

/** The session (and 首页's digest) is stale: loaded again where it is next shown. */
export function refreshSession(): void {
  invalidate('member.me', 'member.home')
}
