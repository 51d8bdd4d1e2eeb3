import * as z from 'zod/mini'
import { defineAction } from './define'
import { formKey, safePartialRecord, whole } from './schemas'
import { CORRECTION_REASON, FUNDS_TEXT_MAX } from './funds.fields'
import type { Page } from './member.contract'
import { BUDGET_LINES, type BudgetLine, type LineExecution, type PublishedLine } from '../domain/funds'

const ADMIN = { kind: 'member', roles: ['admin'] } as const
/** Auditors (经费审查委员会) read everything here and change nothing. */
const READERS = { kind: 'member', roles: ['admin', 'auditor'] } as const
const ANY_MEMBER = { kind: 'member' } as const

const id = z.string().check(z.minLength(1), z.maxLength(120), z.regex(/^[A-Za-z0-9_:-]+$/))
const page = z._default(z.number().check(z.int(), z.minimum(1), z.maximum(10000)), 1)
const pageSize = z._default(z.number().check(z.int(), z.minimum(1), z.maximum(100)), 20)
const year = z.number().check(z.int(), z.minimum(2000), z.maximum(2100))
/** Amounts travel as integer 分; the rules in shared/domain/funds refuse zero, negative and absurd ones with Chinese messages. */
const fen = z.number().check(z.int())
const fileId = z.string().check(z.minLength(1), z.maxLength(512), z.regex(/^cloud:\/\//))

export interface BudgetView {
  readonly year: number
  readonly closed: boolean
  readonly lines: readonly LineExecution[]
  readonly total: Omit<LineExecution, 'line' | 'name'>
}

export interface LedgerRow {
  readonly id: string
  readonly at: string
  readonly line: BudgetLine
  readonly lineName: string
  readonly committed: number
  readonly spent: number
  readonly source: { readonly type: 'hardship' | 'benefit' | 'activity' | 'correction'; readonly id: string }
  readonly memo: string
  readonly by: string
  readonly reverses: string | null
  readonly reversedBy: string | null
}

export interface ExpenseItem {
  readonly name: string
  readonly quantity: number
  /** 分 */
  readonly unitPrice: number
}

export interface ExpenseView {
  readonly id: string
  readonly activityId: string
  readonly activityTitle: string
  readonly amount: number
  readonly items: readonly ExpenseItem[]
  readonly invoiceUrls: readonly string[]
  readonly status: 'pending' | 'approved' | 'rejected'
  readonly requestedBy: string
  readonly requestedAt: string
  readonly decidedBy: string | null
  readonly decidedAt: string | null
  readonly reason: string
}

export interface AuditRow {
  readonly seq: number
  readonly at: string
  readonly actor: string
  readonly action: string
  readonly target: string
  readonly hash: string
}

/** A point of the audit chain people can compare: how many entries, the newest one's hash prefix, when. */
export interface AuditAnchor {
  readonly seq: number
  /** The first 8 hex characters of the newest entry's hash. */
  readonly fingerprint: string
  readonly at: string
}

export interface ChainVerification {
  readonly ok: boolean
  readonly checked: number
  /** The first entry with a problem (for a cut-off tail: the first one missing). */
  readonly brokenAt: number | null
  readonly reason: string | null
  /**
   * The newest entries are gone or were rewritten: the chain is shorter than (or differs at) the
   * published head or what this auditor's previous check saw. `expectedSeq` is the entry that
   * should be there, `actualSeq` how many there are now.
   */
  readonly truncation: { readonly against: 'head' | 'checkpoint'; readonly expectedSeq: number; readonly actualSeq: number } | null
  /** What this auditor's previous check saw; null on a first check. */
  readonly lastSeen: AuditAnchor | null
  /** The published head (公开栏) after this check. */
  readonly head: AuditAnchor | null
}

export interface PublicSpending {
  readonly year: number
  readonly lines: readonly PublishedLine[]
  /** The sum of what is shown. */
  readonly total: number
  /** An aid line had too few payments to publish without pointing at someone. */
  readonly heldBack: boolean
  /** The audit chain's head, published so a cut-off tail shows (null before the first entry). */
  readonly auditHead: AuditAnchor | null
}

export const MAX_EXPENSE_ITEMS = 30
export const MAX_ITEM_QUANTITY = 100_000
export const MAX_INVOICES = 9

/** One line of a claim, as the organizer's form checks each row too. */
export const ItemSchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(FUNDS_TEXT_MAX.itemName)),
  quantity: whole({ min: 1, max: MAX_ITEM_QUANTITY, words: `数量请填 1 到 ${MAX_ITEM_QUANTITY} 的整数` }),
  unitPrice: fen,
})

const FUNDS_LABELS = {
  key: '提交编号',
  year: '年份',
  lines: '预算',
  id: '记录',
  activityId: '活动',
  amount: '金额',
  items: '明细',
  name: '名称',
  quantity: '数量',
  unitPrice: '单价',
  invoiceFileIds: '发票照片',
  approve: '审批意见',
  reason: '说明',
  entryId: '分录',
  line: '预算科目',
}

export const fundsActions = {
  'funds.budget': defineAction<BudgetView>()(z.strictObject({ year }), READERS, FUNDS_LABELS),
  /** Sets the year's amounts per line (approved upstream); every change goes into the audit trail. */
  'funds.setBudget': defineAction<BudgetView>()(
    z.strictObject({ year, lines: safePartialRecord(z.enum(BUDGET_LINES), z.number().check(z.int(), z.minimum(0))) }),
    ADMIN,
    FUNDS_LABELS,
  ),
  /** 结账: no more postings to the year. */
  'funds.closeYear': defineAction<BudgetView>()(z.strictObject({ year }), ADMIN, FUNDS_LABELS),
  'funds.ledger': defineAction<Page<LedgerRow>>()(z.strictObject({ year, line: z.optional(z.enum(BUDGET_LINES)), page, pageSize }), READERS, FUNDS_LABELS),
  /** A posted entry is never edited: the correction is a new entry reversing it. */
  'funds.correct': defineAction<LedgerRow>()(
    z.strictObject({ entryId: id, reason: z.string().check(z.trim(), z.minLength(CORRECTION_REASON.min), z.maxLength(CORRECTION_REASON.max)) }),
    ADMIN,
    FUNDS_LABELS,
  ),
  /**
   * The organizer records what an event cost, with the invoice photo and the item list; an admin
   * approves. The form's key makes it one claim: sent again, it answers the claim it made.
   */
  'funds.recordExpense': defineAction<ExpenseView>()(
    z.strictObject({
      key: formKey,
      activityId: id,
      items: z.array(ItemSchema).check(z.minLength(1, { error: '请至少填写一项费用' }), z.maxLength(MAX_EXPENSE_ITEMS)),
      invoiceFileIds: z.array(fileId).check(z.minLength(1), z.maxLength(MAX_INVOICES)),
    }),
    ANY_MEMBER,
    FUNDS_LABELS,
  ),
  /** Admins and auditors see every claim (or, with `mine`, their own); an organizer their own. */
  'funds.expenses': defineAction<Page<ExpenseView>>()(
    z.strictObject({ status: z.optional(z.enum(['pending', 'approved', 'rejected'])), mine: z._default(z.boolean(), false), page, pageSize }),
    ANY_MEMBER,
    FUNDS_LABELS,
  ),
  'funds.decideExpense': defineAction<ExpenseView>()(
    z.strictObject({ id, approve: z.boolean(), reason: z._default(z.string().check(z.trim(), z.maxLength(FUNDS_TEXT_MAX.expenseReason)), '') }),
    ADMIN,
    FUNDS_LABELS,
  ),
  /** 预算执行情况 for the committee and year-end figures for the audit committee, as a spreadsheet. */
  'funds.report': defineAction<BudgetView & { readonly url: string; readonly fileId: string }>()(z.strictObject({ year }), READERS, FUNDS_LABELS),
  'funds.auditLog': defineAction<Page<AuditRow>>()(z.strictObject({ page, pageSize }), READERS, FUNDS_LABELS),
  /** One check of the whole chain: intact, or the first broken entry and why — including a cut-off tail, against the published head and the caller's previous check. */
  'funds.verify': defineAction<ChainVerification>()(z.strictObject({}), READERS, FUNDS_LABELS),
  /** 公开栏: spending per line and quarter, totals only. */
  'funds.public': defineAction<PublicSpending>()(z.strictObject({ year }), ANY_MEMBER, FUNDS_LABELS),
}
