import { useEffect, useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Picker, Switch, Text, Textarea, View } from '@tarojs/components'
import { ACTIVITY_TYPES, type FieldType } from '@shared/domain/activity'
import { useAction } from '../../../hooks/useAction'
import { markChanged } from '../../../hooks/useReloadOnChange'
import { ActionError, callAction } from '../../../services/cloud'
import { PageHeader } from '../../../components/PageHeader'
import { LoadingState } from '../../../components/LoadingState'
import { ErrorState } from '../../../components/ErrorState'
import { EmptyState } from '../../../components/EmptyState'
import { Button } from '../../../ui/nutui'
import { ROUTES } from '../../../constants/routes'
import { withActivityId } from '../../../constants/activities'
import {
  AUDIENCE_LABELS,
  createInputOf,
  defaultForm,
  errorKeyOf,
  FIELD_TYPE_LABELS,
  MAX_FIELDS,
  newField,
  scopeOptions,
  setTime,
  TIME_KEYS,
  TIME_LABELS,
  type AudienceChoice,
  type CreateForm,
  type CreateFormErrors,
  type FieldDraft,
  type ScopeOption,
  type TimeKey,
} from './form'
import '../shared/organizer.scss'
import './index.scss'

/** 发布活动: for the caller's department or group (leaders) or the whole union (admins). */
export default function CreateActivityPage() {
  const me = useAction('member.me', {}, { silent: true })
  const scopes = useMemo(() => (me.data ? scopeOptions(me.data) : []), [me.data])

  return (
    <View className='page page-organizer-create'>
      <PageHeader title='发布活动' subtitle={me.data ? `${me.data.union.name} · ${me.data.member.name}` : undefined} />
      {me.loading ? (
        <LoadingState rows={4} />
      ) : me.error ? (
        <ErrorState error={me.error} onRetry={() => void me.reload()} art='activities' />
      ) : me.data && scopes.length ? (
        <CreateFormView scopes={scopes} />
      ) : (
        <EmptyState className='create-denied' title='只有组长和工会管理员可以发布活动' description='想组织活动？请联系所在部门的工会小组长' art='activities' />
      )}
    </View>
  )
}

function CreateFormView({ scopes }: { scopes: readonly ScopeOption[] }) {
  const [form, setForm] = useState<CreateForm>(() => defaultForm(scopes))
  const [errors, setErrors] = useState<CreateFormErrors>({})
  const [failure, setFailure] = useState<string>()
  const [busy, setBusy] = useState(false)
  const departments = useAction('member.departments', {}, { silent: true })
  const scope = scopes.find((s) => s.key === form.scopeKey)

  // Only a group's event may be for its members alone.
  useEffect(() => {
    if (form.audience === 'group' && scope?.scope.kind !== 'group') setForm((f) => ({ ...f, audience: 'all' }))
  }, [form.scopeKey])

  const patch = (p: Partial<CreateForm>, ...clear: (keyof CreateFormErrors)[]) => {
    setForm((f) => ({ ...f, ...p }))
    if (clear.length) setErrors((e) => ({ ...e, ...Object.fromEntries(clear.map((k) => [k, undefined])) }))
    setFailure(undefined)
  }
  const editTime = (key: TimeKey, part: 'date' | 'time', value: string) => {
    setForm((f) => setTime(f, key, { ...f.times[key], [part]: value }))
    setErrors((e) => ({ ...e, start: undefined, end: undefined, opens: undefined, closes: undefined, cancel: undefined }))
  }
  const editField = (key: string, p: Partial<FieldDraft>) => {
    setForm((f) => ({ ...f, fields: f.fields.map((x) => (x.key === key ? { ...x, ...p } : x)) }))
    setErrors((e) => ({ ...e, fields: undefined, field: { ...e.field, [key]: '' } }))
  }

  const submit = async () => {
    if (busy) return
    const checked = createInputOf(form, scopes)
    if ('errors' in checked) {
      setErrors(checked.errors)
      void Taro.showToast({ title: '还有内容需要修改', icon: 'none' })
      return
    }
    setBusy(true)
    setFailure(undefined)
    try {
      const created = await callAction('activity.create', checked.input, { silent: true })
      markChanged('activities')
      void Taro.showToast({ title: '发布成功', icon: 'success' })
      void Taro.redirectTo({ url: withActivityId(ROUTES.activity, created.id) })
    } catch (err) {
      const error = err instanceof ActionError ? err : new ActionError('INTERNAL', String(err))
      const key = errorKeyOf(error.details?.field)
      if (key && key !== 'field') setErrors((e) => ({ ...e, [key]: error.message }))
      setFailure(error.message)
      void Taro.showToast({ title: error.message, icon: 'none', duration: 2500 })
    } finally {
      setBusy(false)
    }
  }

  const deptList = departments.data ?? []
  const audiences: AudienceChoice[] = scope?.scope.kind === 'group' ? ['all', 'women', 'departments', 'group'] : ['all', 'women', 'departments']

  return (
    <>
      <View className='org-card create-basics'>
        <View className='org-card__title'>基本信息</View>
        <View className='org-field'>
          <View className='org-field__label'>发布单位</View>
          <View className='org-chips create-scopes'>
            {scopes.map((s) => (
              <View key={s.key} className={`org-chip create-scope${form.scopeKey === s.key ? ' org-chip--on' : ''}`} onClick={() => patch({ scopeKey: s.key }, 'scope', 'audience')}>
                {s.name}
              </View>
            ))}
          </View>
          {errors.scope ? <View className='org-field__error'>{errors.scope}</View> : null}
        </View>
        <View className='org-field'>
          <View className='org-field__label'>活动名称</View>
          <Input className='org-field__input create-title' value={form.title} maxlength={40} placeholder='如：重阳登山、羽毛球友谊赛' onInput={(e) => patch({ title: e.detail.value }, 'title')} />
          {errors.title ? <View className='org-field__error'>{errors.title}</View> : null}
        </View>
        <View className='org-field'>
          <View className='org-field__label'>活动类型</View>
          <View className='org-chips create-types'>
            {ACTIVITY_TYPES.map((t) => (
              <View key={t} className={`org-chip create-type${form.type === t ? ' org-chip--on' : ''}`} onClick={() => patch({ type: t }, 'type')}>
                {t}
              </View>
            ))}
          </View>
          {errors.type ? <View className='org-field__error'>{errors.type}</View> : null}
        </View>
        <View className='org-field'>
          <View className='org-field__label'>地点</View>
          <Input className='org-field__input create-place' value={form.place} maxlength={60} placeholder='如：凤凰山北门集合' onInput={(e) => patch({ place: e.detail.value }, 'place')} />
          {errors.place ? <View className='org-field__error'>{errors.place}</View> : null}
        </View>
        <View className='org-field'>
          <View className='org-field__label'>活动介绍（选填）</View>
          <Textarea
            className='org-field__textarea create-description'
            value={form.description}
            maxlength={2000}
            placeholder='安排、集合方式、需要带的东西……'
            autoHeight
            onInput={(e) => patch({ description: e.detail.value }, 'description')}
          />
          {errors.description ? <View className='org-field__error'>{errors.description}</View> : null}
        </View>
      </View>

      <View className='org-card create-times'>
        <View className='org-card__title'>时间</View>
        <View className='org-card__note'>报名截止和取消截止默认在活动前一天 18:00，改了开始时间会跟着调整；也可以单独修改。</View>
        {TIME_KEYS.map((k) => (
          <View key={k} className={`org-field create-time create-time--${k}`}>
            <View className='org-field__label'>{TIME_LABELS[k]}</View>
            <View className='org-field__row'>
              <Picker mode='date' value={form.times[k].date} onChange={(e) => editTime(k, 'date', String(e.detail.value))}>
                <View className='create-time__picker create-time__date'>{form.times[k].date}</View>
              </Picker>
              <Picker mode='time' value={form.times[k].time} onChange={(e) => editTime(k, 'time', String(e.detail.value))}>
                <View className='create-time__picker create-time__clock'>{form.times[k].time}</View>
              </Picker>
            </View>
            {errors[k] ? <View className='org-field__error'>{errors[k]}</View> : null}
          </View>
        ))}
      </View>

      <View className='org-card create-places'>
        <View className='org-card__title'>名额与对象</View>
        <View className='org-field'>
          <View className='org-field__label'>名额</View>
          <View className='org-field__row'>
            {form.unlimited ? (
              <View className='create-capacity__unlimited'>不限名额</View>
            ) : (
              <Input
                className='org-field__input create-capacity'
                type='number'
                value={form.capacity}
                maxlength={5}
                placeholder='人数'
                onInput={(e) => patch({ capacity: e.detail.value }, 'capacity')}
              />
            )}
            <View className={`org-chip create-unlimited${form.unlimited ? ' org-chip--on' : ''}`} onClick={() => patch({ unlimited: !form.unlimited }, 'capacity')}>
              不限名额
            </View>
          </View>
          {errors.capacity ? <View className='org-field__error'>{errors.capacity}</View> : null}
        </View>
        {form.unlimited ? null : (
          <View className='org-field create-waitlist-row'>
            <View className='org-field__row create-switch-row'>
              <View className='create-switch-row__text'>
                <View>满员后允许排队</View>
                <View className='org-muted'>有人取消时按排队顺序自动递补</View>
              </View>
              <Switch className='create-waitlist' checked={form.waitlist} color='#c8161d' onChange={(e) => patch({ waitlist: Boolean(e.detail.value) })} />
            </View>
          </View>
        )}
        <View className='org-field'>
          <View className='org-field__label'>参加对象</View>
          <View className='org-chips create-audiences'>
            {audiences.map((k) => (
              <View key={k} className={`org-chip create-audience create-audience--${k}${form.audience === k ? ' org-chip--on' : ''}`} onClick={() => patch({ audience: k }, 'audience')}>
                {AUDIENCE_LABELS[k]}
              </View>
            ))}
          </View>
          {form.audience === 'departments' ? (
            <View className='org-chips create-departments'>
              {departments.loading ? <View className='org-muted'>正在加载部门…</View> : null}
              {deptList.map((d) => {
                const on = form.departmentIds.includes(d.id)
                return (
                  <View
                    key={d.id}
                    className={`org-chip create-department${on ? ' org-chip--on' : ''}`}
                    onClick={() => patch({ departmentIds: on ? form.departmentIds.filter((x) => x !== d.id) : [...form.departmentIds, d.id] }, 'audience')}
                  >
                    {d.name}
                  </View>
                )
              })}
            </View>
          ) : null}
          {errors.audience ? <View className='org-field__error'>{errors.audience}</View> : null}
        </View>
      </View>

      <FieldsEditor
        fields={form.fields}
        errors={errors}
        onAdd={(type) => patch({ fields: [...form.fields, newField(form.fields, type)] }, 'fields')}
        onEdit={editField}
        onRemove={(key) => patch({ fields: form.fields.filter((f) => f.key !== key) }, 'fields')}
      />

      {failure ? <View className='create-failure'>{failure}</View> : null}
      <View className='create-actions'>
        <Button className='create-submit' type='primary' block loading={busy} disabled={busy} onClick={() => void submit()}>
          发布活动
        </Button>
        <View className='org-muted create-actions__note'>发布后会员就能在「活动」里看到并报名；报名名单和现场签到在活动页的「组织者工具」里。</View>
      </View>
    </>
  )
}

interface FieldsEditorProps {
  fields: readonly FieldDraft[]
  errors: CreateFormErrors
  onAdd: (type: FieldType) => void
  onEdit: (key: string, patch: Partial<FieldDraft>) => void
  onRemove: (key: string) => void
}

/** 报名时填写: extra questions (尺码, 项目, 人数…), each single / multi choice, text or number, required or not. */
function FieldsEditor({ fields, errors, onAdd, onEdit, onRemove }: FieldsEditorProps) {
  return (
    <View className='org-card create-fields'>
      <View className='org-card__title'>报名时填写（选填）</View>
      <View className='org-card__note'>会员报名时默认只需确认身份；如需收集衣服尺码、参赛项目、携带家属人数等，在这里添加。</View>
      {fields.map((f, i) => {
        const choice = f.type === 'single' || f.type === 'multi'
        return (
          <View key={f.key} className='create-field' data-field={f.key}>
            <View className='create-field__head'>
              <Text className='create-field__index'>第 {i + 1} 项 · {FIELD_TYPE_LABELS[f.type]}</Text>
              <View className='create-field__remove' onClick={() => onRemove(f.key)}>
                删除
              </View>
            </View>
            <Input className='org-field__input create-field__label' value={f.label} maxlength={20} placeholder='名称，如：衣服尺码' onInput={(e) => onEdit(f.key, { label: e.detail.value })} />
            {choice ? (
              <View className='create-field__options'>
                {f.options.map((o, j) => (
                  <View key={j} className='org-option'>
                    <Input
                      className='org-field__input org-option__input create-field__option'
                      value={o}
                      maxlength={20}
                      placeholder={`选项 ${j + 1}`}
                      onInput={(e) => onEdit(f.key, { options: f.options.map((x, k) => (k === j ? e.detail.value : x)) })}
                    />
                    {f.options.length > 2 ? (
                      <View className='org-option__remove' onClick={() => onEdit(f.key, { options: f.options.filter((_, k) => k !== j) })}>
                        ×
                      </View>
                    ) : null}
                  </View>
                ))}
                {f.options.length < 20 ? (
                  <View className='create-field__add-option' onClick={() => onEdit(f.key, { options: [...f.options, ''] })}>
                    ＋ 添加选项
                  </View>
                ) : null}
              </View>
            ) : null}
            <View className='org-field__row create-switch-row'>
              <View className='create-switch-row__text'>必填</View>
              <Switch checked={f.required} color='#c8161d' onChange={(e) => onEdit(f.key, { required: Boolean(e.detail.value) })} />
            </View>
            {errors.field?.[f.key] ? <View className='org-field__error'>{errors.field[f.key]}</View> : null}
          </View>
        )
      })}
      {errors.fields ? <View className='org-field__error'>{errors.fields}</View> : null}
      {fields.length < MAX_FIELDS ? (
        <View className='org-chips create-field-adds'>
          {(Object.keys(FIELD_TYPE_LABELS) as FieldType[]).map((t) => (
            <View key={t} className={`org-chip create-field-add create-field-add--${t}`} onClick={() => onAdd(t)}>
              ＋ {FIELD_TYPE_LABELS[t]}
            </View>
          ))}
        </View>
      ) : (
        <View className='org-muted'>最多 {MAX_FIELDS} 项</View>
      )}
      <View className='create-fields__end' />
    </View>
  )
}
