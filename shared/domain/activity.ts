/**
 * Activity rules as pure functions of plain data and `now`: when sign-up is open, who the event is
 * for, whether extra answers are valid, until when one may cancel.
 */
import type { MemberStatus } from './roster'
import { textLength } from './text'
import { dateTimeText } from './time'

export const ACTIVITY_TYPES = ['球类比赛', '健步走', '登山', '讲座', '观演', '展览', '联欢', '考察', '其他'] as const
export type ActivityType = (typeof ACTIVITY_TYPES)[number]

/** Export columns besides the event's own extra fields (here, not in the contract, so the client can read them without zod). */
export const ATTENDEE_COLUMNS = { name: '姓名', department: '部门', status: '状态', signedAt: '报名时间', checkedInAt: '签到时间' } as const

export type Audience =
  | { readonly kind: 'all' }
  | { readonly kind: 'departments'; readonly departmentIds: readonly string[] }
  | { readonly kind: 'group'; readonly groupId: string }
  /** A rule over gender, department and status (三八 events: women only). Empty lists mean "any". */
  | { readonly kind: 'rule'; readonly genders: readonly ('男' | '女')[]; readonly departmentIds: readonly string[]; readonly statuses: readonly MemberStatus[] }

export interface AudienceMember {
  readonly gender: '男' | '女' | ''
  readonly departmentId: string
  readonly status: MemberStatus
  /** Interest groups the member is active in. */
  readonly groupIds: readonly string[]
}

/** null when the member may take part, else the reason in Chinese. */
export function audienceRefusal(audience: Audience, m: AudienceMember): string | null {
  if (m.status === '离会') return '您已不是本工会会员'
  switch (audience.kind) {
    case 'all':
      return null
    case 'departments':
      return audience.departmentIds.includes(m.departmentId) ? null : '本活动只面向指定部门的会员'
    case 'group':
      return m.groupIds.includes(audience.groupId) ? null : '本活动只面向该兴趣小组的成员，请先加入小组'
    case 'rule':
      if (audience.genders.length && !audience.genders.includes(m.gender as '男' | '女'))
        return audience.genders.length === 1 && audience.genders[0] === '女' ? '本活动只面向女职工' : '本活动只面向男职工'
      if (audience.departmentIds.length && !audience.departmentIds.includes(m.departmentId)) return '本活动只面向指定部门的会员'
      if (audience.statuses.length && !audience.statuses.includes(m.status)) return `本活动只面向${audience.statuses.join('、')}会员`
      return null
  }
}

export interface Window {
  readonly signUpOpensAt: Date
  readonly signUpClosesAt: Date
}

/** null while sign-up is open, else why not (with the time, in Shanghai). */
export function signUpClosedReason(w: Window, now: Date): string | null {
  if (now < w.signUpOpensAt) return `报名将于 ${dateTimeText(w.signUpOpensAt, now)} 开始`
  if (now >= w.signUpClosesAt) return `报名已于 ${dateTimeText(w.signUpClosesAt, now)} 截止`
  return null
}

export function cancelRefusal(cancelDeadline: Date, now: Date): string | null {
  return now >= cancelDeadline ? `取消报名的截止时间是 ${dateTimeText(cancelDeadline, now)}，已不能取消，请联系组织者` : null
}

export type FieldType = 'single' | 'multi' | 'text' | 'number'

export interface SignUpField {
  readonly key: string
  readonly label: string
  readonly type: FieldType
  readonly required: boolean
  /** For single and multi choice. */
  readonly options?: readonly string[]
}

/** A text answer's length, here and in the contract's answer schema. */
export const MAX_ANSWER_LENGTH = 200

export type Answer = string | number | readonly string[]
export type Answers = Readonly<Record<string, Answer>>

export interface AnswerProblem {
  readonly field: string
  readonly message: string
}

/** Checks answers against the event's extra fields; unknown keys are refused, not kept. */
export function answerProblems(fields: readonly SignUpField[], answers: Answers): AnswerProblem[] {
  const problems: AnswerProblem[] = []
  const known = new Set(fields.map((f) => f.key))
  for (const key of Object.keys(answers)) if (!known.has(key)) problems.push({ field: key, message: '包含无法识别的报名项' })
  for (const f of fields) {
    const v = answers[f.key]
    const empty = v === undefined || v === '' || (Array.isArray(v) && v.length === 0)
    if (empty) {
      if (f.required) problems.push({ field: f.key, message: `请填写「${f.label}」` })
      continue
    }
    const bad = (message: string) => problems.push({ field: f.key, message })
    switch (f.type) {
      case 'single':
        if (typeof v !== 'string' || !f.options?.includes(v)) bad(`「${f.label}」请从选项中选择`)
        break
      case 'multi':
        if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !f.options?.includes(x)) || new Set(v).size !== v.length)
          bad(`「${f.label}」请从选项中选择`)
        break
      case 'text':
        if (typeof v !== 'string' || textLength(v) > MAX_ANSWER_LENGTH) bad(`「${f.label}」请填写不超过 ${MAX_ANSWER_LENGTH} 个字`)
        break
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > 1e9) bad(`「${f.label}」请填写数字`)
        break
    }
  }
  return problems
}
