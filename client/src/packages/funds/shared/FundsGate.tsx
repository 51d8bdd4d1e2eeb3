import type { ReactNode } from 'react'
import type { MeView } from '@shared/contract'
import { useSession } from '../../../data'
import { LoadingState } from '../../../components/LoadingState'
import { ErrorState } from '../../../components/ErrorState'
import { EmptyState } from '../../../components/EmptyState'

export interface FundsAccess {
  readonly me: MeView
  /** Admins change (budget, 冲正, approvals, 结账); the audit committee reads everything and changes nothing. */
  readonly canChange: boolean
}

export const fundsAccessOf = (me: MeView): { reads: boolean; canChange: boolean } => ({
  reads: me.roles.includes('admin') || me.roles.includes('auditor'),
  canChange: me.roles.includes('admin'),
})

/**
 * The funds pages are for admins and the audit committee (经费审查). A courtesy check: every action
 * checks the caller again on the server, which refuses auditors any change.
 */
export function FundsGate({ adminOnly = false, children }: { adminOnly?: boolean; children: (access: FundsAccess) => ReactNode }) {
  const me = useSession()
  if (me.loading) return <LoadingState rows={2} />
  if (me.error) return <ErrorState error={me.error} onRetry={() => void me.reload()} art="me" />
  if (!me.data) return null
  const { reads, canChange } = fundsAccessOf(me.data)
  if (!reads) return <EmptyState className="funds-denied" title="您没有权限访问此页面" description="经费管理仅对工会管理员和经费审查委员会开放" art="me" />
  if (adminOnly && !canChange)
    return <EmptyState className="funds-denied" title="这里由工会管理员操作" description="经费审查委员会可以在经费概览和台账中查阅预算和每一笔分录" art="me" />
  return <>{children({ me: me.data, canChange })}</>
}

export default FundsGate
