/**
 * The reviewer's forms: what was typed → what `hardship.approve` / `return` / `reject` / `pay` /
 * `saveFile` / `addVisit` take, checked with those actions' schemas (the form's words beside a
 * field are hints next to them) and the shared rules. Pure, for tests.
 */
import * as z from 'zod/mini'
import type { HardshipRequestDetail } from '@shared/contract'
import { APPROVE_HINTS, HARDSHIP_LABELS, hardshipActions, PAYMENT_HINTS, REJECT_HINTS, RETURN_HINTS, VISIT_HINTS } from '@shared/contract/hardship.contract'
import { firstByField, parseInput } from '@shared/contract/validate'
import {
  approvedAmountRefusal,
  caseLabelMissing,
  fileDatesRefusal,
  FILE_LEVELS,
  notAfterTodayRefusal,
  type AidCategory,
  type FileLevel,
  type PaymentMethod,
} from '@shared/domain/hardship'
import { formatYuan, parseYuan, yuanText } from '@shared/domain/money'
import { BUDGET_LINE_LABELS, lineForAid } from '@shared/domain/funds'

/** 元 as typed → 分; NaN when it is not an amount (the form says so itself). */
const fenOf = (text: string): number => parseYuan(text) ?? NaN
const NOT_AN_AMOUNT = '金额请填写数字，最多两位小数'

// What each form fills of its action's input (the request or member it is for comes from the page).
// The actions' labels are HARDSHIP_LABELS, but for the file's (its reason is 困难原因).
const approval = z.pick(hardshipActions['hardship.approve'].input, { amountFen: true, caseLabel: true, note: true })
const reasons = {
  return: { schema: z.pick(hardshipActions['hardship.return'].input, { reason: true }), hints: RETURN_HINTS },
  reject: { schema: z.pick(hardshipActions['hardship.reject'].input, { reason: true }), hints: REJECT_HINTS },
}
const payment = z.pick(hardshipActions['hardship.pay'].input, { method: true, paidOn: true, note: true })
const file = z.pick(hardshipActions['hardship.saveFile'].input, { level: true, reason: true, since: true, nextReviewOn: true, active: true })
const visit = z.pick(hardshipActions['hardship.addVisit'].input, { date: true, visitors: true, given: true, amountFen: true, note: true })

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
  const amountFen = fenOf(form.amount)
  const caseLabel = form.caseLabel.trim()
  const input = { amountFen, ...(r.caseLabelName ? { caseLabel } : {}), note: form.opinion.trim() }
  const parsed = parseInput(approval, input, HARDSHIP_LABELS, APPROVE_HINTS)
  const problems = parsed.ok ? {} : firstByField<'amountFen' | 'caseLabel' | 'note'>(parsed.problems)
  const errors: DecisionErrors = {}
  const amount = Number.isNaN(amountFen)
    ? NOT_AN_AMOUNT
    : (problems.amountFen ?? approvedAmountRefusal({ name: r.categoryName, capFen: r.capFen } as AidCategory, amountFen))
  if (amount) errors.amount = amount
  const caseProblem = r.caseLabelName && !caseLabel ? caseLabelMissing(r.caseLabelName, r.frequencyText) : problems.caseLabel
  if (caseProblem) errors.caseLabel = caseProblem
  if (problems.note) errors.opinion = problems.note
  return Object.keys(errors).length ? { errors } : { input }
}

/** Returning or rejecting needs a reason the applicant will read. */
export function checkReason(form: DecisionForm, step: 'return' | 'reject'): { reason: string } | { errors: DecisionErrors } {
  const { schema, hints } = reasons[step]
  const parsed = parseInput(schema, { reason: form.opinion }, HARDSHIP_LABELS, hints)
  return parsed.ok ? { reason: parsed.value.reason } : { errors: { opinion: parsed.problems[0].message } }
}

export interface PaymentForm {
  method: PaymentMethod
  paidOn: string
  note: string
}

export function checkPayment(form: PaymentForm, today: string): { input: PaymentForm } | { error: string } {
  const parsed = parseInput(payment, { ...form, paidOn: form.paidOn || undefined }, HARDSHIP_LABELS, PAYMENT_HINTS)
  if (!parsed.ok) return { error: parsed.problems[0].message }
  const later = notAfterTodayRefusal(HARDSHIP_LABELS.paidOn, parsed.value.paidOn, today)
  return later ? { error: later } : { input: parsed.value }
}

export interface FileForm {
  level: FileLevel
  reason: string
  since: string
  nextReviewOn: string
  active: boolean
}

export const newFileForm = (today: string): FileForm => ({ level: FILE_LEVELS[0], reason: '', since: today, nextReviewOn: addMonths(today, 6), active: true })

/** The first thing to fix, under its field. */
export function checkFile(form: FileForm): { input: FileForm } | { errors: Partial<Record<keyof FileForm, string>> } {
  const parsed = parseInput(file, form, hardshipActions['hardship.saveFile'].labels)
  if (!parsed.ok) return { errors: { [parsed.problems[0].field]: parsed.problems[0].message } }
  const dates = fileDatesRefusal(form.since, form.nextReviewOn)
  if (dates) return { errors: dates.startsWith('建档') ? { since: dates } : { nextReviewOn: dates } }
  return { input: parsed.value }
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
  const amountText = form.amount.trim()
  const typed = { date: form.date || undefined, visitors: form.visitors, given: form.given, amountFen: amountText ? fenOf(amountText) : null, note: form.note }
  const parsed = parseInput(visit, typed, HARDSHIP_LABELS, VISIT_HINTS)
  const { amountFen, ...problems } = parsed.ok ? {} : firstByField<keyof VisitForm | 'amountFen'>(parsed.problems)
  const errors: Partial<Record<keyof VisitForm, string>> = problems
  const amount = Number.isNaN(typed.amountFen) ? NOT_AN_AMOUNT : amountFen
  if (amount) errors.amount = amount
  const later = typed.date && !errors.date ? notAfterTodayRefusal(HARDSHIP_LABELS.date, typed.date, today) : null
  if (later) errors.date = later
  if (Object.keys(errors).length || !parsed.ok) return { errors }
  return { input: parsed.value }
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
