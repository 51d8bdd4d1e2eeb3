import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useAction } from '../../hooks/useAction'
import { useReloadOnChange } from '../../hooks/useReloadOnChange'
import { useTabBadges } from '../../hooks/useTabBadges'
import { PageHeader } from '../../components/PageHeader'
import { LoadingState } from '../../components/LoadingState'
import { ErrorState } from '../../components/ErrorState'
import { LocalLogin } from '../../components/LocalLogin'
import { roleLabel } from '../../constants/roles'
import { ROUTES } from '../../constants/routes'
import './index.scss'

export default function MePage() {
  const me = useAction('member.me', {}, { silent: true })

  // After binding (or a switch of account) this page, alive under others, loads again when shown.
  useReloadOnChange('me', me.reload)
  // Join requests waiting for this leader show as a badge on the 小组 tab.
  useTabBadges(me.data)

  usePullDownRefresh(() => {
    void me.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const roles = me.data?.roles ?? []
  // A scoped grant reads as "财务科 组长"; unscoped roles just by name.
  const roleChips = roles.flatMap((role) => {
    const scoped = (me.data?.grants ?? []).filter((g) => g.role === role && g.scope?.name)
    return scoped.length ? scoped.map((g) => ({ key: `${role}:${g.scope!.id}`, role, text: `${g.scope!.name} ${roleLabel(role)}` })) : [{ key: role, role, text: roleLabel(role) }]
  })
  // Staff tools live in subpackages and are offered only to members holding the matching role.
  // Later features (我的报名、我的福利券…) add their entries here.
  const tools: Array<{ text: string; hint: string; url: string; className: string }> = []
  if (roles.includes('reviewer')) tools.push({ text: '帮扶审核', hint: '受理、审批、发放，困难职工档案', url: ROUTES.reviewerQueue, className: 'me-tool--reviewer' })
  if (roles.includes('admin')) tools.push({ text: '会员管理', hint: '名册、导入、邀请码、兴趣小组', url: ROUTES.admin, className: 'me-tool--admin' })
  if (roles.includes('redeemer')) tools.push({ text: '福利核销', hint: '为会员核销福利券', url: ROUTES.redeem, className: 'me-tool--redeem' })
  // Admins change the funds; the audit committee (经费审查) reads everything there.
  if (roles.includes('admin') || roles.includes('auditor')) {
    tools.push({ text: '经费管理', hint: roles.includes('admin') ? '预算、台账、报销审批、审计记录' : '查阅预算执行、台账和审计记录', url: ROUTES.funds, className: 'me-tool--funds' })
  }

  return (
    <View className='page page-me'>
      <PageHeader title='我的' />
      {me.loading ? (
        <LoadingState rows={2} />
      ) : me.error ? (
        <ErrorState error={me.error} onRetry={() => void me.reload()} art='me' />
      ) : me.data ? (
        <>
          <View className='me-card'>
            <View className='me-card__avatar'>{me.data.member.name.slice(-2)}</View>
            <View className='me-card__body'>
              <View className='me-name'>{me.data.member.name}</View>
              <View className='me-department'>
                {me.data.member.department} · {me.data.union.name}
              </View>
              {me.data.member.memberNo ? <View className='me-member-no'>会员编号 {me.data.member.memberNo}</View> : null}
              <View className='me-roles'>
                {roleChips.map((chip) => (
                  <View key={chip.key} className={`me-role me-role--${chip.role}`}>
                    {chip.text}
                  </View>
                ))}
              </View>
            </View>
          </View>
          {/* Every member's own records. */}
          <View className='me-links'>
            <View className='me-tool me-tool--hardship' onClick={() => void Taro.navigateTo({ url: ROUTES.hardship })}>
              <View className='me-tool__text'>我的帮扶申请</View>
              <View className='me-tool__hint'>申请帮扶、慰问，随时查看进展</View>
              <View className='me-tool__arrow'>›</View>
            </View>
          </View>
          {tools.length ? (
            <View className='me-tools'>
              {tools.map((t) => (
                <View key={t.url} className={`me-tool ${t.className}`} onClick={() => void Taro.navigateTo({ url: t.url })}>
                  <View className='me-tool__text'>{t.text}</View>
                  <View className='me-tool__hint'>{t.hint}</View>
                  <View className='me-tool__arrow'>›</View>
                </View>
              ))}
            </View>
          ) : null}
          <View className='me-links'>
            <View className='me-tool me-link--funds-public' onClick={() => void Taro.navigateTo({ url: ROUTES.fundsPublic })}>
              <View className='me-tool__text'>经费公开栏</View>
              <View className='me-tool__hint'>工会经费支出按季度公开</View>
              <View className='me-tool__arrow'>›</View>
            </View>
          </View>
        </>
      ) : null}
      <LocalLogin />
    </View>
  )
}
