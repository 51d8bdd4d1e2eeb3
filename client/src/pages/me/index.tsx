import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { UnionContact } from '@shared/contract'
import { useQuery } from '../../data'
import { badgeText, useTabBadges, useUnreadMessages } from '../../hooks/useTabBadges'
import { PageHeader } from '../../components/PageHeader'
import { QueryView } from '../../components/QueryView'
import { LocalLogin } from '../../components/LocalLogin'
import { roleLabel } from '../../constants/roles'
import { ROUTES } from '../../constants/routes'
import { openMyActivities } from '../activities/open-mine'
import './index.scss'

export default function MePage() {
  // The session's own entry (what every gate and tab reads), asked again when 我的 opens: this is where a
  // member looks at who they are, and where a role granted meanwhile brings its tool. Afterwards it
  // loads again only when shown after a change marked it stale (a bind, a switch of account).
  const me = useQuery('member.me', {}, { silent: true })
  // Join requests waiting for this leader show as a badge on the 小组 tab, unread messages on 我的.
  useTabBadges(me.data)
  // As 消息 last counted it (reading there lowers it without this page asking again).
  const unread = useUnreadMessages() ?? me.data?.badges.unreadMessages ?? 0

  usePullDownRefresh(() => {
    void me.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const roles = me.data?.roles ?? []
  // A scoped grant reads as "财务科 组长"; unscoped roles just by name.
  const roleChips = roles.flatMap((role) => {
    const scoped = (me.data?.grants ?? []).filter((g) => g.role === role && g.scope?.name)
    return scoped.length
      ? scoped.map((g) => ({ key: `${role}:${g.scope!.id}`, role, text: `${g.scope!.name} ${roleLabel(role)}` }))
      : [{ key: role, role, text: roleLabel(role) }]
  })
  // The member's own things, each where it lives: tabs are switched to, pages pushed.
  const mine: Array<{ key: string; text: string; hint: string; open: () => void; badge?: number }> = [
    { key: 'activities', text: '我的活动', hint: '报名、排队和抽签', open: openMyActivities },
    { key: 'groups', text: '我的小组', hint: '加入的兴趣小组和工会小组', open: () => void Taro.switchTab({ url: ROUTES.groups }) },
    { key: 'benefits', text: '我的福利', hint: '蛋糕券、节日慰问品', open: () => void Taro.switchTab({ url: ROUTES.benefits }) },
    { key: 'hardship', text: '我的帮扶申请', hint: '帮扶、慰问申请的进展', open: () => void Taro.navigateTo({ url: ROUTES.hardship }) },
    { key: 'messages', text: '消息', hint: '报名结果、福利到账、办理进展', open: () => void Taro.navigateTo({ url: ROUTES.messages }), badge: unread },
    { key: 'card', text: '电子会员证', hint: '出示给工会工作人员核验', open: () => void Taro.navigateTo({ url: ROUTES.memberCard }) },
  ]
  // Staff tools live in subpackages and are offered only to members holding the matching role.
  // Later features (我的报名、我的福利券…) add their entries here.
  const tools: Array<{ text: string; hint: string; url: string; className: string }> = []
  if (roles.includes('reviewer'))
    tools.push({ text: '帮扶审核', hint: '受理、审批、发放，困难职工档案', url: ROUTES.reviewerQueue, className: 'me-tool--reviewer' })
  if (roles.includes('admin')) tools.push({ text: '会员管理', hint: '名册、导入、邀请码、兴趣小组', url: ROUTES.admin, className: 'me-tool--admin' })
  if (roles.includes('redeemer')) tools.push({ text: '福利核销', hint: '为会员核销福利券', url: ROUTES.redeem, className: 'me-tool--redeem' })
  // Admins change the funds; the audit committee (经费审查) reads everything there.
  if (roles.includes('admin') || roles.includes('auditor')) {
    tools.push({
      text: '经费管理',
      hint: roles.includes('admin') ? '预算、台账、报销审批、审计记录' : '查阅预算执行、台账和审计记录',
      url: ROUTES.funds,
      className: 'me-tool--funds',
    })
  }

  return (
    <View className="page page-me">
      <PageHeader title="我的" />
      <QueryView query={me} rows={2} art="me">
        {(m) => (
          <>
            <View className="me-card">
              <View className="me-card__avatar">{m.member.name.slice(-2)}</View>
              <View className="me-card__body">
                <View className="me-name">{m.member.name}</View>
                <View className="me-department">
                  {m.member.department} · {m.union.name}
                </View>
                {m.member.memberNo ? <View className="me-member-no">会员编号 {m.member.memberNo}</View> : null}
                <View className="me-roles">
                  {roleChips.map((chip) => (
                    <View key={chip.key} className={`me-role me-role--${chip.role}`}>
                      {chip.text}
                    </View>
                  ))}
                </View>
              </View>
            </View>
            {/* Every member's own records. */}
            <View className="me-links me-mine">
              {mine.map((e) => (
                <View key={e.key} className={`me-tool me-tool--${e.key}`} onClick={e.open}>
                  <View className="me-tool__text">{e.text}</View>
                  {e.badge ? <View className="me-badge">{badgeText(e.badge)}</View> : null}
                  <View className="me-tool__hint">{e.hint}</View>
                  <View className="me-tool__arrow">›</View>
                </View>
              ))}
            </View>
            {tools.length ? (
              <View className="me-tools">
                {tools.map((t) => (
                  <View key={t.url} className={`me-tool ${t.className}`} onClick={() => void Taro.navigateTo({ url: t.url })}>
                    <View className="me-tool__text">{t.text}</View>
                    <View className="me-tool__hint">{t.hint}</View>
                    <View className="me-tool__arrow">›</View>
                  </View>
                ))}
              </View>
            ) : null}
            <UnionContactCard contact={m.union.contact ?? null} />
            <View className="me-links">
              <View className="me-tool me-link--funds-public" onClick={() => void Taro.navigateTo({ url: ROUTES.fundsPublic })}>
                <View className="me-tool__text">经费公开栏</View>
                <View className="me-tool__hint">工会经费支出按季度公开</View>
                <View className="me-tool__arrow">›</View>
              </View>
            </View>
          </>
        )}
      </QueryView>
      <LocalLogin />
    </View>
  )
}

/** 联系工会: the office's phone (a tap dials it) and where to find it, as the union's admin set them. */
function UnionContactCard({ contact }: { contact: UnionContact | null }) {
  return (
    <View className="me-contact">
      <View className="me-contact__title">联系工会</View>
      {contact ? (
        <>
          <View className="me-contact__row me-contact__phone" onClick={() => void Taro.makePhoneCall({ phoneNumber: contact.phone }).catch(() => undefined)}>
            <View className="me-contact__label">电话</View>
            <View className="me-contact__value me-contact__value--link">{contact.phone}</View>
          </View>
          <View className="me-contact__row me-contact__place">
            <View className="me-contact__label">地点</View>
            <View className="me-contact__value">{contact.place}</View>
          </View>
        </>
      ) : (
        <View className="me-contact__empty">工会办公室还没有填写联系方式，可以先向所在小组的组长打听。</View>
      )}
    </View>
  )
}
