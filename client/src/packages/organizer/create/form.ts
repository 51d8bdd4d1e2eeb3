/**
 * The 发布活动 / 修改活动 form: its state, sensible defaults (or the event as it stands), and the
 * checks the server makes — the event's schema (names, places, choice fields with their options,
 * contest teams) and the shared `scheduleProblem` (times that fit together, a lottery's draw time)
 * — turned into `activity.create`'s or `activity.update`'s input.
 */
import type { ActionInput, ActivityDetail, MeView } from '@shared/contract'
import { activityActions, CAPACITY, CONTEST_MAX_TEAMS, CONTEST_MIN_TEAMS, EVENT_FORM_HINTS, EventSchema, MAX_FIELDS } from '@shared/contract/activity.contract'
import { typedWhole, wholeKind } from '@shared/contract/fields'
import { parseInput } from '@shared/contract/validate'
import type { ActivityType, Audience, FieldType } from '@shared/domain/activity'
import { scheduleProblem, type Allocation } from '@shared/domain/activity-schedule'
import { inShanghai, SHANGHAI_OFFSET } from '../../../constants/activities'

export { CONTEST_MAX_TEAMS, CONTEST_MIN_TEAMS, MAX_FIELDS }

/** What the form makes of itself; the page sends it with the form's key (see index.tsx). */
export type CreateInput = Omit<ActionInput<'activity.create'>, 'key'>
export type UpdateInput = ActionInput<'activity.update'>
/** What creating and editing both send: everything but the scope (create) or the id (update). */
export type EventInput = Omit<CreateInput, 'scope'>
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
    // Nobody posts for a department or group that no longer exists.
    if (g.role !== 'leader' || !s || s.gone || (s.kind !== 'department' && s.kind !== 'group')) continue
    const key = `${s.kind}:${s.id}`
    if (options.some((o) => o.key === key)) continue
    options.push({ key, scope: { kind: s.kind, id: s.id }, name: s.kind === 'department' ? `${s.name}工会小组` : `${s.name}兴趣小组` })
  }
  return options
}

/** `kept`: an audience this form cannot build (set up elsewhere), kept as it is when editing. */
export type AudienceChoice = 'all' | 'women' | 'departments' | 'group' | 'kept'
export const AUDIENCE_LABELS: Readonly<Record<AudienceChoice, string>> = {
  all: '全体会员',
  women: '仅女职工',
  departments: '指定部门',
  group: '仅本组成员',
  kept: '保持原设置',
}

export const ALLOCATION_LABELS: Readonly<Record<Allocation, string>> = { fcfs: '先到先得', lottery: '抽签' }

export type ContestKind = 'department' | 'group'
export const CONTEST_KIND_LABELS: Readonly<Record<ContestKind, string>> = { department: '部门之间', group: '兴趣小组之间' }

export interface FieldDraft {
  readonly key: string
  readonly label: string
  readonly type: FieldType
  readonly required: boolean
  /** For single and multi choice; blank rows are dropped when sending. */
  readonly options: readonly string[]
}

export const FIELD_TYPE_LABELS: Readonly<Record<FieldType, string>> = { single: '单选', multi: '多选', text: '文字', number: '数字' }

/** A moment as the pickers hold it: date YYYY-MM-DD and time HH:mm, in Shanghai. */
export interface When {
  readonly date: string
  readonly time: string
}
/** The times every event has, in the order the form shows them; a lottery adds `draw`. */
export const TIME_KEYS = ['start', 'end', 'opens', 'closes', 'cancel'] as const
export type TimeKey = (typeof TIME_KEYS)[number] | 'draw'
export const TIME_LABELS: Readonly<Record<TimeKey, string>> = {
  start: '开始时间',
  end: '结束时间',
  opens: '报名开始',
  closes: '报名截止',
  cancel: '取消截止',
  draw: '抽签时间',
}

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
  readonly allocation: Allocation
  readonly audience: AudienceChoice
  readonly departmentIds: readonly string[]
  /** The group a 仅本组成员 event is for when editing (creating takes it from the scope). */
  readonly groupId: string | null
  /** The audience as stored, when it is none of the choices above (editing only). */
  readonly keptAudience: Audience | null
  readonly fields: readonly FieldDraft[]
  /** Storage fileID of the cover picture, and what to show for it (a local path or a short-lived link). */
  readonly cover: string | null
  readonly coverPreview: string | null
  readonly contestOn: boolean
  readonly contestKind: ContestKind
  readonly contestTeamIds: readonly string[]
}

export type CreateFormErrors = Partial<
  Record<'scope' | 'title' | 'type' | 'place' | 'description' | TimeKey | 'capacity' | 'allocation' | 'audience' | 'fields' | 'cover' | 'contest', string>
> & {
  /** Per extra field, by its key. */
  readonly field?: Readonly<Record<string, string>>
}

const when = (d: ReturnType<typeof inShanghai>): When => ({ date: d.format('YYYY-MM-DD'), time: d.format('HH:mm') })
const at = (w: When) => inShanghai(`${w.date}T${w.time}:00${SHANGHAI_OFFSET}`)

/** The instant a picked date and time mean, as the contract wants it: 2026-11-28T08:30:00+08:00. */
export const isoOf = (w: When): string => `${w.date}T${w.time}:00${SHANGHAI_OFFSET}`

/**
 * Times that follow the start: ends three hours later, sign-up closes (and cancelling ends) at
 * 18:00 the day before — or, for an event starting within a day, when it starts. A lottery is
 * drawn two hours after sign-up closes (or at the start, if that is sooner).
 */
export function followStart(start: When, now: Date): Record<Exclude<TimeKey, 'start' | 'opens'>, When> {
  const s = at(start)
  const dayBefore = s.subtract(1, 'day').hour(18).minute(0)
  const closes = dayBefore.valueOf() > now.getTime() ? dayBefore : s
  return { end: when(s.add(3, 'hour')), closes: when(closes), cancel: when(closes), draw: followCloses(when(closes), start) }
}

function followCloses(closes: When, start: When): When {
  const later = at(closes).add(2, 'hour')
  return when(later.valueOf() <= at(start).valueOf() ? later : at(start))
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
    allocation: 'fcfs',
    audience: 'all',
    departmentIds: [],
    groupId: null,
    keptAudience: null,
    fields: [],
    cover: null,
    coverPreview: null,
    contestOn: false,
    contestKind: 'department',
    contestTeamIds: [],
  }
}

/** How a stored audience shows on the form: one of the choices, or kept as it is. */
function audienceChoiceOf(audience: Audience): Pick<CreateForm, 'audience' | 'departmentIds' | 'groupId' | 'keptAudience'> {
  const none = { departmentIds: [], groupId: null, keptAudience: null }
  if (audience.kind === 'all') return { ...none, audience: 'all' }
  if (audience.kind === 'departments') return { ...none, audience: 'departments', departmentIds: [...audience.departmentIds] }
  if (audience.kind === 'group') return { ...none, audience: 'group', groupId: audience.groupId }
  if (audience.genders.length === 1 && audience.genders[0] === '女' && !audience.departmentIds.length && !audience.statuses.length)
    return { ...none, audience: 'women' }
  return { ...none, audience: 'kept', keptAudience: audience }
}

/**
 * 修改活动: the form as the event stands. Every time counts as set by hand (moving the start does
 * not move the others). `groupId`: the group the event was posted for (its scope), or the one its
 * audience already names — it lets an edit make the event 仅本组成员.
 */
export function formFromDetail(a: ActivityDetail): CreateForm {
  const w = (iso: string) => when(inShanghai(iso))
  const closes = w(a.signUpClosesAt)
  const start = w(a.startAt)
  const audience = audienceChoiceOf(a.audience)
  const groupId = audience.groupId ?? (a.scope.kind === 'group' ? a.scope.id : null)
  return {
    scopeKey: '',
    title: a.title,
    type: a.type,
    place: a.place,
    description: a.description,
    times: {
      start,
      end: w(a.endAt),
      opens: w(a.signUpOpensAt),
      closes,
      cancel: w(a.cancelDeadline),
      draw: a.drawAt ? w(a.drawAt) : followCloses(closes, start),
    },
    touched: [...TIME_KEYS, 'draw'],
    unlimited: a.capacity === null,
    capacity: a.capacity === null ? '' : String(a.capacity),
    waitlist: a.waitlist,
    allocation: a.allocation,
    ...audience,
    groupId,
    fields: a.fields.map((f) => ({ key: f.key, label: f.label, type: f.type, required: f.required, options: [...(f.options ?? [])] })),
    cover: a.cover,
    coverPreview: a.coverUrl,
    contestOn: a.contest !== null,
    contestKind: a.contest?.kind ?? 'department',
    contestTeamIds: a.contest ? a.contest.teams.map((t) => t.id) : [],
  }
}

/** Sets one time; moving the start moves the times not set by hand along with it, and the draw follows sign-up closing. */
export function setTime(form: CreateForm, key: TimeKey, value: When, now: Date = new Date()): CreateForm {
  const times = { ...form.times, [key]: value }
  const touched = form.touched.includes(key) || key === 'start' ? form.touched : [...form.touched, key]
  if (key === 'start') {
    const follow = followStart(value, now)
    for (const k of ['end', 'closes', 'cancel'] as const) if (!touched.includes(k)) times[k] = follow[k]
  }
  if ((key === 'start' || key === 'closes') && !touched.includes('draw')) times.draw = followCloses(times.closes, times.start)
  return { ...form, times, touched }
}

/** A new extra field with a key not used yet (f1, f2, …). */
export function newField(fields: readonly FieldDraft[], type: FieldType): FieldDraft {
  const used = new Set(fields.map((f) => f.key))
  let n = fields.length + 1
  while (used.has(`f${n}`)) n++
  return { key: `f${n}`, label: '', type, required: true, options: type === 'single' || type === 'multi' ? ['', ''] : [] }
}

/** The capacity typed: null for 不限名额 or nothing typed, NaN for what is not a whole number (the schema words both). */
const typedCapacity = (form: CreateForm): number | null => (form.unlimited || !form.capacity.trim() ? null : typedWhole(form.capacity))

/** The capacity typed, if it is a valid one; null for 不限名额 or nothing usable. */
function capacityOf(form: CreateForm): number | null {
  const n = typedCapacity(form)
  return n !== null && wholeKind(CAPACITY, n) === null ? n : null
}

/**
 * What is wrong with the times (and a lottery's needs) as they stand, by the same rule the server
 * applies (`scheduleProblem`), placed on the form field it concerns; null when they fit together.
 */
export function scheduleProblemOf(form: CreateForm): { key: keyof CreateFormErrors; message: string } | null {
  const date = (k: TimeKey) => new Date(isoOf(form.times[k]))
  const problem = scheduleProblem({
    startAt: date('start'),
    endAt: date('end'),
    signUpOpensAt: date('opens'),
    signUpClosesAt: date('closes'),
    cancelDeadline: date('cancel'),
    allocation: form.allocation,
    drawAt: form.allocation === 'lottery' ? date('draw') : null,
    capacity: capacityOf(form),
  })
  const key = problem && errorKeyOf(problem.field)
  return problem && key ? { key, message: problem.message } : null
}

const copyAudience = (a: Audience): EventInput['audience'] => {
  switch (a.kind) {
    case 'rule':
      return { kind: 'rule', genders: [...a.genders], departmentIds: [...a.departmentIds], statuses: [...a.statuses] }
    case 'departments':
      return { kind: 'departments', departmentIds: [...a.departmentIds] }
    case 'group':
      return { kind: 'group', groupId: a.groupId }
    default:
      return { kind: 'all' }
  }
}

export interface EventInputOptions {
  /** Editing: the stored start, which may already have passed (an event under way can still be edited). */
  readonly originalStart?: string
  /** 仅本组成员: the group it is for. */
  readonly groupId?: string | null
}

/** The fields creating and editing share, or what to fix (in the server's words). */
export function eventInputOf(form: CreateForm, now: Date = new Date(), opts: EventInputOptions = {}): { input: EventInput } | { errors: CreateFormErrors } {
  // What only the form can tell: a start already past, the 不限名额 switch, the audience's group.
  const errors: Record<string, string> = {}
  const fieldErrors: Record<string, string> = {}
  const start = isoOf(form.times.start)
  const startMoved = !opts.originalStart || new Date(opts.originalStart).getTime() !== new Date(start).getTime()
  if (startMoved && new Date(start).getTime() <= now.getTime()) errors.start = '开始时间已经过了，请重新选择'
  // A lottery without places is the schedule rule's to word (抽签活动需要设定名额).
  if (!form.unlimited && !form.capacity.trim() && form.allocation !== 'lottery') errors.capacity = '请填写名额，或选择「不限名额」'

  let audience: EventInput['audience'] = { kind: 'all' }
  if (form.audience === 'women') audience = { kind: 'rule', genders: ['女'], departmentIds: [], statuses: [] }
  else if (form.audience === 'departments') audience = { kind: 'departments', departmentIds: [...form.departmentIds] }
  else if (form.audience === 'group') {
    if (!opts.groupId) errors.audience = '只有兴趣小组的活动可以只面向本组成员'
    else audience = { kind: 'group', groupId: opts.groupId }
  } else if (form.audience === 'kept') {
    if (form.keptAudience) audience = copyAudience(form.keptAudience)
    else errors.audience = '请选择参加对象'
  }

  const fields: EventInput['fields'] = form.fields.map((f) => {
    const choice = f.type === 'single' || f.type === 'multi'
    const options = choice ? f.options.map((o) => o.trim()).filter(Boolean) : []
    return { key: f.key, label: f.label.trim(), type: f.type, required: f.required, ...(choice ? { options } : {}) }
  })

  const capacity = typedCapacity(form)
  const lottery = form.allocation === 'lottery'
  const input = {
    title: form.title.trim(),
    type: form.type as ActivityType,
    description: form.description.trim(),
    place: form.place.trim(),
    startAt: start,
    endAt: isoOf(form.times.end),
    signUpOpensAt: isoOf(form.times.opens),
    signUpClosesAt: isoOf(form.times.closes),
    cancelDeadline: isoOf(form.times.cancel),
    capacity,
    // A lottery's losers always wait in draw order; without a capacity there is nothing to wait for.
    waitlist: capacity === null ? false : lottery || form.waitlist,
    allocation: form.allocation,
    drawAt: lottery ? isoOf(form.times.draw) : null,
    audience,
    fields,
    cover: form.cover,
    contest: form.contestOn ? { kind: form.contestKind, teamIds: [...new Set(form.contestTeamIds)] } : null,
  }

  // An unpicked type is missing, not a wrong choice.
  const parsed = parseInput(EventSchema, { ...input, type: form.type || undefined }, activityActions['activity.create'].labels, EVENT_FORM_HINTS)
  for (const p of parsed.ok ? [] : parsed.problems) {
    // A question's problem (fields.<i>.…) shows under that question; the rest under their field.
    const [head, index] = p.field.split('.')
    const question = head === 'fields' && index !== undefined ? form.fields[Number(index)] : undefined
    if (question) fieldErrors[question.key] ??= p.message
    else {
      const key = errorKeyOf(p.field)
      if (key && key !== 'field') errors[key] ??= p.message
    }
  }
  const problem = scheduleProblemOf(form)
  if (problem) errors[problem.key] ??= problem.message

  if (Object.keys(errors).length || Object.keys(fieldErrors).length)
    return { errors: { ...errors, ...(Object.keys(fieldErrors).length ? { field: fieldErrors } : {}) } }
  return { input }
}

/** The input for `activity.create`, or what to fix. */
export function createInputOf(form: CreateForm, scopes: readonly ScopeOption[], now: Date = new Date()): { input: CreateInput } | { errors: CreateFormErrors } {
  const scope = scopes.find((s) => s.key === form.scopeKey)
  const res = eventInputOf(form, now, { groupId: scope?.scope.kind === 'group' ? scope.scope.id : null })
  if (!scope) return { errors: { scope: '请选择以谁的名义发布', ...('errors' in res ? res.errors : {}) } }
  return 'errors' in res ? res : { input: { scope: scope.scope, ...res.input } }
}

/** The input for `activity.update` of the event being edited, or what to fix. */
export function updateInputOf(
  form: CreateForm,
  original: Pick<ActivityDetail, 'id' | 'startAt'>,
  now: Date = new Date(),
): { input: UpdateInput } | { errors: CreateFormErrors } {
  const res = eventInputOf(form, now, { originalStart: original.startAt, groupId: form.groupId })
  return 'errors' in res ? res : { input: { id: original.id, ...res.input } }
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
    drawAt: 'draw',
    capacity: 'capacity',
    waitlist: 'capacity',
    allocation: 'allocation',
    audience: 'audience',
    fields: 'fields',
    cover: 'cover',
    contest: 'contest',
    scope: 'scope',
  }
  return typeof field === 'string' ? map[field.split('.')[0]] : undefined
}

/** The edit form's limits, from the event as it stands (the server checks them again). */
export interface EditLocks {
  /** Someone holds a place or is in the lottery: the questions they answered and the way places are given stay. */
  readonly signedUp: boolean
  /** Drawn: the draw time, the way places are given and the number of places stay. */
  readonly drawn: boolean
}

export const editLocksOf = (a: Pick<ActivityDetail, 'confirmedCount' | 'enteredCount' | 'drawnAt'>): EditLocks => ({
  signedUp: a.confirmedCount > 0 || (a.enteredCount ?? 0) > 0 || a.drawnAt !== null,
  drawn: a.drawnAt !== null,
})
