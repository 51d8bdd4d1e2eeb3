import * as z from 'zod/mini'
import { defineAction } from './define'
import { formKey, isReservedKey, safeRecord, whole } from './schemas'
import type { Page } from './member.contract'
import type { WholeRule } from './fields'
import type { Hints } from './wording'
import { ACTIVITY_TYPES, MAX_ANSWER_LENGTH, type ActivityType, type Answers, type Audience, type SignUpField } from '../domain/activity'
import { MEMBER_STATUSES } from '../domain/roster'

const ANY_MEMBER = { kind: 'member' } as const
const id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_:-]+$/))
const page = z._default(z.number().check(z.int(), z.minimum(1), z.maximum(10000)), 1)
const pageSize = z._default(z.number().check(z.int(), z.minimum(1), z.maximum(100)), 20)
/** Instants travel as ISO strings with an offset, e.g. 2026-11-28T08:30:00+08:00. */
const instant = z.iso.datetime({ offset: true })
/** A sign-up question's key, also a key of the answers map: never one of Object's own names. */
const key = z.string().check(
  z.regex(/^[a-z][a-z0-9_]{0,19}$/),
  z.refine((k) => !isReservedKey(k), { params: { wording: '不能用这个名字，请换一个' } }),
)
const ids = z.array(id).check(z.maxLength(50))

const AudienceSchema = z.union([
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('departments'), departmentIds: ids.check(z.minLength(1, { error: '请至少选择一个部门' })) }),
  z.strictObject({ kind: z.literal('group'), groupId: id }),
  z.strictObject({ kind: z.literal('rule'), genders: z.array(z.enum(['男', '女'])), departmentIds: ids, statuses: z.array(z.enum(MEMBER_STATUSES)) }),
])

export const MAX_FIELDS = 10
/** A sign-up question's name, and each option of a choice. */
export const FIELD_TEXT_MAX = { label: 20, option: 20 } as const
const MAX_FIELD_OPTIONS = 20

/** A sign-up question; a choice offers two options or more, each once. */
const FieldSchema = z
  .strictObject({
    key,
    label: z.string().check(z.trim(), z.minLength(1, { error: '请填写报名项的名称' }), z.maxLength(FIELD_TEXT_MAX.label)),
    type: z.enum(['single', 'multi', 'text', 'number']),
    required: z.boolean(),
    options: z.optional(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(FIELD_TEXT_MAX.option))).check(z.maxLength(MAX_FIELD_OPTIONS))),
  })
  .check(
    z.superRefine((f, ctx) => {
      const options = f.options ?? []
      const problem = (message: string) => ctx.issues.push({ code: 'custom', input: f.options, path: ['options'], message })
      if (f.type !== 'single' && f.type !== 'multi') {
        if (options.length) problem(`「${f.label}」不需要选项`)
      } else if (options.length < 2) problem(`「${f.label}」需要至少两个选项`)
      else if (new Set(options).size !== options.length) problem(`「${f.label}」的选项有重复`)
    }),
  )

/** The questions, each asked once. */
const fields = z.array(FieldSchema).check(
  z.maxLength(MAX_FIELDS, { error: `报名项最多 ${MAX_FIELDS} 个` }),
  z.superRefine((list, ctx) => {
    const seen = new Set<string>()
    list.forEach((f, i) => {
      if (seen.has(f.label)) ctx.issues.push({ code: 'custom', input: f.label, path: [i, 'label'], message: `已经有「${f.label}」这一项了` })
      seen.add(f.label)
    })
  }),
)

const AnswerSchema = z.union([z.string().check(z.maxLength(MAX_ANSWER_LENGTH)), z.number(), z.array(z.string().check(z.maxLength(20))).check(z.maxLength(20))])

/** `entered`: in a lottery that has not been drawn yet. */
export type SignUpStatus = 'confirmed' | 'waiting' | 'entered' | 'cancelled'

export const CONTEST_MIN_TEAMS = 2
export const CONTEST_MAX_TEAMS = 10
/** 结对竞赛: departments or interest groups compete on turnout; each team's count is shown. */
const ContestSchema = z.strictObject({ kind: z.enum(['department', 'group']), teamIds: ids }).check(
  z.superRefine((c, ctx) => {
    const what = c.kind === 'department' ? '部门' : '兴趣小组'
    const problem = (message: string) => ctx.issues.push({ code: 'custom', input: c.teamIds, path: ['teamIds'], message })
    if (c.teamIds.length < CONTEST_MIN_TEAMS) problem(`结对竞赛请至少选择 ${CONTEST_MIN_TEAMS} 个${what}`)
    else if (c.teamIds.length > CONTEST_MAX_TEAMS) problem(`结对竞赛最多选择 ${CONTEST_MAX_TEAMS} 个${what}`)
  }),
)
const fileId = z.string().check(z.minLength(1), z.maxLength(300))

/** Places: a whole number, or null for 不限名额. */
const MAX_CAPACITY = 10_000
export const CAPACITY: WholeRule = { min: 1, max: MAX_CAPACITY, words: `名额请填写 1 到 ${MAX_CAPACITY} 之间的整数` }

/** An event's title, introduction and place. */
export const EVENT_TEXT_MAX = { title: 40, description: 2000, place: 60 } as const

/** What an organizer fills in, for posting and for editing. */
const eventShape = {
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(EVENT_TEXT_MAX.title)),
  type: z.enum(ACTIVITY_TYPES),
  description: z._default(z.string().check(z.trim(), z.maxLength(EVENT_TEXT_MAX.description)), ''),
  place: z.string().check(z.trim(), z.minLength(1), z.maxLength(EVENT_TEXT_MAX.place)),
  startAt: instant,
  endAt: instant,
  signUpOpensAt: instant,
  signUpClosesAt: instant,
  cancelDeadline: instant,
  capacity: z.nullable(whole(CAPACITY)),
  waitlist: z._default(z.boolean(), true),
  /** 先到先得 with a waitlist, or 抽签 at `drawAt`. */
  allocation: z._default(z.enum(['fcfs', 'lottery']), 'fcfs'),
  drawAt: z._default(z.nullable(instant), null),
  audience: z._default(AudienceSchema, { kind: 'all' }),
  fields: z._default(fields, []),
  /** A picture the organizer uploaded (storage fileID). */
  cover: z._default(z.nullable(fileId), null),
  contest: z._default(z.nullable(ContestSchema), null),
}

/** 发布活动 / 修改活动 as the organizer's form checks it (the scope, or the event's id, comes from the page). */
export const EventSchema = z.strictObject(eventShape)
/** The form's type is picked from a list. */
export const EVENT_FORM_HINTS: Hints = { type: { missing: '请选择活动类型' } }

export interface ContestStanding {
  readonly kind: 'department' | 'group'
  readonly teams: readonly { readonly id: string; readonly name: string; readonly signedUp: number; readonly checkedIn: number }[]
}

export interface DrawSummary {
  readonly drawnAt: string
  readonly seed: string
  readonly entrants: number
  readonly places: number
  /** Winners by name and department, as members see rosters. */
  readonly winners: readonly { readonly name: string; readonly department: string }[]
  readonly waitlisted: number
}

export interface ActivityCard {
  readonly id: string
  readonly title: string
  readonly type: ActivityType
  readonly place: string
  readonly startAt: string
  readonly endAt: string
  readonly capacity: number | null
  readonly confirmedCount: number
  readonly organizer: string
  readonly myStatus: SignUpStatus | null
  readonly allocation: 'fcfs' | 'lottery'
  readonly drawAt: string | null
  /** Set once the lottery has been drawn. */
  readonly drawnAt: string | null
  /** A short-lived link to the cover picture. */
  readonly coverUrl: string | null
}

export interface ActivityDetail extends ActivityCard {
  readonly description: string
  readonly signUpOpensAt: string
  readonly signUpClosesAt: string
  readonly cancelDeadline: string
  readonly waitlist: boolean
  readonly audience: Audience
  readonly fields: readonly SignUpField[]
  /** Why the caller cannot sign up now (window, audience), or null. */
  readonly signUpBlockedReason: string | null
  /** The caller's place on the waitlist (1 = next), when waiting. */
  readonly waitingPosition: number | null
  /** The caller's last answers for this event or, if none, their most recent answers elsewhere, to pre-fill the form. */
  readonly prefill: Answers
  readonly canManage: boolean
  /** The stored cover fileID, for the organizer's edit form. */
  readonly cover: string | null
  readonly contest: ContestStanding | null
  readonly groupName: string | null
  /** Whose event it is (the edit form keeps it). */
  readonly scope: { readonly kind: 'union' } | { readonly kind: 'department' | 'group'; readonly id: string }
  readonly status: 'open' | 'cancelled'
  /** Members in the lottery before the draw; null otherwise. */
  readonly enteredCount: number | null
  /** When the caller was checked in; from then on the attendance stands (no 取消报名). */
  readonly checkedInAt: string | null
}

/**
 * What a sign-up or a cancel changes on the detail page, carried in its answer so the page updates
 * from it instead of loading the event again.
 */
export type DetailRefresh = Pick<ActivityDetail, 'myStatus' | 'waitingPosition' | 'confirmedCount' | 'enteredCount' | 'checkedInAt' | 'contest'>

/**
 * The member's 签到码 page: a code only while check-in is open (from a while before the start to
 * the end, see domain/check-in.ts); before that, when it opens; after check-in, that it is done.
 */
export type CheckInCode =
  | {
      readonly state: 'open'
      /** Signed, carries the expiry; shown as a QR code. */
      readonly token: string
      /** Six digits a leader can type when the camera fails; expires with the token. */
      readonly shortCode: string
      readonly expiresAt: string
    }
  | { readonly state: 'not-yet'; readonly opensAt: string }
  | { readonly state: 'closed'; readonly closedAt: string }
  | { readonly state: 'checked-in'; readonly checkedInAt: string }

export interface AttendeeRow {
  readonly memberId: string
  readonly name: string
  readonly department: string
  readonly status: SignUpStatus
  readonly waitingPosition: number | null
  readonly answers: Answers
  readonly checkedInAt: string | null
}

export interface ParticipationReport {
  readonly year: number
  readonly events: number
  readonly departments: readonly {
    readonly department: string
    readonly members: number
    readonly participants: number
    readonly signUps: number
    readonly checkIns: number
    readonly rate: number
  }[]
  /** Members who took part most, then the rest (paged views come later). */
  readonly members: readonly {
    readonly memberId: string
    readonly name: string
    readonly department: string
    readonly signUps: number
    readonly checkIns: number
  }[]
}

export { ATTENDEE_COLUMNS } from '../domain/activity'

const ACTIVITY_LABELS = {
  key: '提交编号',
  id: '活动',
  title: '活动名称',
  type: '活动类型',
  description: '活动介绍',
  'fields.label': '报名项名称',
  'fields.options': '选项',
  place: '地点',
  startAt: '开始时间',
  endAt: '结束时间',
  signUpOpensAt: '报名开始时间',
  signUpClosesAt: '报名截止时间',
  cancelDeadline: '取消截止时间',
  capacity: '名额',
  audience: '参加对象',
  fields: '报名项',
  answers: '报名信息',
  code: '签到码',
  tab: '分类',
  scope: '所属小组',
  columns: '导出列',
  reason: '原因',
  year: '年份',
  remind: '开始前提醒',
  allocation: '名额分配方式',
  drawAt: '抽签时间',
  cover: '封面图片',
  contest: '结对竞赛',
  groupId: '兴趣小组',
}

export const activityActions = {
  /**
   * A leader posts for their own department or interest group; an admin for the whole union. The
   * form's key makes it once: sent again (a lost answer, a crash), it answers the event it posted.
   */
  'activity.create': defineAction<ActivityDetail>()(
    z.strictObject({
      key: formKey,
      scope: z.union([z.strictObject({ kind: z.literal('union') }), z.strictObject({ kind: z.enum(['department', 'group']), id })]),
      ...eventShape,
    }),
    ANY_MEMBER,
    ACTIVITY_LABELS,
  ),
  /** Edits keep the sign-ups; everyone signed up, waiting or entered is told what changed. */
  'activity.update': defineAction<ActivityDetail>()(z.strictObject({ id, ...eventShape }), ANY_MEMBER, ACTIVITY_LABELS),
  'activity.list': defineAction<Page<ActivityCard>>()(
    z.strictObject({
      tab: z._default(z.enum(['upcoming', 'mine', 'past']), 'upcoming'),
      type: z.optional(z.enum(ACTIVITY_TYPES)),
      groupId: z.optional(id),
      page,
      pageSize,
    }),
    ANY_MEMBER,
    ACTIVITY_LABELS,
  ),
  'activity.get': defineAction<ActivityDetail>()(z.strictObject({ id }), ANY_MEMBER, ACTIVITY_LABELS),
  'activity.signUp': defineAction<{
    readonly status: 'confirmed' | 'waiting' | 'entered'
    readonly waitingPosition: number | null
    readonly detail: DetailRefresh
  }>()(z.strictObject({ id, answers: z._default(safeRecord(key, AnswerSchema), {}), remind: z._default(z.boolean(), false) }), ANY_MEMBER, ACTIVITY_LABELS),
  'activity.cancel': defineAction<{ readonly cancelled: boolean; readonly detail: DetailRefresh }>()(z.strictObject({ id }), ANY_MEMBER, ACTIVITY_LABELS),
  /** The member's personal check-in code: signed and valid for a minute, so a forwarded photo soon stops working. */
  'activity.myCode': defineAction<CheckInCode>()(z.strictObject({ id }), ANY_MEMBER, ACTIVITY_LABELS),
  'activity.checkIn': defineAction<{
    readonly name: string
    readonly department: string
    readonly alreadyCheckedIn: boolean
    readonly checkedIn: number
    readonly confirmed: number
  }>()(z.strictObject({ id, code: z.string().check(z.trim(), z.minLength(6), z.maxLength(400)) }), ANY_MEMBER, ACTIVITY_LABELS),
  /** The organizer's spreadsheet with the columns they chose (extra fields by their key). */
  'activity.export': defineAction<{ readonly url: string; readonly fileId: string; readonly count: number }>()(
    z.strictObject({ id, columns: z.array(z.string().check(z.minLength(1), z.maxLength(20))).check(z.minLength(1), z.maxLength(30)) }),
    ANY_MEMBER,
    ACTIVITY_LABELS,
  ),
  /** Calls the event off; everyone signed up or waiting is told. */
  'activity.cancelEvent': defineAction<{ readonly notified: number }>()(
    z.strictObject({ id, reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)) }),
    ANY_MEMBER,
    ACTIVITY_LABELS,
  ),
  /** The organizer draws a lottery whose time has come (the timer does it too); drawing twice gives the same result. */
  'activity.draw': defineAction<DrawSummary>()(z.strictObject({ id }), ANY_MEMBER, ACTIVITY_LABELS),
  /** Published results: who won, and the seed anyone can re-run the draw with. */
  'activity.drawResult': defineAction<DrawSummary>()(z.strictObject({ id }), ANY_MEMBER, ACTIVITY_LABELS),
  /** 群众参与度 for the admin and the audit committee: events attended per department and per member in a calendar year (Asia/Shanghai). */
  'activity.participation': defineAction<ParticipationReport>()(
    z.strictObject({ year: z.number().check(z.int(), z.minimum(2000), z.maximum(2100)) }),
    { kind: 'member', roles: ['admin', 'auditor'] },
    ACTIVITY_LABELS,
  ),
  'activity.attendees': defineAction<
    Page<AttendeeRow> & { readonly checkedIn: number; readonly confirmed: number; readonly waiting: number; readonly entered: number }
  >()(z.strictObject({ id, page, pageSize }), ANY_MEMBER, ACTIVITY_LABELS),
}
