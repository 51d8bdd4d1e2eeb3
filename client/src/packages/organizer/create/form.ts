/**
 * The 发布活动 form: its state, sensible defaults, and the checks the server would make (times
 * that fit together, choice fields with options), turned into `activity.create`'s input.
 */
import type { ActionInput, MeView } from '@shared/contract'
import type { ActivityType, FieldType } from '@shared/domain/activity'
import { inShanghai, SHANGHAI_OFFSET } from '../../../constants/activities'

export type CreateInput = ActionInput<'activity.create'>
type Scope = CreateInput['scope']

export interface ScopeOption {
  /** `union`, `department:<id>` or `group:<id>`. */
  readonly key: string
  readonly scope: Scope
  readonly name: string
}

/** Where the caller may post: 全会 for admins, then each department and group they lead. */
export function scopeOptions(me: MeView): ScopeOption[] {
  const options: ScopeOption[] = []
  if (me.roles.includes('admin')) options.push({ key: 'union', scope: { kind: 'union' }, name: '全会活动' })
  for (const g of me.grants) {
    const s = g.scope
    if (g.role !== 'leader' || !s || (s.kind !== 'department' && s.kind !== 'group')) continue
    const key = `${s.kind}:${s.id}`
    if (options.some((o) => o.key === key)) continue
    options.push({ key, scope: { kind: s.kind, id: s.id }, name: s.kind === 'department' ? `${s.name}工会小组` : `${s.name}兴趣小组` })
  }
  return options
}

export type AudienceChoice = 'all' | 'women' | 'departments' | 'group'
export const AUDIENCE_LABELS: Readonly<Record<AudienceChoice, string>> = { all: '全体会员', women: '仅女职工', departments: '指定部门', group: '仅本组成员' }

export interface FieldDraft {
  readonly key: string
  readonly label: string
  readonly type: FieldType
  readonly required: boolean
  /** For single and multi choice; blank rows are dropped when sending. */
  readonly options: readonly string[]
}

export const FIELD_TYPE_LABELS: Readonly<Record<FieldType, string>> = { single: '单选', multi: '多选', text: '文字', number: '数字' }
export const MAX_FIELDS = 10

/** A moment as the pickers hold it: date YYYY-MM-DD and time HH:mm, in Shanghai. */
export interface When {
  readonly date: string
  readonly time: string
}
export const TIME_KEYS = ['start', 'end', 'opens', 'closes', 'cancel'] as const
export type TimeKey = (typeof TIME_KEYS)[number]
export const TIME_LABELS: Readonly<Record<TimeKey, string>> = { start: '开始时间', end: '结束时间', opens: '报名开始', closes: '报名截止', cancel: '取消截止' }

export interface CreateForm {
  readonly scopeKey: string
  readonly title: string
  readonly type: ActivityType | ''
  readonly place: string
  readonly description: string
  readonly times: Readonly<Record<TimeKey, When>>
  /** Times the organizer set by hand; the others follow the start time. */
  readonly touched: readonly TimeKey[]
  readonly unlimited: boolean
  readonly capacity: string
  readonly waitlist: boolean
  readonly audience: AudienceChoice
  readonly departmentIds: readonly string[]
  readonly fields: readonly FieldDraft[]
}

export type CreateFormErrors = Partial<Record<'scope' | 'title' | 'type' | 'place' | 'description' | TimeKey | 'capacity' | 'audience' | 'fields', string>> & {
  /** Per extra field, by its key. */
  readonly field?: Readonly<Record<string, string>>
}

const when = (d: ReturnType<typeof inShanghai>): When => ({ date: d.format('YYYY-MM-DD'), time: d.format('HH:mm') })
const at = (w: When) => inShanghai(`${w.date}T${w.time}:00${SHANGHAI_OFFSET}`)

/** The instant a picked date and time mean, as the contract wants it: 2026-11-28T08:30:00+08:00. */
export const isoOf = (w: When): string => `${w.date}T${w.time}:00${SHANGHAI_OFFSET}`

/**
 * Times that follow the start: ends three hours later, sign-up closes (and cancelling ends) at
 * 18:00 the day before — or, for an event starting within a day, when it starts.
 */
export function followStart(start: When, now: Date): Record<Exclude<TimeKey, 'start' | 'opens'>, When> {
  const s = at(start)
  const dayBefore = s.subtract(1, 'day').hour(18).minute(0)
  const closes = dayBefore.valueOf() > now.getTime() ? dayBefore : s
  return { end: when(s.add(3, 'hour')), closes: when(closes), cancel: when(closes) }
}

/** A week from today at 09:00, sign-up open from now; the organizer's first scope; no extra fields. */
export function defaultForm(scopes: readonly ScopeOption[], now: Date = new Date()): CreateForm {
  const start = when(inShanghai(now).add(7, 'day').hour(9).minute(0))
  return {
    scopeKey: scopes[0]?.key ?? '',
    title: '',
    type: '',
    place: '',
    description: '',
    times: { start, opens: when(inShanghai(now)), ...followStart(start, now) },
    touched: [],
    unlimited: false,
    capacity: '',
    waitlist: true,
    audience: 'all',
    departmentIds: [],
    fields: [],
  }
}

/** Sets one time; moving the start moves the times not set by hand along with it. */
export function setTime(form: CreateForm, key: TimeKey, value: When, now: Date = new Date()): CreateForm {
  const times = { ...form.times, [key]: value }
  const touched = form.touched.includes(key) || key === 'start' ? form.touched : [...form.touched, key]
  if (key === 'start') {
    const follow = followStart(value, now)
    for (const k of ['end', 'closes', 'cancel'] as const) if (!touched.includes(k)) times[k] = follow[k]
  }
  return { ...form, times, touched }
}

/** A new extra field with a key not used yet (f1, f2, …). */
export function newField(fields: readonly FieldDraft[], type: FieldType): FieldDraft {
  const used = new Set(fields.map((f) => f.key))
  let n = fields.length + 1
  while (used.has(`f${n}`)) n++
  return { key: `f${n}`, label: '', type, required: true, options: type === 'single' || type === 'multi' ? ['', ''] : [] }
}

const CAPACITY = /^\d+$/

/** The input for `activity.create`, or what to fix (in the server's words where it has them). */
export function createInputOf(form: CreateForm, scopes: readonly ScopeOption[], now: Date = new Date()): { input: CreateInput } | { errors: CreateFormErrors } {
  const errors: Record<string, string> = {}
  const fieldErrors: Record<string, string> = {}
  const scope = scopes.find((s) => s.key === form.scopeKey)
  if (!scope) errors.scope = '请选择以谁的名义发布'
  const title = form.title.trim()
  if (!title) errors.title = '请填写活动名称'
  else if ([...title].length > 40) errors.title = '活动名称请不超过 40 个字'
  if (!form.type) errors.type = '请选择活动类型'
  const place = form.place.trim()
  if (!place) errors.place = '请填写地点'
  else if ([...place].length > 60) errors.place = '地点请不超过 60 个字'
  if ([...form.description.trim()].length > 2000) errors.description = '活动介绍请不超过 2000 个字'

  const t = Object.fromEntries(TIME_KEYS.map((k) => [k, at(form.times[k]).valueOf()])) as Record<TimeKey, number>
  if (t.start <= now.getTime()) errors.start = '开始时间已经过了，请重新选择'
  if (t.end <= t.start) errors.end = '结束时间要晚于开始时间'
  if (t.closes <= t.opens) errors.closes = '报名截止时间要晚于报名开始时间'
  else if (t.closes > t.start) errors.closes = '报名截止时间不能晚于活动开始时间'
  if (t.cancel > t.start) errors.cancel = '取消截止时间不能晚于活动开始时间'

  let capacity: number | null = null
  if (!form.unlimited) {
    const text = form.capacity.trim()
    const n = Number(text)
    if (!text) errors.capacity = '请填写名额，或选择「不限名额」'
    else if (!CAPACITY.test(text) || n < 1 || n > 10000) errors.capacity = '名额请填写 1 到 10000 之间的整数'
    else capacity = n
  }

  let audience: CreateInput['audience'] = { kind: 'all' }
  if (form.audience === 'women') audience = { kind: 'rule', genders: ['女'], departmentIds: [], statuses: [] }
  else if (form.audience === 'departments') {
    if (!form.departmentIds.length) errors.audience = '请至少选择一个部门'
    audience = { kind: 'departments', departmentIds: [...form.departmentIds] }
  } else if (form.audience === 'group') {
    if (scope?.scope.kind !== 'group') errors.audience = '只有兴趣小组的活动可以只面向本组成员'
    else audience = { kind: 'group', groupId: scope.scope.id }
  }

  const fields: CreateInput['fields'] = []
  const labels = new Set<string>()
  if (form.fields.length > MAX_FIELDS) errors.fields = `报名项最多 ${MAX_FIELDS} 个`
  for (const f of form.fields) {
    const label = f.label.trim()
    const choice = f.type === 'single' || f.type === 'multi'
    const options = choice ? f.options.map((o) => o.trim()).filter(Boolean) : []
    if (!label) fieldErrors[f.key] = '请填写报名项的名称'
    else if ([...label].length > 20) fieldErrors[f.key] = '报名项名称请不超过 20 个字'
    else if (labels.has(label)) fieldErrors[f.key] = `已经有「${label}」这一项了`
    else if (choice && options.length < 2) fieldErrors[f.key] = `「${label}」需要至少两个选项`
    else if (choice && new Set(options).size !== options.length) fieldErrors[f.key] = `「${label}」的选项有重复`
    else if (options.some((o) => [...o].length > 20)) fieldErrors[f.key] = '每个选项请不超过 20 个字'
    labels.add(label)
    fields.push({ key: f.key, label, type: f.type, required: f.required, ...(choice ? { options } : {}) })
  }

  if (Object.keys(errors).length || Object.keys(fieldErrors).length) return { errors: { ...errors, ...(Object.keys(fieldErrors).length ? { field: fieldErrors } : {}) } }
  return {
    input: {
      scope: scope!.scope,
      title,
      type: form.type as ActivityType,
      description: form.description.trim(),
      place,
      startAt: isoOf(form.times.start),
      endAt: isoOf(form.times.end),
      signUpOpensAt: isoOf(form.times.opens),
      signUpClosesAt: isoOf(form.times.closes),
      cancelDeadline: isoOf(form.times.cancel),
      capacity,
      waitlist: capacity === null ? false : form.waitlist,
      audience,
      fields,
    },
  }
}

/** Where the server's refusal belongs on the form (details.field), else nowhere in particular. */
export function errorKeyOf(field: unknown): keyof CreateFormErrors | undefined {
  const map: Record<string, keyof CreateFormErrors> = {
    title: 'title',
    type: 'type',
    place: 'place',
    description: 'description',
    startAt: 'start',
    endAt: 'end',
    signUpOpensAt: 'opens',
    signUpClosesAt: 'closes',
    cancelDeadline: 'cancel',
    capacity: 'capacity',
    audience: 'audience',
    fields: 'fields',
    scope: 'scope',
  }
  return typeof field === 'string' ? map[field.split('.')[0]] : undefined
}
