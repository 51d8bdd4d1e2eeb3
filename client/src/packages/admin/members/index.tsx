import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Picker, View } from '@tarojs/components'
import type { MemberStatus } from '@shared/domain/roster'
import { MEMBER_KEYWORD_MAX } from '@shared/contract/member.contract'
import { MEMBER_STATUSES } from '@shared/domain/roster'
import { usePagedQuery, useQuery } from '../../../data'
import { PageHeader } from '../../../components/PageHeader'
import { PagedList } from '../../../components/PagedList'
import { Button } from '../../../ui/nutui'
import { ROUTES } from '../../../constants/routes'
import { isDenied } from '../shared/AdminGate'
import { SearchBar } from '../shared/SearchBar'
import '../shared/admin.scss'
import './index.scss'

const ALL_DEPARTMENTS = '全部部门'
const ALL_STATUSES = '全部状态'

/** 会员名册: search by 姓名 or 会员编号, filter by department and status, 20 at a time. */
export default function MembersPage() {
  const [typed, setTyped] = useState('')
  const [keyword, setKeyword] = useState('')
  const [departmentId, setDepartmentId] = useState<string>()
  const [status, setStatus] = useState<MemberStatus>()
  const departments = useQuery('member.departments', {}, { silent: true })
  // An edit, unbind or import elsewhere (any member.* change) starts the list over when coming back.
  const list = usePagedQuery('member.list', { keyword: keyword || undefined, departmentId, status })
  // The list refreshes itself on a pull; the department filter comes along.
  usePullDownRefresh(() => void departments.reload())

  const search = (value: string) => setKeyword(value.trim())
  const clear = () => {
    setTyped('')
    setKeyword('')
  }

  const deptList = departments.data ?? []
  const filtered = Boolean(keyword || departmentId || status)
  // Not an admin (or not signed in): just say so, without the search and filters.
  const denied = isDenied(list.error)

  return (
    <View className="page page-admin-members">
      <PageHeader title="会员名册" subtitle={list.loading || list.error ? undefined : `共 ${list.total} 人${filtered ? '符合条件' : ''}`} />

      {denied ? null : (
        <>
          <View className="members-toolbar">
            <View className="members-toolbar__link members-go-import" onClick={() => void Taro.navigateTo({ url: ROUTES.adminImport })}>
              导入名册
            </View>
            <View className="members-toolbar__link members-go-invites" onClick={() => void Taro.navigateTo({ url: ROUTES.adminInvites })}>
              邀请码
            </View>
          </View>

          <SearchBar
            name="members"
            typed={typed}
            onType={setTyped}
            onSearch={search}
            onClear={clear}
            placeholder="搜索姓名或会员编号"
            maxlength={MEMBER_KEYWORD_MAX}
          />

          <View className="members-filters">
            <Filter
              kind="department"
              all={ALL_DEPARTMENTS}
              choices={deptList.map((d) => d.id)}
              nameOf={(id) => deptList.find((d) => d.id === id)?.name ?? id}
              chosen={departmentId}
              onChange={setDepartmentId}
            />
            <Filter kind="status" all={ALL_STATUSES} choices={MEMBER_STATUSES} nameOf={(s) => s} chosen={status} onChange={setStatus} />
          </View>
        </>
      )}

      <PagedList
        list={list}
        name="members"
        footerClass="admin-footer"
        unit="人"
        loadingRows={4}
        art="me"
        empty={
          filtered
            ? { title: '没有找到符合条件的会员', description: '换个关键词或筛选条件试试；会员编号要从开头输入' }
            : {
                title: '名册里还没有会员',
                description: '从「导入名册」上传工会的会员名单，几分钟就能建好',
                action: (
                  <Button type="primary" size="small" onClick={() => void Taro.navigateTo({ url: ROUTES.adminImport })}>
                    导入名册
                  </Button>
                ),
              }
        }
        renderItem={(m) => (
          <View
            className="member-row"
            data-member-no={m.memberNo}
            onClick={() => void Taro.navigateTo({ url: `${ROUTES.adminMember}?id=${encodeURIComponent(m.id)}` })}
          >
            <View className="member-row__main">
              <View className="member-row__name">{m.name}</View>
              {m.status !== '在职' ? <View className="member-row__status">{m.status}</View> : null}
              <View className={`admin-tag member-row__tag ${m.bound ? 'admin-tag--ok member-row__tag--bound' : 'member-row__tag--unbound'}`}>
                {m.bound ? '已绑定' : '未绑定'}
              </View>
            </View>
            <View className="member-row__meta">
              {m.department} · {m.memberNo}
              {m.phone ? ` · ${m.phone}` : ''}
            </View>
          </View>
        )}
      />
    </View>
  )
}

interface FilterProps<T> {
  kind: string
  /** The first choice, which clears the filter: 全部部门. */
  all: string
  choices: readonly T[]
  nameOf: (choice: T) => string
  chosen: T | undefined
  onChange: (choice: T | undefined) => void
}

/** A filter chip opening a picker: 全部… first, then the choices; highlighted while it filters. */
function Filter<T>({ kind, all, choices, nameOf, chosen, onChange }: FilterProps<T>) {
  const names = [all, ...choices.map(nameOf)]
  const index = chosen === undefined ? 0 : choices.indexOf(chosen) + 1
  return (
    <Picker
      mode="selector"
      range={names}
      value={index}
      onChange={(e) => {
        const n = Number(e.detail.value)
        onChange(n > 0 ? choices[n - 1] : undefined)
      }}
    >
      <View className={`members-filter members-filter-${kind}${chosen !== undefined ? ' members-filter--on' : ''}`}>{names[index] ?? all} ▾</View>
    </Picker>
  )
}
