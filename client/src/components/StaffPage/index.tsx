import { View } from '@tarojs/components'
import type { Role } from '@shared/contract'
import { useAction } from '../../hooks/useAction'
import { PageHeader } from '../PageHeader'
import { LoadingState } from '../LoadingState'
import { ErrorState } from '../ErrorState'
import { EmptyState } from '../EmptyState'

export interface StaffPageProps {
  className: string
  title: string
  role: Role
  comingSoon: string
}

/**
 * Shell of a staff tool in a subpackage: the link is shown only to matching roles on 我的,
 * and the page checks again in case it is opened some other way. The server enforces roles regardless.
 */
export function StaffPage({ className, title, role, comingSoon }: StaffPageProps) {
  const me = useAction('member.me', {}, { silent: true })
  const allowed = me.data?.roles.includes(role) ?? false

  return (
    <View className={`page ${className}`}>
      <PageHeader title={title} subtitle={me.data ? `${me.data.union.name} · ${me.data.member.name}` : undefined} />
      {me.loading ? (
        <LoadingState />
      ) : me.error ? (
        <ErrorState error={me.error} onRetry={() => void me.reload()} art="me" />
      ) : allowed ? (
        <EmptyState title="功能正在准备中" description={comingSoon} art="home" />
      ) : (
        <EmptyState title="您没有权限访问此页面" description="如需开通，请联系工会工作人员" art="me" />
      )}
    </View>
  )
}

export default StaffPage
