/**
 * Union funds as people type and read them: 元 typed into a form → 分, a claim's status, the year
 * in Shanghai. Used by the 经费管理 subpackage and the organizer's 报销费用 page (only subpackages
 * import it, so it ships with them, not in the main package).
 */
import type { ExpenseView } from '@shared/contract'
import { formatMoney, parseYuan, yuanText } from '@shared/domain/money'
import { dateTimeText, shanghaiYear } from '@shared/domain/time'

/** The calendar year in Shanghai (budgets and reports run by it). */
export const currentYear = (now: Date = new Date()): number => shanghaiYear(now)

/** A year from a page link (`?year=2026`), or this year. */
export function yearParam(raw: string | undefined, now: Date = new Date()): number {
  const n = Number(raw)
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : currentYear(now)
}

export type YuanInput = { readonly fen: number } | { readonly problem: string }

/**
 * What a person typed in a 元 field, as 分: 「1200」「1200.5」「1200.50」. Blank, letters, three
 * decimals and negative amounts come back as a sentence to show by the field.
 */
export function yuanInput(text: string, opts: { allowZero?: boolean } = {}): YuanInput {
  const t = text.trim().replace(/[,，]/g, '')
  if (!t) return { problem: '请填写金额' }
  const fen = parseYuan(t)
  if (fen === null) return { problem: '请填写数字，最多两位小数，如 1200 或 1200.50' }
  if (fen < 0) return { problem: '金额不能为负数' }
  if (fen === 0 && !opts.allowZero) return { problem: '金额必须大于 0' }
  return { fen }
}

/** 分 → 「1,234.56 元」 (the shared money style). */
export { yuanText }

/** 分 → 「+3,000.00」/「-300.00」/「0.00」: a change, with its direction. */
export const signedYuan = (fen: number): string => (fen > 0 ? `+${formatMoney(fen)}` : formatMoney(fen))

export const EXPENSE_STATUSES = ['pending', 'approved', 'rejected'] as const satisfies readonly ExpenseView['status'][]

export const EXPENSE_STATUS_LABELS: Readonly<Record<ExpenseView['status'], string>> = {
  pending: '待审批',
  approved: '已通过',
  rejected: '已退回',
}

/** Σ quantity × unit price, in 分. */
export const itemsTotal = (items: readonly { readonly quantity: number; readonly unitPrice: number }[]): number =>
  items.reduce((s, i) => s + i.quantity * i.unitPrice, 0)

/** 「5月12日 周二 10:15」: the house style (shared/domain/time.ts) against the phone's now. */
export const timeText = (at: string, now: Date = new Date()): string => dateTimeText(at, now)
