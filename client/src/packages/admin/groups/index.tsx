import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Textarea, View } from '@tarojs/components'
import type { GroupCard, GroupDetail, JoinPolicy, MemberRow } from '@shared/contract'
import { GROUP_TEXT_MAX } from '@shared/contract/group.contract'
import { MEMBER_KEYWORD_MAX } from '@shared/contract/member.contract'
import { refreshSession, useMutation, useQuery } from '../../../data'
import { callAction } from '../../../services/cloud'
import { PageHeader } from '../../../components/PageHeader'
import { QueryView } from '../../../components/QueryView'
import { EmptyState } from '../../../components/EmptyState'
import { Button } from '../../../ui/nutui'
import { ROUTES } from '../../../constants/routes'
import { countText, POLICY_LABELS, withId } from '../../../constants/groups'
import { AdminGate } from '../shared/AdminGate'
import { Field, InputField } from '../shared/Field'
import { SearchBar } from '../shared/SearchBar'
import { createInput, emptyGroupForm, groupFormOf, MAX_LEADERS, updateChanges, type GroupForm, type GroupFormErrors, type LeaderPick } from './form'
import '../shared/admin.scss'
import './index.scss'

const POLICIES: readonly JoinPolicy[] = ['approval', 'open']
const POLICY_HINTS: Readonly<Record<JoinPolicy, string>> = { approval: '会员申请后，由组长同意才加入', open: '会员点「加入」即加入，直到满员' }

/** 兴趣小组 (admins): found an interest group with its leaders, and edit its name, description, way in and limit. */
export default function AdminGroupsPage() {
  const [editing, setEditing] = useState<null | { id?: string }>(null)
  return (
    <View className="page page-admin-groups">
      <PageHeader title={editing ? (editing.id ? '修改小组' : '新建兴趣小组') : '兴趣小组'} />
      <AdminGate>
        {() =>
          editing ? (
            editing.id ? (
              <EditGroup id={editing.id} onDone={() => setEditing(null)} />
            ) : (
              <GroupFormView mode="create" initial={emptyGroupForm()} onDone={() => setEditing(null)} />
            )
          ) : (
            <GroupList onCreate={() => setEditing({})} onEdit={(id) => setEditing({ id })} />
          )
        }
      </AdminGate>
    </View>
  )
}

function GroupList({ onCreate, onEdit }: { onCreate: () => void; onEdit: (id: string) => void }) {
  // A group founded or edited (here or by its leaders) shows when this list is shown again.
  const list = useQuery('group.list', {}, { silent: true })

  return (
    <>
      <View className="admin-groups-intro">工会小组按部门自动组成，不用在这里建。兴趣小组由会员自愿加入，每个小组至少一位组长负责审核和记录活动。</View>
      <View className="admin-actions">
        <Button className="admin-groups-create" type="primary" size="small" onClick={onCreate}>
          新建兴趣小组
        </Button>
      </View>
      <QueryView query={list} rows={3} art="groups">
        {({ mine, others }) => {
          const groups = interestGroups([...mine, ...others])
          return groups.length === 0 ? (
            <EmptyState className="admin-groups-empty" title="还没有兴趣小组" description="点上方「新建兴趣小组」，选好组长就能开张" art="groups" />
          ) : (
            <View className="admin-groups-list">
              {groups.map((g) => (
                <View key={g.id} className="admin-group-row" data-group-id={g.id}>
                  <View className="admin-group-row__body" onClick={() => void Taro.navigateTo({ url: withId(ROUTES.group, g.id) })}>
                    <View className="admin-group-row__name">{g.name}</View>
                    <View className="admin-group-row__meta">
                      {POLICY_LABELS[g.joinPolicy]} · {countText(g)}
                    </View>
                  </View>
                  <View className="admin-group-row__edit" onClick={() => onEdit(g.id)}>
                    修改
                  </View>
                </View>
              ))}
            </View>
          )
        }}
      </QueryView>
    </>
  )
}

/** The interest groups by name (工会小组 come from the roster and are not managed here). */
const interestGroups = (all: readonly GroupCard[]): GroupCard[] => all.filter((g) => g.kind === 'interest').sort((a, b) => a.name.localeCompare(b.name, 'zh'))

function EditGroup({ id, onDone }: { id: string; onDone: () => void }) {
  const group = useQuery('group.get', { id }, { silent: true })
  return (
    <QueryView query={group} rows={4} art="groups">
      {(g) => <GroupFormView mode="edit" original={g} initial={groupFormOf(g)} onDone={onDone} />}
    </QueryView>
  )
}

interface FormProps {
  mode: 'create' | 'edit'
  initial: GroupForm
  original?: GroupDetail
  onDone: () => void
}

export function GroupFormView({ mode, initial, original, onDone }: FormProps) {
  const [form, setForm] = useState<GroupForm>(initial)
  const [errors, setErrors] = useState<GroupFormErrors>({})
  const m = useMutation()

  const edit = <K extends keyof GroupForm>(key: K, value: GroupForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setErrors((e) => ({ ...e, [key]: undefined }))
  }

  const save = async () => {
    if (m.busy) return
    const checked = mode === 'create' ? createInput(form) : updateChanges(original!, form)
    if ('errors' in checked) return setErrors(checked.errors)
    if ('changes' in checked && Object.keys(checked.changes).length === 0) return void Taro.showToast({ title: '没有需要保存的修改', icon: 'none' })
    // A refusal (e.g. a name already used) is toasted by callAction; the form keeps what was typed.
    const saved = await m.run(
      'save',
      async () => {
        if ('input' in checked) await callAction('group.create', checked.input)
        else await callAction('group.update', { id: original!.id, ...checked.changes })
        // The founding leaders' grants change their sessions (the admin may be one of them).
        refreshSession()
        return true
      },
      { success: mode === 'create' ? '小组已建立' : '已保存', invalidates: ['group'] },
    )
    if (saved) onDone()
  }

  return (
    <>
      <View className="admin-card admin-group-form">
        <InputField
          label="小组名称"
          error={errors.name}
          errorClass="group-name-error"
          inputClass="group-name-input"
          value={form.name}
          maxlength={GROUP_TEXT_MAX.title}
          placeholder="例如：羽毛球"
          onInput={(value) => edit('name', value)}
        />
        <Field label="简介" className="admin-field--top" error={errors.description}>
          <Textarea
            className="admin-group-form__textarea group-description-input"
            value={form.description}
            maxlength={GROUP_TEXT_MAX.description}
            placeholder="活动时间、地点、适合谁（选填）"
            onInput={(e) => edit('description', e.detail.value)}
          />
        </Field>
        <Field label="加入方式" className="admin-field--top">
          <View className="policy-options">
            {POLICIES.map((p) => (
              <View
                key={p}
                className={`policy-option policy-option--${p}${form.joinPolicy === p ? ' policy-option--on' : ''}`}
                onClick={() => edit('joinPolicy', p)}
              >
                {POLICY_LABELS[p]}
              </View>
            ))}
          </View>
          <View className="admin-muted policy-hint">{POLICY_HINTS[form.joinPolicy]}</View>
        </Field>
        <InputField
          label="人数上限"
          error={errors.sizeLimit}
          errorClass="group-limit-error"
          inputClass="group-limit-input"
          type="number"
          maxlength={4}
          value={form.sizeLimit}
          placeholder="不限人数可留空"
          onInput={(value) => edit('sizeLimit', value)}
        />
      </View>

      <View className="admin-card admin-group-leaders">
        <View className="admin-card__title">组长</View>
        {mode === 'create' ? (
          <>
            <View className="admin-card__note">组长负责审核入组申请、管理成员和记录活动，最多 {MAX_LEADERS} 位，建组后自动成为成员。</View>
            <LeaderPicker picked={form.leaders} onChange={(leaders) => edit('leaders', leaders)} />
            {errors.leaders ? <View className="admin-field__error group-leaders-error">{errors.leaders}</View> : null}
          </>
        ) : (
          <>
            <View className="leader-chips">
              {form.leaders.length ? (
                form.leaders.map((l) => (
                  <View key={l.id} className="admin-tag admin-tag--primary leader-chip">
                    {l.name}
                  </View>
                ))
              ) : (
                <View className="admin-muted">暂无组长</View>
              )}
            </View>
            <View className="admin-card__note">更换组长由现任组长在小组的「成员管理」里移交。</View>
          </>
        )}
      </View>

      <View className="admin-actions admin-group-form__actions">
        <Button className="group-form-cancel" fill="outline" onClick={onDone}>
          取消
        </Button>
        <Button className="group-form-save" type="primary" loading={m.busy === 'save'} onClick={() => void save()}>
          {mode === 'create' ? '建立小组' : '保存修改'}
        </Button>
      </View>
    </>
  )
}

/** Finds members by 姓名 or 会员编号 (the admin roster search) and adds them as leaders. */
function LeaderPicker({ picked, onChange }: { picked: readonly LeaderPick[]; onChange: (leaders: LeaderPick[]) => void }) {
  const [typed, setTyped] = useState('')
  const [results, setResults] = useState<readonly MemberRow[] | null>(null)
  const lookup = useMutation<'search'>()

  const search = async (value: string) => {
    const keyword = value.trim()
    if (!keyword) return
    const page = await lookup.run('search', () => callAction('member.list', { keyword, pageSize: 10 }))
    if (page) setResults(page.items.filter((r) => r.status !== '离会'))
  }

  const add = (m: MemberRow) => {
    if (picked.some((p) => p.id === m.id)) return
    if (picked.length >= MAX_LEADERS) return void Taro.showToast({ title: `组长最多 ${MAX_LEADERS} 位`, icon: 'none' })
    onChange([...picked, { id: m.id, name: m.name, department: m.department }])
  }

  return (
    <View className="leader-picker">
      {picked.length ? (
        <View className="leader-chips">
          {picked.map((l) => (
            <View key={l.id} className="admin-tag admin-tag--primary leader-chip" onClick={() => onChange(picked.filter((p) => p.id !== l.id))}>
              {l.name}
              {l.department ? ` · ${l.department}` : ''} ×
            </View>
          ))}
        </View>
      ) : null}
      <SearchBar
        name="leader"
        typed={typed}
        onType={setTyped}
        onSearch={(value) => void search(value)}
        placeholder="搜索姓名或会员编号"
        maxlength={MEMBER_KEYWORD_MAX}
        busy={lookup.busy === 'search'}
      />
      {results === null ? null : results.length === 0 ? (
        <View className="admin-muted leader-results-empty">没有找到这位会员，换个关键词试试</View>
      ) : (
        <View className="leader-results">
          {results.map((m) => {
            const chosen = picked.some((p) => p.id === m.id)
            return (
              <View key={m.id} className="leader-result" data-member-id={m.id} onClick={() => add(m)}>
                <View className="leader-result__body">
                  <View className="leader-result__name">{m.name}</View>
                  <View className="leader-result__meta">
                    {m.department} · {m.memberNo}
                  </View>
                </View>
                <View className={`leader-result__pick${chosen ? ' leader-result__pick--on' : ''}`}>{chosen ? '已选' : '选为组长'}</View>
              </View>
            )
          })}
        </View>
      )}
    </View>
  )
}
