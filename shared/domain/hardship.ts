/**
 * Hardship and care requests (帮扶 / 慰问) as pure rules: the union's categories with their caps and
 * how often each may be received, the steps a request goes through, who may see and decide one,
 * and the hardship file's review dates. Seed 004's 五要访 / 五要贺 give the default standards.
 */
import { hasRole, sameUnion, type Subject } from './authorization'
import { formatMoney } from './money'
import { isCalendarDate } from './calendar'

// —— categories and the union's standards ——

export const AID_KINDS = ['hardship', 'care'] as const
export type AidKind = (typeof AID_KINDS)[number]
export const AID_KIND_LABELS: Readonly<Record<AidKind, string>> = { hardship: '困难帮扶', care: '慰问' }

export const FREQUENCY_PERIODS = ['year', 'ever'] as const
export const FREQUENCY_PERS = ['member', 'case'] as const

/**
 * How often a member may receive a category: `times` per calendar year (Asia/Shanghai, the year the
 * request was made) or ever; counted per member, or per case (one illness, one relative, one child).
 */
export interface FrequencyRule {
  readonly times: number
  readonly period: (typeof FREQUENCY_PERIODS)[number]
  readonly per: (typeof FREQUENCY_PERS)[number]
}

export interface AidCategory {
  /** Stable key (requests and frequency records refer to it); the name may be edited. */
  readonly key: string
  readonly name: string
  readonly kind: AidKind
  /** The most paid for one case, in 分. null: the union has not set a standard, so nothing can be approved. */
  readonly capFen: number | null
  readonly frequency: FrequencyRule
  /** What one case is called when the frequency counts per case (病种, 去世亲属, 子女); the reviewer names it on approval. */
  readonly caseLabel: string
  /** A category taken out of use keeps its history but takes no new requests. */
  readonly enabled: boolean
}

export const MAX_CAP_FEN = 10_000_000 // 10 万元: far above any standard, below any typing slip's reach.
export const MAX_CATEGORIES = 20
export const MAX_TIMES = 12

/**
 * Seed 004 (2019 年市直机关工会工作要点): 五要访 — 生病住院 ≤ 1000 元, 家庭特殊困难, 直系亲属去世 ≤ 1000 元;
 * 五要贺 — 生日 ≤ 300 元, 结婚 ≤ 500 元, 生育 ≤ 500 元, 子女上大学, 退休 ≤ 1000 元. The seed names no sum for
 * 家庭特殊困难 and 子女上大学: they start without a standard, which the union sets before approving any.
 */
export const DEFAULT_CATEGORIES: readonly AidCategory[] = [
  { key: 'hospital', name: '生病住院', kind: 'care', capFen: 100_000, frequency: { times: 1, period: 'year', per: 'case' }, caseLabel: '病种', enabled: true },
  {
    key: 'bereavement',
    name: '直系亲属去世',
    kind: 'care',
    capFen: 100_000,
    frequency: { times: 1, period: 'ever', per: 'case' },
    caseLabel: '去世亲属',
    enabled: true,
  },
  {
    key: 'family-hardship',
    name: '家庭特殊困难',
    kind: 'hardship',
    capFen: null,
    frequency: { times: 1, period: 'year', per: 'member' },
    caseLabel: '',
    enabled: true,
  },
  { key: 'marriage', name: '结婚', kind: 'care', capFen: 50_000, frequency: { times: 1, period: 'ever', per: 'member' }, caseLabel: '', enabled: true },
  { key: 'childbirth', name: '生育', kind: 'care', capFen: 50_000, frequency: { times: 1, period: 'ever', per: 'case' }, caseLabel: '子女', enabled: true },
  { key: 'college', name: '子女上大学', kind: 'care', capFen: null, frequency: { times: 1, period: 'ever', per: 'case' }, caseLabel: '子女', enabled: true },
  { key: 'retirement', name: '退休', kind: 'care', capFen: 100_000, frequency: { times: 1, period: 'ever', per: 'member' }, caseLabel: '', enabled: true },
  { key: 'birthday', name: '生日', kind: 'care', capFen: 30_000, frequency: { times: 1, period: 'year', per: 'member' }, caseLabel: '', enabled: true },
]

export const findCategory = (categories: readonly AidCategory[], key: string): AidCategory | undefined => categories.find((c) => c.key === key)

/** 「每次不超过 1000.00 元」, or that no standard is set yet. */
export const capText = (c: Pick<AidCategory, 'capFen'>): string => (c.capFen === null ? '标准待工会设定' : `每次不超过 ${formatMoney(c.capFen)} 元`)

/** 「每人每年 1 次」「每个病种每年 1 次」「每人限 1 次」. */
export function frequencyText(c: Pick<AidCategory, 'frequency' | 'caseLabel'>): string {
  const { times, period, per } = c.frequency
  const who = per === 'case' ? `每个${c.caseLabel || '事项'}` : '每人'
  return period === 'year' ? `${who}每年 ${times} 次` : `${who}限 ${times} 次`
}

/** The amount a member asks for: optional, but never above the standard. null when fine. */
export function askedAmountRefusal(c: AidCategory, amountFen: number | null | undefined): string | null {
  if (amountFen === null || amountFen === undefined) return null
  if (c.capFen !== null && amountFen > c.capFen) return `「${c.name}」的标准是每次不超过 ${formatMoney(c.capFen)} 元，申请金额不能超过标准`
  return null
}

/** The amount a reviewer approves: only within a standard the union has set. null when fine. */
export function approvedAmountRefusal(c: AidCategory, amountFen: number): string | null {
  if (c.capFen === null) return `「${c.name}」还没有设定标准，请工会管理员先在帮扶政策中设定`
  if (amountFen > c.capFen) return `超过了「${c.name}」的标准：每次不超过 ${formatMoney(c.capFen)} 元`
  return null
}

/** Case names compare without spaces or case: 「阑尾炎 」 and 「阑尾炎」 are one illness. */
export const normalizeCase = (label: string): string => label.replace(/\s+/g, '').toLowerCase()

/** Which counter a grant belongs to: the period (a year or ever) and, per case, the case. */
export function frequencyBucket(c: AidCategory, year: number, caseLabel: string | null | undefined): { period: string; caseKey: string } {
  return { period: c.frequency.period === 'year' ? String(year) : 'ever', caseKey: c.frequency.per === 'case' ? normalizeCase(caseLabel ?? '') : '' }
}

/** What an approval of a per-case category is missing: the case, named as the category names cases. */
export const caseLabelMissing = (caseLabelName: string, frequency: string): string => `请填写${caseLabelName}，用于按「${frequency}」核对`

/** A per-case category needs the case named on approval. null when fine. */
export function caseLabelRefusal(c: AidCategory, caseLabel: string | null | undefined): string | null {
  if (c.frequency.per !== 'case') return null
  return normalizeCase(caseLabel ?? '') ? null : caseLabelMissing(c.caseLabel || '事项', frequencyText(c))
}

/** `used` grants already in this bucket (other requests): null when one more is allowed. */
export function frequencyRefusal(c: AidCategory, used: number, year: number, caseLabel?: string | null): string | null {
  if (used < c.frequency.times) return null
  const when = c.frequency.period === 'year' ? `${year} 年` : ''
  const which = c.frequency.per === 'case' ? `「${(caseLabel ?? '').trim()}」` : ''
  return `按本会标准，「${c.name}」${frequencyText(c)}；该会员${which}${when}已获批 ${used} 次`
}

export interface PolicyProblem {
  readonly index: number | null
  readonly message: string
}

/** Checks an edited list of categories; the first problem, worded for the admin, or null. */
export function policyProblem(categories: readonly AidCategory[]): PolicyProblem | null {
  if (categories.length === 0) return { index: null, message: '至少需要一个申请类别' }
  if (categories.length > MAX_CATEGORIES) return { index: null, message: `申请类别最多 ${MAX_CATEGORIES} 个` }
  const keys = new Set<string>()
  const names = new Set<string>()
  for (const [index, c] of categories.entries()) {
    const name = c.name.trim()
    if (!name) return { index, message: `第 ${index + 1} 个类别缺少名称` }
    if (keys.has(c.key)) return { index, message: `类别编号「${c.key}」重复了` }
    if (names.has(name)) return { index, message: `类别「${name}」重复了` }
    keys.add(c.key)
    names.add(name)
    if (c.capFen !== null && (!Number.isSafeInteger(c.capFen) || c.capFen <= 0 || c.capFen > MAX_CAP_FEN))
      return { index, message: `「${name}」的标准应在 0.01 至 ${formatMoney(MAX_CAP_FEN)} 元之间` }
    if (!Number.isInteger(c.frequency.times) || c.frequency.times < 1 || c.frequency.times > MAX_TIMES)
      return { index, message: `「${name}」的次数应在 1 至 ${MAX_TIMES} 次之间` }
    if (c.frequency.per === 'case' && !c.caseLabel.trim()) return { index, message: `「${name}」按事项计次，请写明事项的名称（如病种、子女）` }
  }
  return null
}

/** What changed between two versions of the standards, one line per change, for the history. */
export function policyChanges(before: readonly AidCategory[], after: readonly AidCategory[]): string[] {
  const lines: string[] = []
  const old = new Map(before.map((c) => [c.key, c]))
  for (const c of after) {
    const b = old.get(c.key)
    if (!b) {
      lines.push(`新增「${c.name}」：${AID_KIND_LABELS[c.kind]}，${capText(c)}，${frequencyText(c)}`)
      continue
    }
    old.delete(c.key)
    if (b.name !== c.name) lines.push(`「${b.name}」改名为「${c.name}」`)
    if (b.kind !== c.kind) lines.push(`「${c.name}」：${AID_KIND_LABELS[b.kind]} → ${AID_KIND_LABELS[c.kind]}`)
    if (b.capFen !== c.capFen) lines.push(`「${c.name}」：${capText(b)} → ${capText(c)}`)
    if (frequencyText(b) !== frequencyText(c)) lines.push(`「${c.name}」：${frequencyText(b)} → ${frequencyText(c)}`)
    if (b.enabled !== c.enabled) lines.push(`「${c.name}」${c.enabled ? '恢复受理' : '停止受理'}`)
  }
  for (const b of old.values()) lines.push(`删除「${b.name}」`)
  return lines
}

// —— asking ——

/** Photos of documents (诊断证明、出院小结…): images only, each at most 5 MB, six at most. */
export const MAX_REQUEST_PHOTOS = 6
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024
export const PHOTO_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp'] as const

/** The file name's extension is one of the image types taken (the server checks the bytes too). */
export const hasPhotoExtension = (name: string): boolean => {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase()
  return ext !== undefined && (PHOTO_EXTENSIONS as readonly string[]).includes(ext)
}

/** The first bytes of a JPEG, PNG or WEBP file; anything else is not taken as a photo. */
export function isImageHeader(head: ArrayLike<number>): boolean {
  const at = (i: number) => (i < head.length ? head[i] : -1)
  const ascii = (from: number, text: string) => [...text].every((ch, i) => at(from + i) === ch.charCodeAt(0))
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return true
  if (at(0) === 0x89 && ascii(1, 'PNG') && at(4) === 0x0d && at(5) === 0x0a) return true
  return ascii(0, 'RIFF') && ascii(8, 'WEBP')
}

// —— a request's steps ——

export const REQUEST_STATUSES = ['submitted', 'reviewing', 'returned', 'approved', 'paid', 'rejected', 'withdrawn'] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]

export const STATUS_LABELS: Readonly<Record<RequestStatus, string>> = {
  submitted: '待受理',
  reviewing: '审核中',
  returned: '待补充材料',
  approved: '已批准，待发放',
  paid: '已发放',
  rejected: '未批准',
  withdrawn: '已撤回',
}

export const STEP_KINDS = ['submit', 'take', 'return', 'resubmit', 'approve', 'reject', 'pay', 'withdraw'] as const
export type StepKind = (typeof STEP_KINDS)[number]

export const STEP_LABELS: Readonly<Record<StepKind, string>> = {
  submit: '提交申请',
  take: '受理',
  return: '退回补充材料',
  resubmit: '补充后重新提交',
  approve: '批准',
  reject: '不予批准',
  pay: '发放',
  withdraw: '撤回申请',
}

/** The whole workflow: from which statuses each step may be taken, and where it leads. */
export const TRANSITIONS: Readonly<Record<StepKind, { readonly from: readonly (RequestStatus | null)[]; readonly to: RequestStatus }>> = {
  submit: { from: [null], to: 'submitted' },
  take: { from: ['submitted'], to: 'reviewing' },
  return: { from: ['reviewing'], to: 'returned' },
  resubmit: { from: ['returned'], to: 'submitted' },
  approve: { from: ['reviewing'], to: 'approved' },
  reject: { from: ['reviewing'], to: 'rejected' },
  pay: { from: ['approved'], to: 'paid' },
  withdraw: { from: ['submitted', 'reviewing', 'returned'], to: 'withdrawn' },
}

export const nextStatus = (status: RequestStatus | null, step: StepKind): RequestStatus | null =>
  TRANSITIONS[step].from.includes(status) ? TRANSITIONS[step].to : null

/** Why `step` cannot be taken from `status`, in words for the person trying; null when it can. */
export function stepRefusal(status: RequestStatus, step: StepKind): string | null {
  if (nextStatus(status, step)) return null
  if (status === 'withdrawn') return '申请人已撤回这条申请'
  if (status === 'rejected') return '这条申请已不予批准，如有新情况请重新申请'
  switch (step) {
    case 'take':
      return status === 'returned' ? '这条申请正等申请人补充材料' : '这条申请已经受理了'
    case 'approve':
    case 'reject':
    case 'return':
      if (status === 'submitted') return '请先受理这条申请'
      if (status === 'returned') return '这条申请正等申请人补充材料'
      return '这条申请已经批准了'
    case 'pay':
      return status === 'paid' ? '这笔款项已经记录过发放，不能重复记录' : '申请还没有批准，不能记录发放'
    case 'resubmit':
      return '只有被退回补充材料的申请才能重新提交'
    case 'withdraw':
      return status === 'paid' ? '款项已经发放，不能撤回' : '申请已经批准，不能撤回；如有变化请联系工会'
    case 'submit':
      return '这条申请已经提交过了'
  }
}

/** Open requests (still moving); the others are settled. */
export const isOpen = (status: RequestStatus): boolean => status === 'submitted' || status === 'reviewing' || status === 'returned' || status === 'approved'

/** The reviewers' queue, by what is to be done: 待受理, 审核中, 待补充, 待发放, 已发放, 已结束. */
export const QUEUE_TABS = ['submitted', 'reviewing', 'returned', 'approved', 'paid', 'closed'] as const
export type QueueTab = (typeof QUEUE_TABS)[number]
export const QUEUE_TAB_STATUSES: Readonly<Record<QueueTab, readonly RequestStatus[]>> = {
  submitted: ['submitted'],
  reviewing: ['reviewing'],
  returned: ['returned'],
  approved: ['approved'],
  paid: ['paid'],
  closed: ['rejected', 'withdrawn'],
}
export const QUEUE_TAB_LABELS: Readonly<Record<QueueTab, string>> = {
  submitted: '待受理',
  reviewing: '审核中',
  returned: '待补充',
  approved: '待发放',
  paid: '已发放',
  closed: '已结束',
}

// —— who may see and act ——

/** The people a request concerns: the member it is for, and whoever filed it (themself, or a 第一报告人). */
export interface RequestParties {
  readonly unionId: string
  readonly memberId: string
  readonly reporterId: string
}

export const isReviewer = (subject: Subject): boolean => hasRole(subject, 'reviewer')

/** The member it is for, or the colleague who reported it. */
export const isApplicant = (subject: Subject, req: RequestParties): boolean =>
  sameUnion(subject, req) && (req.memberId === subject.memberId || req.reporterId === subject.memberId)

/** Applicant, reporter and reviewers of the union — nobody else, an admin without the review role included. */
export const mayViewRequest = (subject: Subject, req: RequestParties): boolean => isApplicant(subject, req) || (sameUnion(subject, req) && isReviewer(subject))

/** A reviewer decides requests of their union, except one made for themself. */
export function decideRefusal(subject: Subject, req: RequestParties): string | null {
  if (!sameUnion(subject, req) || !isReviewer(subject)) return '只有帮扶审核人可以办理'
  if (req.memberId === subject.memberId) return '不能审核自己的申请，请由其他审核人办理'
  return null
}

export type ApplicantStep = 'withdraw' | 'resubmit'
export type ReviewerStep = 'take' | 'approve' | 'return' | 'reject' | 'pay'

/** What the caller may do next with a request they can see: the buttons a page shows. */
export function availableSteps(
  subject: Subject,
  req: RequestParties & { readonly status: RequestStatus },
): Readonly<Record<ApplicantStep | ReviewerStep, boolean>> {
  const applicant = isApplicant(subject, req)
  const reviewer = decideRefusal(subject, req) === null
  const can = (step: StepKind) => nextStatus(req.status, step) !== null
  return {
    withdraw: applicant && can('withdraw'),
    resubmit: applicant && can('resubmit'),
    take: reviewer && can('take'),
    approve: reviewer && can('approve'),
    return: reviewer && can('return'),
    reject: reviewer && can('reject'),
    pay: reviewer && can('pay'),
  }
}

// —— payment ——

export const PAYMENT_METHODS = ['bank', 'cash', 'goods', 'other'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]
export const PAYMENT_METHOD_LABELS: Readonly<Record<PaymentMethod, string>> = { bank: '银行转账', cash: '现金', goods: '实物慰问品', other: '其他' }

// —— the hardship file (困难职工档案) ——

export const FILE_LEVELS = ['一般困难', '特别困难', '深度困难'] as const
export type FileLevel = (typeof FILE_LEVELS)[number]

/** Review dates follow the start; both are YYYY-MM-DD in Shanghai. null when fine. */
export function fileDatesRefusal(since: string, nextReviewOn: string): string | null {
  if (!isCalendarDate(since)) return '建档日期不是有效日期'
  if (!isCalendarDate(nextReviewOn)) return '下次复核日期不是有效日期'
  if (nextReviewOn <= since) return '下次复核日期要晚于建档日期'
  return null
}

/** A payment or a visit is recorded once it happened: its date (Shanghai) is today or before. null when fine. */
export const notAfterTodayRefusal = (label: string, date: string, today: string): string | null => (date > today ? `${label}不能晚于今天` : null)

/** A file is due for review on its review day and after, until the next review date is moved on. */
export const isReviewDue = (nextReviewOn: string, today: string): boolean => nextReviewOn <= today

/** One calendar check for the whole app (re-exported for the handlers that import it from here). */
export { isCalendarDate }
