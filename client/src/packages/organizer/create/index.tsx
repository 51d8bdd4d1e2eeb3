import { useEffect, useMemo, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Image, Input, Picker, Switch, Text, Textarea, View } from '@tarojs/components'
import type { ActivityDetail } from '@shared/contract'
import { EVENT_TEXT_MAX, FIELD_TEXT_MAX } from '@shared/contract/activity.contract'
import { ACTIVITY_TYPES, type FieldType } from '@shared/domain/activity'
import { useMutation, useQuery, useSession } from '../../../data'
import { ActionError, callAction, uploadFile } from '../../../services/cloud'
import { newFormKey } from '../../../services/form-key'
import { PageHeader } from '../../../components/PageHeader'
import { Field } from '../../../components/FormField'
import { LoadingState } from '../../../components/LoadingState'
import { ErrorState } from '../../../components/ErrorState'
import { EmptyState } from '../../../components/EmptyState'
import { Button } from '../../../ui/nutui'
import { ROUTES } from '../../../constants/routes'
import { idParam, audienceText, dateTimeText, withId } from '../../../constants/activities'
import {
  ALLOCATION_LABELS,
  AUDIENCE_LABELS,
  CONTEST_KIND_LABELS,
  CONTEST_MAX_TEAMS,
  createInputOf,
  defaultForm,
  editLocksOf,
  errorKeyOf,
  FIELD_TYPE_LABELS,
  formFromDetail,
  MAX_FIELDS,
  newField,
  scheduleProblemOf,
  scopeOptions,
  setTime,
  TIME_KEYS,
  TIME_LABELS,
  updateInputOf,
  type AudienceChoice,
  type ContestKind,
  type CreateForm,
  type CreateFormErrors,
  type EditLocks,
  type FieldDraft,
  type ScopeOption,
  type TimeKey,
} from './form'
import { coverOf, type TempImage } from './cover'
import '../shared/organizer.scss'
import './index.scss'
import { calendarDayText } from '@shared/domain/time'
import { COLORS } from '../../../styles/colors'

/**
 * 发布活动: for the caller's department or group (leaders) or the whole union (admins).
 * Opened with `?id=` it is 修改活动: the event as it stands, saved with `activity.update`.
 */
export default function CreateActivityPage() {
  const id = idParam(useRouter().params.id)
  return id ? <EditActivity id={id} /> : <NewActivity />
}

function NewActivity() {
  const me = useSession()
  const scopes = useMemo(() => (me.data ? scopeOptions(me.data) : []), [me.data])

  return (
    <View className="page page-organizer-create">
      <PageHeader title="发布活动" subtitle={me.data ? `${me.data.union.name} · ${me.data.member.name}` : undefined} />
      {me.loading ? (
        <LoadingState rows={4} />
      ) : me.error ? (
        <ErrorState error={me.error} onRetry={() => void me.reload()} art="activities" />
      ) : me.data && scopes.length ? (
        <EventFormView scopes={scopes} initial={defaultForm(scopes)} />
      ) : (
        <EmptyState className="create-denied" title="只有组长和工会管理员可以发布活动" description="想组织活动？请联系所在部门的工会小组长" art="activities" />
      )}
    </View>
  )
}

function EditActivity({ id }: { id: string }) {
  const detail = useQuery('activity.get', { id }, { silent: true })
  const a = detail.data

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: '修改活动' }).catch(() => undefined)
  }, [])

  return (
    <View className="page page-organizer-create page-organizer-edit">
      <PageHeader title="修改活动" subtitle={a ? `${a.organizer} · ${a.title}` : undefined} />
      {detail.loading ? (
        <LoadingState rows={4} />
      ) : detail.error || !a ? (
        <ErrorState error={detail.error ?? new ActionError('NOT_FOUND', '没有找到这个活动')} onRetry={() => void detail.reload()} art="activities" />
      ) : !a.canManage ? (
        <EmptyState className="create-denied" title="只有活动的组织者可以修改活动" description="如需修改，请联系发布活动的组长或工会管理员" art="activities" />
      ) : new Date(a.endAt).getTime() <= Date.now() ? (
        <EmptyState className="create-denied" title="活动已结束，不能再修改" description="往期活动会保留原样，方便回顾" art="activities" />
      ) : (
        <EventFormView scopes={[]} initial={formFromDetail(a)} editing={a} />
      )}
    </View>
  )
}

interface EventFormProps {
  scopes: readonly ScopeOption[]
  initial: CreateForm
  /** The event being edited; absent when posting a new one. */
  editing?: ActivityDetail
}

function EventFormView({ scopes, initial, editing }: EventFormProps) {
  const [form, setForm] = useState<CreateForm>(initial)
  const [errors, setErrors] = useState<CreateFormErrors>({})
  const [failure, setFailure] = useState<string>()
  // One change at a time: no 发布 while the cover uploads, no new cover while sending.
  const m = useMutation<'save' | 'cover'>()
  // One key per form: 发布 again after a lost answer finds the event already posted.
  const formKey = useRef(newFormKey())
  const departments = useQuery('member.departments', {}, { silent: true })
  const scope = scopes.find((s) => s.key === form.scopeKey)
  const locks: EditLocks = editing ? editLocksOf(editing) : { signedUp: false, drawn: false }
  // The same time rules the server applies, shown while the organizer picks (before sending).
  const schedule = scheduleProblemOf(form)

  const patch = (p: Partial<CreateForm>, ...clear: (keyof CreateFormErrors)[]) => {
    setForm((f) => ({ ...f, ...p }))
    if (clear.length) setErrors((e) => ({ ...e, ...Object.fromEntries(clear.map((k) => [k, undefined])) }))
    setFailure(undefined)
  }
  // Only a group's event may be for its members alone: another 发布单位 takes 仅本组成员 back to 全体.
  const chooseScope = (s: ScopeOption) =>
    patch({ scopeKey: s.key, ...(form.audience === 'group' && s.scope.kind !== 'group' ? { audience: 'all' as const } : {}) }, 'scope', 'audience')
  const editTime = (key: TimeKey, part: 'date' | 'time', value: string) => {
    setForm((f) => setTime(f, key, { ...f.times[key], [part]: value }))
    setErrors((e) => ({
      ...e,
      start: undefined,
      end: undefined,
      opens: undefined,
      closes: undefined,
      cancel: undefined,
      draw: undefined,
      capacity: undefined,
      allocation: undefined,
    }))
    setFailure(undefined)
  }
  const text = (k: 'title' | 'place' | 'description' | 'capacity') => ({
    value: form[k],
    onInput: (e: { detail: { value: string } }) => patch({ [k]: e.detail.value }, k),
  })
  const editField = (key: string, p: Partial<FieldDraft>) => {
    setForm((f) => ({ ...f, fields: f.fields.map((x) => (x.key === key ? { ...x, ...p } : x)) }))
    setErrors((e) => ({ ...e, fields: undefined, field: { ...e.field, [key]: '' } }))
  }

  const chooseCover = async () => {
    if (m.busy) return
    let file: TempImage | undefined
    try {
      const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      file = (res.tempFiles as unknown as TempImage[])[0]
    } catch {
      return // cancelled
    }
    const picked = coverOf(file)
    if ('problem' in picked) {
      void Taro.showToast({ title: picked.problem, icon: 'none' })
      return
    }
    const before = { cover: form.cover, coverPreview: form.coverPreview }
    patch({ coverPreview: picked.cover.preview }, 'cover')
    const fileId = await m.run('cover', () => uploadFile(picked.cover))
    // A failure is toasted by uploadFile; the previous cover stays.
    patch(fileId ? { cover: fileId, coverPreview: picked.cover.preview } : before)
  }

  // The server's refusal, in its words: by the field it names, and above the button (said once:
  // a toast as well would repeat it and cover the button).
  const showRefusal = (error: ActionError) => {
    const key = errorKeyOf(error.details?.field)
    if (key && key !== 'field') setErrors((e) => ({ ...e, [key]: error.message }))
    setFailure(error.message)
  }

  const submit = async () => {
    if (m.busy) return
    const checked = editing ? updateInputOf(form, editing) : createInputOf(form, scopes)
    if ('errors' in checked) {
      setErrors(checked.errors)
      void Taro.showToast({ title: '还有内容需要修改', icon: 'none' })
      return
    }
    setFailure(undefined)
    const { input } = checked
    if ('id' in input) {
      const saved = await m.run('save', () => callAction('activity.update', input, { silent: true }), {
        success: '已保存修改',
        invalidates: ['activity'],
        onError: showRefusal,
      })
      if (saved) await Taro.navigateBack().catch(() => Taro.redirectTo({ url: withId(ROUTES.activity, input.id) }))
    } else {
      const created = await m.run('save', () => callAction('activity.create', { key: formKey.current, ...input }, { silent: true }), {
        success: '发布成功',
        invalidates: ['activity'],
        onError: showRefusal,
      })
      if (created) void Taro.redirectTo({ url: withId(ROUTES.activity, created.id) })
    }
  }

  const deptList = departments.data ?? []
  const groupAudience = editing ? form.groupId !== null : scope?.scope.kind === 'group'
  const audiences: AudienceChoice[] = [
    ...(form.keptAudience ? (['kept'] as const) : []),
    'all',
    'women',
    'departments',
    ...(groupAudience ? (['group'] as const) : []),
  ]
  const timeError = (k: TimeKey | 'capacity' | 'allocation') => errors[k] ?? (schedule?.key === k ? schedule.message : undefined)

  return (
    <>
      <View className="org-card create-basics">
        <View className="org-card__title">基本信息</View>
        <Field area="org" label="发布单位" error={errors.scope}>
          {editing ? (
            <View className="create-organizer">{editing.organizer}</View>
          ) : (
            <View className="org-chips create-scopes">
              {scopes.map((s) => (
                <View key={s.key} className={`org-chip create-scope${form.scopeKey === s.key ? ' org-chip--on' : ''}`} onClick={() => chooseScope(s)}>
                  {s.name}
                </View>
              ))}
            </View>
          )}
        </Field>
        <Field area="org" label="活动名称" error={errors.title}>
          <Input className="org-field__input create-title" maxlength={EVENT_TEXT_MAX.title} placeholder="如：重阳登山、羽毛球友谊赛" {...text('title')} />
        </Field>
        <Field area="org" label="活动类型" error={errors.type}>
          <View className="org-chips create-types">
            {ACTIVITY_TYPES.map((t) => (
              <View key={t} className={`org-chip create-type${form.type === t ? ' org-chip--on' : ''}`} onClick={() => patch({ type: t }, 'type')}>
                {t}
              </View>
            ))}
          </View>
        </Field>
        <Field area="org" label="地点" error={errors.place}>
          <Input className="org-field__input create-place" maxlength={EVENT_TEXT_MAX.place} placeholder="如：凤凰山北门集合" {...text('place')} />
        </Field>
        <Field area="org" label="活动介绍（选填）" error={errors.description}>
          <Textarea
            className="org-field__textarea create-description"
            maxlength={EVENT_TEXT_MAX.description}
            placeholder="安排、集合方式、需要带的东西……"
            autoHeight
            {...text('description')}
          />
        </Field>
        <Field area="org" label="封面图片（选填）" error={errors.cover} className="create-cover-field">
          {form.coverPreview ? (
            <View className="create-cover">
              <Image className="create-cover__image" src={form.coverPreview} mode="aspectFill" />
              {m.busy === 'cover' ? <View className="create-cover__state">正在上传…</View> : null}
              {m.busy === 'cover' ? null : (
                <View className="create-cover__actions">
                  <View className="create-cover__change" onClick={() => void chooseCover()}>
                    更换
                  </View>
                  <View className="create-cover__remove" onClick={() => patch({ cover: null, coverPreview: null }, 'cover')}>
                    删除
                  </View>
                </View>
              )}
            </View>
          ) : (
            <View className="create-cover create-cover--add create-cover-add" onClick={() => void chooseCover()}>
              <View className="create-cover__plus">＋</View>
              <View className="org-muted">添加封面，活动列表和转发时会显示</View>
            </View>
          )}
        </Field>
      </View>

      <View className="org-card create-times">
        <View className="org-card__title">时间</View>
        <View className="org-card__note">
          {editing ? '修改时间后，已报名的会员会收到变更通知。' : '报名截止和取消截止默认在活动前一天 18:00，改了开始时间会跟着调整；也可以单独修改。'}
        </View>
        {TIME_KEYS.map((k) => (
          <Field key={k} area="org" label={TIME_LABELS[k]} error={timeError(k)} className={`create-time create-time--${k}`}>
            <TimePickers value={form.times[k]} onChange={(part, v) => editTime(k, part, v)} />
          </Field>
        ))}
      </View>

      <View className="org-card create-places">
        <View className="org-card__title">名额与对象</View>
        <Field area="org" label="名额" error={timeError('capacity')}>
          {locks.drawn ? (
            <View className="create-locked">{form.unlimited ? '不限名额' : `${form.capacity} 个名额`}（已经抽签，不能再修改）</View>
          ) : (
            <View className="org-field__row">
              {form.unlimited ? (
                <View className="create-capacity__unlimited">不限名额</View>
              ) : (
                <Input className="org-field__input create-capacity" type="number" maxlength={5} placeholder="人数" {...text('capacity')} />
              )}
              <View
                className={`org-chip create-unlimited${form.unlimited ? ' org-chip--on' : ''}`}
                onClick={() => patch({ unlimited: !form.unlimited }, 'capacity')}
              >
                不限名额
              </View>
            </View>
          )}
        </Field>

        <Field area="org" label="名额分配" error={timeError('allocation')} className="create-allocation-field">
          {locks.signedUp ? (
            <View className="create-locked">{ALLOCATION_LABELS[form.allocation]}（已有人报名，不能再修改）</View>
          ) : (
            <View className="org-chips create-allocations">
              {(['fcfs', 'lottery'] as const).map((k) => (
                <View
                  key={k}
                  className={`org-chip create-allocation create-allocation--${k}${form.allocation === k ? ' org-chip--on' : ''}`}
                  onClick={() => patch({ allocation: k }, 'allocation', 'draw', 'capacity')}
                >
                  {ALLOCATION_LABELS[k]}
                </View>
              ))}
            </View>
          )}
          <View className="org-muted create-allocation__note">
            {form.allocation === 'lottery'
              ? '报名截止后在抽签时间统一抽签，今年抽签落选过的会员优先中签；未中签的按抽签顺序候补，结果会通知每位报名者。'
              : '按报名先后确定名额。'}
          </View>
        </Field>

        {form.allocation === 'lottery' ? (
          <Field area="org" label={TIME_LABELS.draw} error={timeError('draw')} className="create-time create-time--draw">
            {locks.drawn ? (
              <View className="create-locked">{dateTimeText(editing?.drawAt ?? '')}（已经抽签，不能再修改）</View>
            ) : (
              <>
                <TimePickers value={form.times.draw} onChange={(part, v) => editTime('draw', part, v)} />
                <View className="org-muted create-time__hint">在报名截止之后、活动开始之前；到时系统自动抽签，组织者也可以在活动页立即抽签。</View>
              </>
            )}
          </Field>
        ) : form.unlimited ? null : (
          <View className="org-field create-waitlist-row">
            <View className="org-field__row create-switch-row">
              <View className="create-switch-row__text">
                <View>满员后允许排队</View>
                <View className="org-muted">有人取消时按排队顺序自动递补</View>
              </View>
              <Switch className="create-waitlist" checked={form.waitlist} color={COLORS.brand} onChange={(e) => patch({ waitlist: Boolean(e.detail.value) })} />
            </View>
          </View>
        )}

        <Field area="org" label="参加对象" error={errors.audience}>
          <View className="org-chips create-audiences">
            {audiences.map((k) => (
              <View
                key={k}
                className={`org-chip create-audience create-audience--${k}${form.audience === k ? ' org-chip--on' : ''}`}
                onClick={() => patch({ audience: k }, 'audience')}
              >
                {k === 'kept' && form.keptAudience
                  ? `${AUDIENCE_LABELS.kept}（${audienceText(form.keptAudience, (d) => deptList.find((x) => x.id === d)?.name)}）`
                  : AUDIENCE_LABELS[k]}
              </View>
            ))}
          </View>
          {form.audience === 'departments' ? (
            <View className="org-chips create-departments">
              {departments.loading ? <View className="org-muted">正在加载部门…</View> : null}
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
        </Field>
      </View>

      <ContestEditor
        on={form.contestOn}
        kind={form.contestKind}
        teamIds={form.contestTeamIds}
        departments={deptList}
        departmentsLoading={departments.loading}
        error={errors.contest}
        onChange={(p) => patch(p, 'contest')}
      />

      {locks.signedUp ? (
        <View className="org-card create-fields create-fields--locked">
          <View className="org-card__title">报名时填写</View>
          <View className="org-card__note">已有人报名，报名项不能再修改。</View>
          <View className="create-locked">
            {form.fields.length ? form.fields.map((f) => `${f.label}${f.required ? '' : '（选填）'}`).join('、') : '不需要填写额外信息'}
          </View>
          {errors.fields ? <View className="org-field__error">{errors.fields}</View> : null}
        </View>
      ) : (
        <FieldsEditor
          fields={form.fields}
          errors={errors}
          onAdd={(type) => patch({ fields: [...form.fields, newField(form.fields, type)] }, 'fields')}
          onEdit={editField}
          onRemove={(key) => patch({ fields: form.fields.filter((f) => f.key !== key) }, 'fields')}
        />
      )}

      {failure ? <View className="create-failure">{failure}</View> : null}
      <View className="create-actions">
        <Button className="create-submit" type="primary" block loading={m.busy === 'save'} disabled={Boolean(m.busy)} onClick={() => void submit()}>
          {editing ? '保存修改' : '发布活动'}
        </Button>
        <View className="org-muted create-actions__note">
          {editing
            ? '保存后，已报名、排队和报名抽签的会员会收到变更通知。已有人报名时，报名项和名额分配方式不能再改，名额不能少于已报名人数。'
            : '发布后会员就能在「活动」里看到并报名；报名名单和现场签到在活动页的「组织者工具」里。'}
        </View>
      </View>
    </>
  )
}

function TimePickers({ value, onChange }: { value: { date: string; time: string }; onChange: (part: 'date' | 'time', value: string) => void }) {
  return (
    <View className="org-field__row">
      <Picker mode="date" value={value.date} onChange={(e) => onChange('date', String(e.detail.value))}>
        <View className="create-time__picker create-time__date">{calendarDayText(value.date, new Date())}</View>
      </Picker>
      <Picker mode="time" value={value.time} onChange={(e) => onChange('time', String(e.detail.value))}>
        <View className="create-time__picker create-time__clock">{value.time}</View>
      </Picker>
    </View>
  )
}

interface ContestEditorProps {
  on: boolean
  kind: ContestKind
  teamIds: readonly string[]
  departments: readonly { id: string; name: string }[]
  departmentsLoading: boolean
  error: string | undefined
  onChange: (p: Partial<Pick<CreateForm, 'contestOn' | 'contestKind' | 'contestTeamIds'>>) => void
}

/** 结对竞赛: two or more departments (or interest groups) compete on turnout; the event page shows each team's count. */
function ContestEditor({ on, kind, teamIds, departments, departmentsLoading, error, onChange }: ContestEditorProps) {
  return (
    <View className="org-card create-contest">
      <View className="org-card__title">结对竞赛（选填）</View>
      <View className="org-field__row create-switch-row">
        <View className="create-switch-row__text">
          <View>开启结对竞赛</View>
          <View className="org-muted">选 2 个以上部门或兴趣小组比一比参与人数，活动页会显示各队报名和签到人数</View>
        </View>
        <Switch className="create-contest-switch" checked={on} color={COLORS.brand} onChange={(e) => onChange({ contestOn: Boolean(e.detail.value) })} />
      </View>
      {on ? (
        <>
          <View className="org-chips create-contest-kinds">
            {(['department', 'group'] as const).map((k) => (
              <View
                key={k}
                className={`org-chip create-contest-kind create-contest-kind--${k}${kind === k ? ' org-chip--on' : ''}`}
                onClick={() => onChange({ contestKind: k, contestTeamIds: k === kind ? teamIds : [] })}
              >
                {CONTEST_KIND_LABELS[k]}
              </View>
            ))}
          </View>
          {kind === 'department' ? (
            <TeamChips
              teams={departments}
              loading={departmentsLoading}
              empty="还没有部门"
              teamIds={teamIds}
              onChange={(ids) => onChange({ contestTeamIds: ids })}
            />
          ) : (
            <GroupTeams teamIds={teamIds} onChange={(ids) => onChange({ contestTeamIds: ids })} />
          )}
          <View className="org-muted create-contest__count">
            已选 {teamIds.length} 个（2 到 {CONTEST_MAX_TEAMS} 个）
          </View>
        </>
      ) : null}
      {error ? <View className="org-field__error">{error}</View> : null}
    </View>
  )
}

/** Interest groups as contest teams, loaded only when the organizer picks 兴趣小组之间. */
function GroupTeams({ teamIds, onChange }: { teamIds: readonly string[]; onChange: (ids: string[]) => void }) {
  const groups = useQuery('group.list', {}, { silent: true })
  const interest = groups.data ? [...groups.data.mine, ...groups.data.others].filter((g) => g.kind === 'interest') : []
  if (groups.error) {
    return (
      <View className="org-muted create-contest__error">
        兴趣小组没有加载出来：{groups.error.message}
        <Text className="create-contest__retry" onClick={() => void groups.reload()}>
          重试
        </Text>
      </View>
    )
  }
  return <TeamChips teams={interest} loading={groups.loading} empty="还没有兴趣小组" teamIds={teamIds} onChange={onChange} />
}

function TeamChips({
  teams,
  loading,
  empty,
  teamIds,
  onChange,
}: {
  teams: readonly { id: string; name: string }[]
  loading: boolean
  empty: string
  teamIds: readonly string[]
  onChange: (ids: string[]) => void
}) {
  if (loading && !teams.length) return <View className="org-muted create-contest__loading">正在加载…</View>
  if (!teams.length) return <View className="org-muted create-contest__empty">{empty}</View>
  return (
    <View className="org-chips create-contest-teams">
      {teams.map((t) => {
        const chosen = teamIds.includes(t.id)
        return (
          <View
            key={t.id}
            className={`org-chip create-contest-team${chosen ? ' org-chip--on' : ''}`}
            data-team-id={t.id}
            onClick={() => onChange(chosen ? teamIds.filter((x) => x !== t.id) : [...teamIds, t.id])}
          >
            {t.name}
          </View>
        )
      })}
    </View>
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
    <View className="org-card create-fields">
      <View className="org-card__title">报名时填写（选填）</View>
      <View className="org-card__note">会员报名时默认只需确认身份；如需收集衣服尺码、参赛项目、携带家属人数等，在这里添加。</View>
      {fields.map((f, i) => {
        const choice = f.type === 'single' || f.type === 'multi'
        return (
          <View key={f.key} className="create-field" data-field={f.key}>
            <View className="create-field__head">
              <Text className="create-field__index">
                第 {i + 1} 项 · {FIELD_TYPE_LABELS[f.type]}
              </Text>
              <View className="create-field__remove" onClick={() => onRemove(f.key)}>
                删除
              </View>
            </View>
            <Input
              className="org-field__input create-field__label"
              value={f.label}
              maxlength={FIELD_TEXT_MAX.label}
              placeholder="名称，如：衣服尺码"
              onInput={(e) => onEdit(f.key, { label: e.detail.value })}
            />
            {choice ? (
              <View className="create-field__options">
                {f.options.map((o, j) => (
                  <View key={j} className="org-option">
                    <Input
                      className="org-field__input org-option__input create-field__option"
                      value={o}
                      maxlength={FIELD_TEXT_MAX.option}
                      placeholder={`选项 ${j + 1}`}
                      onInput={(e) => onEdit(f.key, { options: f.options.map((x, k) => (k === j ? e.detail.value : x)) })}
                    />
                    {f.options.length > 2 ? (
                      <View className="org-option__remove" onClick={() => onEdit(f.key, { options: f.options.filter((_, k) => k !== j) })}>
                        ×
                      </View>
                    ) : null}
                  </View>
                ))}
                {f.options.length < 20 ? (
                  <View className="create-field__add-option" onClick={() => onEdit(f.key, { options: [...f.options, ''] })}>
                    ＋ 添加选项
                  </View>
                ) : null}
              </View>
            ) : null}
            <View className="org-field__row create-switch-row">
              <View className="create-switch-row__text">必填</View>
              <Switch checked={f.required} color={COLORS.brand} onChange={(e) => onEdit(f.key, { required: Boolean(e.detail.value) })} />
            </View>
            {errors.field?.[f.key] ? <View className="org-field__error">{errors.field[f.key]}</View> : null}
          </View>
        )
      })}
      {errors.fields ? <View className="org-field__error">{errors.fields}</View> : null}
      {fields.length < MAX_FIELDS ? (
        <View className="org-chips create-field-adds">
          {(Object.keys(FIELD_TYPE_LABELS) as FieldType[]).map((t) => (
            <View key={t} className={`org-chip create-field-add create-field-add--${t}`} onClick={() => onAdd(t)}>
              ＋ {FIELD_TYPE_LABELS[t]}
            </View>
          ))}
        </View>
      ) : (
        <View className="org-muted">最多 {MAX_FIELDS} 项</View>
      )}
      <View className="create-fields__end" />
    </View>
  )
}
