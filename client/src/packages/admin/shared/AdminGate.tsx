import type { ReactNode } from 'react'
import type { MeView } from '@shared/contract'
import { useSession } from '../../../data'
import { LoadingState } from '../../../components/LoadingState'
import { ErrorState } from '../../../components/ErrorState'
import { EmptyState } from '../../../components/EmptyState'

/**
 * For admin pages that load nothing by themselves (导入名册, the admin home): checks the caller is an
 * admin before showing the page. Only a courtesy — every action checks again on the server.
 */
export function AdminGate({ children }: { children: (me: MeView) => ReactNode }) {
  const me = useSession()
  if (me.loading) return <LoadingState rows={2} />
  if (me.error) return <ErrorState error={me.error} onRetry={() => void me.reload()} art="me" />
  if (!me.data?.roles.includes('admin'))
    return <EmptyState className="admin-denied" title="您没有权限访问此页面" description="这里是工会管理员的工作台，如需开通请联系工会" art="me" />
  return <>{children(me.data)}</>
}

/** An admin list answered FORBIDDEN (or nobody is signed in): show only the reason, not the tools. */
export const isDenied = (error: { code: string } | undefined): boolean =>
  error !== undefined && ['FORBIDDEN', 'NOT_BOUND', 'UNAUTHENTICATED'].includes(error.code)
