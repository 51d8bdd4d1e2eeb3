/**
 * Local demo only (h5 + UNION_LOCAL=1): pick which seeded member you are.
 * The choice is stored under `local.openid`; cloud.ts sends it as `x-local-openid`.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Popup from '@nutui/nutui-react-taro/dist/es/packages/popup'
import '@nutui/nutui-react-taro/dist/es/packages/popup/style/css'
import type { Role } from '@shared/contract'
import { LOCAL_OPENID_KEY } from '../../services/cloud'
import { ROLE_LABELS } from '../../constants/roles'
import './LocalLoginSwitcher.scss'

export interface LocalAccount {
  openid: string
  name: string
  department: string
  roles: string[]
}

export async function fetchLocalAccounts(): Promise<LocalAccount[]> {
  const res = await Taro.request<{ accounts?: LocalAccount[] }>({ url: '/local/accounts', method: 'GET', timeout: 10000 })
  if (res.statusCode !== 200 || !Array.isArray(res.data?.accounts)) throw new Error(`local accounts: HTTP ${res.statusCode}`)
  return res.data.accounts
}

const rolesText = (roles: string[]) => roles.map((r) => ROLE_LABELS[r as Role] ?? r).join('、')

/** Store the pick and start over, so every page loads as that member. */
function switchTo(openid: string | null) {
  if (openid) Taro.setStorageSync(LOCAL_OPENID_KEY, openid)
  else Taro.removeStorageSync(LOCAL_OPENID_KEY)
  window.location.reload()
}

export function LocalLoginSwitcher() {
  const [accounts, setAccounts] = useState<LocalAccount[] | null>(null)
  const [failed, setFailed] = useState(false)
  const [open, setOpen] = useState(false)
  const current = String(Taro.getStorageSync(LOCAL_OPENID_KEY) || '')

  const load = () => {
    setFailed(false)
    fetchLocalAccounts()
      .then(setAccounts)
      .catch(() => setFailed(true))
  }
  useEffect(load, [])

  const me = accounts?.find((a) => a.openid === current)
  const label = failed ? '演示账号没有加载出来，点此重试' : me ? `当前以${me.name}身份登录 · 切换` : '以演示账号身份登录'

  return (
    <>
      <View className="local-login-switcher" onClick={() => (failed ? load() : setOpen(true))}>
        <Text className="local-login-switcher__badge">演示</Text>
        <Text className="local-login-switcher__label">{label}</Text>
      </View>
      {/* Rendered into <body> so it covers the h5 tab bar, which sits outside the page. */}
      <Popup visible={open} position="bottom" round closeable title="选择演示账号" portal={document.body} onClose={() => setOpen(false)}>
        <View className="local-login-list">
          {(accounts ?? []).map((a) => (
            <View
              key={a.openid}
              className={`local-login-option${a.openid === current ? ' local-login-option--current' : ''}`}
              data-openid={a.openid}
              onClick={() => switchTo(a.openid)}
            >
              <View className="local-login-option__name">以{a.name}身份登录</View>
              <View className="local-login-option__meta">
                {a.department}
                {a.roles.length ? ` · ${rolesText(a.roles)}` : ''}
              </View>
            </View>
          ))}
          {accounts && accounts.length === 0 ? <View className="local-login-list__empty">本地还没有演示账号</View> : null}
          {current ? (
            <View className="local-login-signout" onClick={() => switchTo(null)}>
              退出演示账号
            </View>
          ) : null}
        </View>
      </Popup>
    </>
  )
}

export default LocalLoginSwitcher
