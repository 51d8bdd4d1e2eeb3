import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useAction } from '../../hooks/useAction'
import { useReloadOnChange } from '../../hooks/useReloadOnChange'
import { PageHeader } from '../PageHeader'
import { LoadingState } from '../LoadingState'
import { ErrorState } from '../ErrorState'
import { EmptyState, type EmptyArt } from '../EmptyState'
import { LocalLogin } from '../LocalLogin'

export interface MemberListPageProps {
  /** Extra class on the page root, e.g. `page-activities`. */
  className: string
  title: string
  /** Subtitle once we know the member's union, e.g. `${union}组织的活动`. */
  subtitle: (unionName: string) => string
  emptyTitle: string
  emptyDescription: string
  art: EmptyArt
}

/**
 * Shell shared by the 活动 / 小组 / 福利 tabs until their list actions exist: confirms who the
 * member is (so an unbound member is told to bind first), then shows the friendly empty state.
 */
export function MemberListPage(props: MemberListPageProps) {
  const me = useAction('member.me', {}, { silent: true })

  // After binding (or a switch of account) this page, alive under others, loads again when shown.
  useReloadOnChange('me', me.reload)

  usePullDownRefresh(() => {
    void me.reload().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <View className={`page ${props.className}`}>
      <PageHeader title={props.title} subtitle={me.data ? props.subtitle(me.data.union.name) : undefined} />
      {me.loading ? (
        <LoadingState />
      ) : me.error ? (
        <ErrorState error={me.error} onRetry={() => void me.reload()} art={props.art} />
      ) : (
        <EmptyState title={props.emptyTitle} description={props.emptyDescription} art={props.art} />
      )}
      <LocalLogin />
    </View>
  )
}

export default MemberListPage
