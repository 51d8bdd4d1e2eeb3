import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Image, View } from '@tarojs/components'
import { useAction } from '../../hooks/useAction'
import { useReloadOnChange } from '../../hooks/useReloadOnChange'
import { useTabBadges } from '../../hooks/useTabBadges'
import { PageHeader } from '../../components/PageHeader'
import { LoadingState } from '../../components/LoadingState'
import { ErrorState } from '../../components/ErrorState'
import { LocalLogin } from '../../components/LocalLogin'
import { ROUTES } from '../../constants/routes'
import activitiesIcon from '../../assets/tabbar/activities-active.png'
import groupsIcon from '../../assets/tabbar/groups-active.png'
import benefitsIcon from '../../assets/tabbar/benefits-active.png'
import './index.scss'

const SHORTCUTS = [
  { text: '活动报名', hint: '文体活动、讲座', icon: activitiesIcon, url: ROUTES.activities },
  { text: '兴趣小组', hint: '和同事一起玩', icon: groupsIcon, url: ROUTES.groups },
  { text: '我的福利', hint: '蛋糕券与节日礼', icon: benefitsIcon, url: ROUTES.benefits },
] as const

export default function HomePage() {
  // Errors are shown on the page itself, so no toast.
  const me = useAction('member.me', {}, { silent: true })

  // After binding (or a switch of account) this page, alive under others, loads again when shown.
  useReloadOnChange('me', me.reload)
  // Join requests waiting for this leader show as a badge on the 小组 tab.
  useTabBadges(me.data)

  usePullDownRefresh(() => {
    void me.reload().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <View className='page page-home'>
      <PageHeader title='职工之家' subtitle={me.data ? me.data.union.name : '工会就在身边'} />
      {me.loading ? (
        <LoadingState />
      ) : me.error ? (
        <ErrorState error={me.error} onRetry={() => void me.reload()} />
      ) : me.data ? (
        <>
          <View className='home-card home-greeting'>
            <View className='home-greeting__hello'>你好，{me.data.member.name}</View>
            <View className='home-greeting__meta'>
              {me.data.member.department} · {me.data.union.name}
            </View>
          </View>
          {/* 帮扶 / 慰问: one request, progress at any time (一次申报，随时查看进展). */}
          <View className='home-care' onClick={() => void Taro.navigateTo({ url: ROUTES.hardship })}>
            <View className='home-care__icon'>帮</View>
            <View className='home-care__body'>
              <View className='home-care__text'>申请帮扶 / 慰问</View>
              <View className='home-care__hint'>生病住院、家庭困难、婚育退休，一次申报随时查进展</View>
            </View>
            <View className='home-care__arrow'>›</View>
          </View>
          <View className='home-shortcuts'>
            {SHORTCUTS.map((s) => (
              <View key={s.url} className='home-shortcut' onClick={() => void Taro.switchTab({ url: s.url })}>
                <Image className='home-shortcut__icon' src={s.icon} />
                <View className='home-shortcut__text'>{s.text}</View>
                <View className='home-shortcut__hint'>{s.hint}</View>
              </View>
            ))}
          </View>
          <View className='home-link home-funds-public' onClick={() => void Taro.navigateTo({ url: ROUTES.fundsPublic })}>
            <View className='home-link__text'>经费公开栏</View>
            <View className='home-link__hint'>工会经费支出按季度公开，接受会员监督</View>
            <View className='home-link__arrow'>›</View>
          </View>
        </>
      ) : null}
      <LocalLogin />
    </View>
  )
}
