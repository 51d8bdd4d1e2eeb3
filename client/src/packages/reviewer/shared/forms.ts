/**
 * The reviewer's forms: what was typed → what `hardship.approve` / `pay` / `saveFile` / `addVisit`
 * take, with the same limits and words as the server. Pure, for tests.
 */
import type { HardshipRequestDetail } from '@shared/contract'
import { approvedAmountRefusal, fileDatesRefusal, FILE_LEVELS, type AidCategory, type FileLevel, type PaymentMethod } from '@shared/domain/hardship'
import { formatYuan, parseYuan, yuanText } from '@shared/domain/money'
import { BUDGET_LINE_LABELS, lineForAid } from '@shared/domain/funds'

const yuanProblem = (text: string): string | null => {
  const fen = parseYuan(text)
  if (fen === null) return '金额请填写数字，最多两位小数'
  if (fen <= 0) return '金额要大于 0'
  return null
}

export interface DecisionForm {
  amount: string
  caseLabel: string
  /** 审核意见: optional when approving, the reason when returning or rejecting. */
  opinion: string
}

/** Starts from what was asked, else the standard, so the usual case is one tap. */
export const decisionFormOf = (r: HardshipRequestDetail): DecisionForm => ({
  amount: r.amountAskedFen !== null ? formatYuan(r.amountAskedFen) : r.capFen !== null ? formatYuan(r.capFen) : '',
  caseLabel: r.caseLabel ?? '',
  opinion: '',
})

export type DecisionErrors = Partial<Record<keyof DecisionForm, string>>

export function checkApproval(
  r: HardshipRequestDetail,
  form: DecisionForm,
): { input: { amountFen: number; caseLabel?: string; note: string } } | { errors: DecisionErrors } {
  const errors: DecisionErrors = {}
  const problem = yuanProblem(form.amount.trim())
  const amountFen = problem ? 0 : parseYuan(form.amount.trim())!
  if (problem) errors.amount = problem
  else if (r.capFen === null) errors.amount = `「${r.categoryName}」还没有设定标准，请工会管理员先在帮扶政策中设定`
  else {
    const over = approvedAmountRefusal({ name: r.categoryName, capFen: r.capFen } as AidCategory, amountFen)
    if (over) errors.amount = over
  }
  const caseLabel = form.caseLabel.trim()
  if (r.caseLabelName && !caseLabel) errors.caseLabel = `请填写${r.caseLabelName}，用于按「${r.frequencyText}」核对`
  if (form.opinion.trim().length > 200) errors.opinion = '审核意见不能超过 200 个字'
  if (Object.keys(errors).length) return { errors }
  return { input: { amountFen, ...(r.caseLabelName ? { caseLabel } : {}), note: form.opinion.trim() } }
}

/** Returning or rejecting needs a reason the applicant will read. */
export function checkReason(form: DecisionForm, step: 'return' | 'reject'): { reason: string } | { errors: DecisionErrors } {
  const reason = form.opinion.trim()
  if (!reason) return { errors: { opinion: step === 'return' ? '请写明需要补充什么材料' : '请写明不予批准的原因' } }
  if (reason.length > 200) return { errors: { opinion: '审核意见不能超过 200 个字' } }
  return { reason }
}

export interface PaymentForm {
  method: PaymentMethod
  paidOn: string
  note: string
}

export function checkPayment(form: PaymentForm, today: string): { input: PaymentForm } | { error: string } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.paidOn)) return { error: '请选择发放日期' }
  if (form.paidOn > today) return { error: '发放日期不能晚于今天' }
  if (form.note.trim().length > 200) return { error: '备注不能超过 200 个字' }
  return { input: { ...form, note: form.note.trim() } }
}

export interface FileForm {
  level: FileLevel
  reason: string
  since: string
  nextReviewOn: string
  active: boolean
}

export const newFileForm = (today: string): FileForm => ({ level: FILE_LEVELS[0], reason: '', since: today, nextReviewOn: addMonths(today, 6), active: true })

export function checkFile(form: FileForm): { input: FileForm } | { errors: Partial<Record<keyof FileForm, string>> } {
  const reason = form.reason.trim()
  if (!reason) return { errors: { reason: '请写明困难原因' } }
  if (reason.length > 200) return { errors: { reason: '困难原因不能超过 200 个字' } }
  const dates = fileDatesRefusal(form.since, form.nextReviewOn)
  if (dates) return { errors: dates.startsWith('建档') ? { since: dates } : { nextReviewOn: dates } }
  return { input: { ...form, reason } }
}

export interface VisitForm {
  date: string
  visitors: string
  given: string
  amount: string
  note: string
}

export const newVisitForm = (today: string): VisitForm => ({ date: today, visitors: '', given: '', amount: '', note: '' })

export function checkVisit(
  form: VisitForm,
  today: string,
): { input: { date: string; visitors: string; given: string; amountFen: number | null; note: string } } | { errors: Partial<Record<keyof VisitForm, string>> } {
  const errors: Partial<Record<keyof VisitForm, string>> = {}
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date)) errors.date = '请选择走访日期'
  else if (form.date > today) errors.date = '走访日期不能晚于今天'
  const visitors = form.visitors.trim()
  if (!visitors) errors.visitors = '请填写走访人'
  else if (visitors.length > 60) errors.visitors = '走访人不能超过 60 个字'
  const given = form.given.trim()
  if (!given) errors.given = '请填写送去的慰问金或慰问品'
  else if (given.length > 100) errors.given = '慰问内容不能超过 100 个字'
  const amountText = form.amount.trim()
  const problem = amountText ? yuanProblem(amountText) : null
  if (problem) errors.amount = problem
  if (form.note.trim().length > 200) errors.note = '备注不能超过 200 个字'
  if (Object.keys(errors).length) return { errors }
  return { input: { date: form.date, visitors, given, amountFen: amountText ? parseYuan(amountText) : null, note: form.note.trim() } }
}

/** YYYY-MM-DD plus whole months, the day kept within the month (08-31 + 6 → 02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const total = y * 12 + (m - 1) + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`
}

/**
 * 批准 commits money: the confirmation says how much, to whom and which budget line it is taken
 * from (the line's remainder is held at once; paid out when 记录发放).
 */
export function approvalConfirmText(r: Pick<HardshipRequestDetail, 'memberName' | 'categoryName' | 'kind'>, amountFen: number): string {
  return `批准向${r.memberName}发放「${r.categoryName}」${yuanText(amountFen)}，从「${BUDGET_LINE_LABELS[lineForAid(r.kind)]}」预算列支，批准后即占用预算余额。`
}
