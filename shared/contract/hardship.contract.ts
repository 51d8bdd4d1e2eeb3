import * as z from 'zod/mini'
import { defineAction } from './define'
import { calendarDate, formKey, text, whole } from './schemas'
import { COLLEAGUE_KEYWORD_MAX, NOTE_MAX, REQUEST_FIELDS, REQUEST_LABELS } from './hardship.fields'
import type { TextRule } from './fields'
import type { Hints } from './wording'
import { formatMoney } from '../domain/money'
import type { Page } from './member.contract'
import {
  AID_KINDS,
  FILE_LEVELS,
  FREQUENCY_PERIODS,
  FREQUENCY_PERS,
  MAX_CAP_FEN,
  MAX_CATEGORIES,
  MAX_REQUEST_PHOTOS,
  MAX_TIMES,
  PAYMENT_METHODS,
  QUEUE_TABS,
  type AidCategory,
  type AidKind,
  type ApplicantStep,
  type FileLevel,
  type PaymentMethod,
  type RequestStatus,
  type ReviewerStep,
  type StepKind,
} from '../domain/hardship'

const ANY_MEMBER = { kind: 'member' } as const
const ADMIN = { kind: 'member', roles: ['admin'] } as const
/** Review is its own permission: an admin without it sees no request. */
const REVIEWER = { kind: 'member', roles: ['reviewer'] } as const
/** Who may file for a colleague (第一知情人、第一报告人): group leaders, committee members, reviewers. */
const REPORTERS = { kind: 'member', roles: ['leader', 'admin', 'reviewer'] } as const

const id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_:-]+$/))
const key = formKey
const categoryKey = z.string().check(z.regex(/^[a-z][a-z0-9-]{1,31}$/))
const page = z._default(z.number().check(z.int(), z.minimum(1), z.maximum(10000)), 1)
const pageSize = z._default(z.number().check(z.int(), z.minimum(1), z.maximum(100)), 20)
const date = calendarDate
const fileId = z.string().check(z.minLength(1), z.maxLength(512), z.regex(/^cloud:\/\//))
/** A sum a reviewer approves or a visit brought, in 分 (typed in 元 on the forms). */
const fen = whole({ min: 1, max: MAX_CAP_FEN, words: { below: '金额要大于 0', above: `金额不能超过 ${formatMoney(MAX_CAP_FEN)} 元` } })
const note = z.string().check(z.trim(), z.maxLength(NOTE_MAX))
/** A category's name, and the word its cases are told apart by (事项指…). */
export const CATEGORY_TEXT_MAX = { name: 12, caseLabel: 8 } as const
/** The case an approval is counted under (按「…」核对). */
export const CASE_LABEL_MAX = 30
/** Why a request goes back (退回补充材料) or is refused (不予批准). */
export const DECISION_REASON_MAX = 200
/** 困难档案's reason. */
export const FILE_REASON: TextRule = { min: 1, max: 200, words: { missing: '请写明困难原因' } }
/** 送温暖: who went, and what they brought. */
export const VISIT_TEXT_MAX = { visitors: 60, given: 100 } as const

const requestFields = {
  description: text(REQUEST_FIELDS.description),
  /** Optional: a member may leave the sum to the union's standard. */
  amountFen: z._default(z.nullable(whole(REQUEST_FIELDS.amountFen)), null),
  photoFileIds: z._default(z.array(fileId).check(z.maxLength(MAX_REQUEST_PHOTOS)), []),
  contact: text(REQUEST_FIELDS.contact),
}

/** One category of the standards, as the admin's editor checks each row too. */
export const CategorySchema = z.strictObject({
  key: categoryKey,
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(CATEGORY_TEXT_MAX.name)),
  kind: z.enum(AID_KINDS),
  /** Empty on the form (null): no standard set yet. */
  capFen: z.nullable(whole({ min: 1, max: MAX_CAP_FEN, words: `标准请填写 0.01 至 ${formatMoney(MAX_CAP_FEN)} 元，不设标准请留空` })),
  frequency: z.strictObject({
    times: whole({ min: 1, max: MAX_TIMES, words: `次数请填写 1 至 ${MAX_TIMES}` }),
    period: z.enum(FREQUENCY_PERIODS),
    per: z.enum(FREQUENCY_PERS),
  }),
  caseLabel: z._default(z.string().check(z.trim(), z.maxLength(CATEGORY_TEXT_MAX.caseLabel)), ''),
  enabled: z._default(z.boolean(), true),
})

// —— views ——

export interface AidCategoryView extends AidCategory {
  /** 「每次不超过 1000.00 元」 */
  readonly capText: string
  /** 「每个病种每年 1 次」 */
  readonly frequencyText: string
}

export interface HardshipPolicyView {
  readonly year: number
  readonly categories: readonly AidCategoryView[]
  /** 0 while the union uses the defaults; saving names the version it edited. */
  readonly version: number
  /** Inherited from an earlier year or from seed 004's defaults, not yet saved for this year. */
  readonly inheritedFrom: number | 'default' | null
  readonly updatedAt: string | null
  readonly updatedBy: string | null
}

export interface PolicyChangeView {
  readonly id: string
  readonly year: number
  readonly version: number
  readonly at: string
  readonly by: string
  readonly changes: readonly string[]
}

export interface RequestStepView {
  readonly kind: StepKind
  readonly label: string
  readonly status: RequestStatus
  readonly at: string
  readonly actorName: string
  /** The member themself, the colleague who reported it, or a reviewer. */
  readonly actorRole: 'member' | 'reporter' | 'reviewer'
  readonly note: string
  readonly amountFen: number | null
  readonly method: PaymentMethod | null
  readonly paidOn: string | null
}

/** One line of a list: what the person needs to find it again. No description, no photos. */
export interface HardshipRequestCard {
  readonly id: string
  readonly category: string
  readonly categoryName: string
  readonly kind: AidKind
  readonly status: RequestStatus
  readonly memberId: string
  readonly memberName: string
  readonly department: string
  /** The colleague who filed it for the member, or null when the member filed it. */
  readonly reportedBy: string | null
  readonly amountAskedFen: number | null
  readonly approvedFen: number | null
  readonly submittedAt: string
  readonly updatedAt: string
  /** The reviewer who took it, once taken. */
  readonly reviewerName: string | null
}

export interface HardshipRequestDetail extends HardshipRequestCard {
  readonly description: string
  readonly contact: string
  /** Short-lived links (a few minutes): ask again for fresh ones. */
  readonly photos: readonly { readonly fileId: string; readonly url: string }[]
  readonly capFen: number | null
  readonly capText: string
  readonly frequencyText: string
  /** What a case is called for a per-case category (病种…); '' when counted per member. */
  readonly caseLabelName: string
  readonly caseLabel: string | null
  readonly payment: {
    readonly amountFen: number
    readonly method: PaymentMethod
    readonly paidOn: string
    readonly note: string
    readonly paidBy: string
    readonly recordedAt: string
  } | null
  /** 一次申报，随时查看进展: every step, oldest first. */
  readonly steps: readonly RequestStepView[]
  readonly can: Readonly<Record<ApplicantStep | ReviewerStep, boolean>>
  /** The caller is the member it is for (not only the reporter or a reviewer). */
  readonly forMe: boolean
}

export interface ColleagueView {
  readonly id: string
  readonly name: string
  readonly department: string
}

export interface HardshipFileRow {
  readonly memberId: string
  readonly name: string
  readonly department: string
  readonly level: FileLevel
  readonly since: string
  readonly nextReviewOn: string
  readonly due: boolean
  readonly active: boolean
  readonly lastVisitOn: string | null
}

export interface VisitView {
  readonly id: string
  readonly date: string
  readonly visitors: string
  readonly given: string
  readonly amountFen: number | null
  readonly note: string
  readonly recordedBy: string
}

export interface HardshipFileDetail {
  readonly member: ColleagueView
  readonly file: {
    readonly level: FileLevel
    readonly reason: string
    readonly since: string
    readonly nextReviewOn: string
    readonly active: boolean
    readonly due: boolean
    readonly updatedAt: string
    readonly updatedBy: string
  } | null
  readonly visits: readonly VisitView[]
  /** The member's requests, newest first (the last 20). */
  readonly requests: readonly HardshipRequestCard[]
}

/** The hardship actions' field names, for their messages. */
export const HARDSHIP_LABELS: Readonly<Record<string, string>> = {
  ...REQUEST_LABELS,
  id: '申请',
  key: '提交编号',
  forMemberId: '申请对象',
  reason: '原因',
  note: '备注',
  caseLabel: '事项名称',
  method: '发放方式',
  paidOn: '发放日期',
  tab: '分类',
  year: '年份',
  version: '版本',
  categories: '申请类别',
  name: '类别名称',
  kind: '类型',
  capFen: '标准（分）',
  frequency: '次数规定',
  times: '次数',
  period: '计次周期',
  per: '计次方式',
  enabled: '是否受理',
  memberId: '会员',
  level: '困难程度',
  since: '建档日期',
  nextReviewOn: '下次复核日期',
  active: '是否在档',
  dueOnly: '只看到期',
  date: '走访日期',
  visitors: '走访人',
  given: '慰问内容',
  keyword: '搜索词',
}

/** The standards editor names each row's fields after the category (「生病住院」的名称…). */
export const POLICY_FORM_HINTS: Hints = { name: { label: '名称' } }
/** The reviewer's decision: its one text box is 审核意见; the applicant reads what to do. */
export const APPROVE_HINTS: Hints = { note: { label: '审核意见' } }
export const RETURN_HINTS: Hints = { reason: { label: '审核意见', missing: '请写明需要补充什么材料' } }
export const REJECT_HINTS: Hints = { reason: { label: '审核意见', missing: '请写明不予批准的原因' } }
/** Dates on the reviewer's forms are picked, not typed. */
export const PAYMENT_HINTS: Hints = { paidOn: { missing: '请选择发放日期' } }
export const VISIT_HINTS: Hints = { date: { missing: '请选择走访日期' } }

export const hardshipActions = {
  // —— everyone: the standards, asking, following ——
  /** The union's categories for a year (this year when omitted): caps and how often, for the form. */
  'hardship.policy': defineAction<HardshipPolicyView>()(
    z.strictObject({ year: z.optional(z.number().check(z.int(), z.minimum(2000), z.maximum(2100))) }),
    ANY_MEMBER,
    HARDSHIP_LABELS,
  ),
  /** A member asks for themself, or a leader / committee member / reviewer for a colleague (who sees it too). */
  'hardship.submit': defineAction<HardshipRequestDetail>()(
    z.strictObject({ key, forMemberId: z.optional(id), category: categoryKey, ...requestFields }),
    ANY_MEMBER,
    HARDSHIP_LABELS,
  ),
  /** Requests the caller made or that were made for them, newest first. */
  'hardship.mine': defineAction<Page<HardshipRequestCard>>()(z.strictObject({ page, pageSize }), ANY_MEMBER, HARDSHIP_LABELS),
  /** One request with its timeline and photos, for its member, its reporter and reviewers only. */
  'hardship.get': defineAction<HardshipRequestDetail>()(z.strictObject({ id }), ANY_MEMBER, HARDSHIP_LABELS),
  'hardship.withdraw': defineAction<HardshipRequestDetail>()(z.strictObject({ id, reason: z._default(note, '') }), ANY_MEMBER, HARDSHIP_LABELS),
  /** Answers 退回补充材料: the request, edited, goes back to the reviewers. */
  'hardship.resubmit': defineAction<HardshipRequestDetail>()(z.strictObject({ id, ...requestFields, note: z._default(note, '') }), ANY_MEMBER, HARDSHIP_LABELS),
  /** Members the caller may report for, by name or 会员编号. */
  'hardship.colleagues': defineAction<readonly ColleagueView[]>()(
    z.strictObject({ keyword: z.string().check(z.trim(), z.minLength(1), z.maxLength(COLLEAGUE_KEYWORD_MAX)) }),
    REPORTERS,
    HARDSHIP_LABELS,
  ),

  // —— reviewers (帮扶审核) ——
  'hardship.queue': defineAction<Page<HardshipRequestCard>>()(
    z.strictObject({ tab: z._default(z.enum(QUEUE_TABS), 'submitted'), page, pageSize }),
    REVIEWER,
    HARDSHIP_LABELS,
  ),
  'hardship.take': defineAction<HardshipRequestDetail>()(z.strictObject({ id }), REVIEWER, HARDSHIP_LABELS),
  'hardship.approve': defineAction<HardshipRequestDetail>()(
    z.strictObject({ id, amountFen: fen, caseLabel: z.optional(z.string().check(z.trim(), z.maxLength(CASE_LABEL_MAX))), note: z._default(note, '') }),
    REVIEWER,
    HARDSHIP_LABELS,
  ),
  'hardship.return': defineAction<HardshipRequestDetail>()(
    z.strictObject({ id, reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(DECISION_REASON_MAX)) }),
    REVIEWER,
    HARDSHIP_LABELS,
  ),
  'hardship.reject': defineAction<HardshipRequestDetail>()(
    z.strictObject({ id, reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(DECISION_REASON_MAX)) }),
    REVIEWER,
    HARDSHIP_LABELS,
  ),
  /** Records the payment of the approved sum: once; the same call again (same key) answers the same. */
  'hardship.pay': defineAction<HardshipRequestDetail>()(
    z.strictObject({ id, key, method: z.enum(PAYMENT_METHODS), paidOn: date, note: z._default(note, '') }),
    REVIEWER,
    HARDSHIP_LABELS,
  ),
  'hardship.files': defineAction<Page<HardshipFileRow>>()(
    z.strictObject({ dueOnly: z._default(z.boolean(), false), page, pageSize }),
    REVIEWER,
    HARDSHIP_LABELS,
  ),
  'hardship.file': defineAction<HardshipFileDetail>()(z.strictObject({ memberId: id }), REVIEWER, HARDSHIP_LABELS),
  'hardship.saveFile': defineAction<HardshipFileDetail>()(
    z.strictObject({
      memberId: id,
      level: z.enum(FILE_LEVELS),
      reason: text(FILE_REASON),
      since: date,
      nextReviewOn: date,
      active: z._default(z.boolean(), true),
    }),
    REVIEWER,
    { ...HARDSHIP_LABELS, reason: '困难原因' },
  ),
  /** 送温暖: a visit to a member on file, with who went and what was given. */
  'hardship.addVisit': defineAction<HardshipFileDetail>()(
    z.strictObject({
      memberId: id,
      key,
      date,
      visitors: z.string().check(z.trim(), z.minLength(1), z.maxLength(VISIT_TEXT_MAX.visitors)),
      given: text({ min: 1, max: VISIT_TEXT_MAX.given, words: { missing: '请填写送去的慰问金或慰问品' } }),
      amountFen: z._default(z.nullable(fen), null),
      note: z._default(note, ''),
    }),
    REVIEWER,
    HARDSHIP_LABELS,
  ),

  // —— admins: the standards ——
  /** Replaces a year's categories; `version` is the one the admin edited (0 for the inherited defaults). */
  'hardship.savePolicy': defineAction<HardshipPolicyView>()(
    z.strictObject({
      year: z.number().check(z.int(), z.minimum(2000), z.maximum(2100)),
      version: z.number().check(z.int(), z.minimum(0)),
      categories: z.array(CategorySchema).check(z.minLength(1), z.maxLength(MAX_CATEGORIES)),
    }),
    ADMIN,
    HARDSHIP_LABELS,
  ),
  /** Every change to the standards: who, when, what. */
  'hardship.policyHistory': defineAction<Page<PolicyChangeView>>()(z.strictObject({ page, pageSize }), ADMIN, HARDSHIP_LABELS),
}
