import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { GroupCard } from '@shared/contract'
import { useQuery, useSession, useStaleOnShow } from '../../data'
import { useTabBadges } from '../../hooks/useTabBadges'
import { PageHeader } from '../../components/PageHeader'
import { QueryView } from '../../components/QueryView'
import { EmptyState } from '../../components/EmptyState'
import { LocalLogin } from '../../components/LocalLogin'
import { ROUTES } from '../../constants/routes'
import { countText, isFull, KIND_LABELS, withId } from '../../constants/groups'
import './index.scss'

/** 小组 tab: my groups first (my department's union group, groups I am in or waiting for), then all the others. */
export default function GroupsPage() {
  // A join, a leave or a decision elsewhere marks it stale: loaded again when shown.
  const list = useQuery('group.list', {}, { silent: true })
  // Only for the tab badge (requests waiting for a leader): a decision elsewhere changes the count.
  const me = useSession()
  useTabBadges(me.data)
  useStaleOnShow(['group'], me.reload)

  usePullDownRefresh(() => {
    void Promise.all([list.reload(), me.reload()]).finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <View className="page page-groups">
      <PageHeader title="小组" subtitle="工会小组按部门组成；兴趣小组自愿加入，和同事一起玩起来" />
      <QueryView query={list} rows={4} art="groups">
        {(groups) => (
          <>
            <View className="groups-section groups-mine">
              <View className="groups-section__title">我的小组</View>
              {groups.mine.length ? (
                groups.mine.map((g) => <GroupCardView key={g.id} group={g} />)
              ) : (
                <EmptyState
                  className="groups-mine-empty"
                  title="你还没有加入小组"
                  description="在下面的「全部小组」里找找感兴趣的，加入后会出现在这里"
                  art="groups"
                />
              )}
            </View>
            <View className="groups-section groups-all">
              <View className="groups-section__title">全部小组</View>
              {groups.others.length ? (
                // Interest groups (the ones a member can join) before other departments' union groups.
                [...groups.others]
                  .sort((x, y) => Number(x.kind === 'department') - Number(y.kind === 'department'))
                  .map((g) => <GroupCardView key={g.id} group={g} />)
              ) : (
                <EmptyState
                  className="groups-all-empty"
                  title={groups.mine.length ? '其他小组都在上面了' : '还没有小组'}
                  description="工会成立新的兴趣小组后，会出现在这里"
                  art="groups"
                />
              )}
            </View>
          </>
        )}
      </QueryView>
      <LocalLogin />
    </View>
  )
}

function GroupCardView({ group: g }: { group: GroupCard }) {
  const full = g.kind === 'interest' && isFull(g)
  return (
    <View className={`group-card group-card--${g.kind}`} data-group-id={g.id} onClick={() => void Taro.navigateTo({ url: withId(ROUTES.group, g.id) })}>
      <View className="group-card__top">
        <View className="group-card__name">{g.name}</View>
        <Text className={`group-card__tag group-card__tag--${g.kind}`}>{KIND_LABELS[g.kind]}</Text>
        {g.myStatus === 'pending' ? <Text className="group-card__tag group-card__tag--pending">待审核</Text> : null}
        {g.kind === 'interest' && g.myStatus === 'active' ? <Text className="group-card__tag group-card__tag--joined">已加入</Text> : null}
      </View>
      {g.description ? <View className="group-card__description">{g.description}</View> : null}
      <View className="group-card__meta">
        <Text className="group-card__count">{countText(g)}</Text>
        {full ? <Text className="group-card__tag group-card__tag--full">满员</Text> : null}
        <Text className="group-card__arrow">›</Text>
      </View>
    </View>
  )
}
