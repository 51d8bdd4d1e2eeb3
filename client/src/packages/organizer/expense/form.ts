/**
 * 报销费用 as a form: item rows typed in 元 → the items funds.recordExpense takes (unit prices in 分),
 * a live total, and the rules for the invoice photos picked (uploaded when the claim is sent).
 */
import type { ExpenseItem } from '@shared/contract'
import { amountProblem } from '@shared/domain/funds'
import type { PhotoRules } from '../../../components/photos/photo-model'
import { yuanInput } from '../../../constants/funds'

export const MAX_ITEMS = 30
export const MAX_QUANTITY = 100_000
export const ITEM_NAME_MAX = 30

export interface ItemDraft {
  readonly key: string
  readonly name: string
  readonly quantity: string
  /** 元, as typed. */
  readonly unitPrice: string
}

let seq = 0
export const newItem = (): ItemDraft => ({ key: `i${++seq}`, name: '', quantity: '1', unitPrice: '' })

/** Per row (by key) what to fix; `_` for the list as a whole. */
export type ItemErrors = Readonly<Record<string, string>>

const quantityOf = (text: string): number | null => {
  const t = text.trim()
  if (!/^\d{1,6}$/.test(t)) return null
  const n = Number(t)
  return n >= 1 && n <= MAX_QUANTITY ? n : null
}

/** One row, or why not (the server's own words where it has them). */
export function itemOf(d: ItemDraft): { item: ExpenseItem } | { problem: string } {
  const name = d.name.trim()
  if (!name) return { problem: '请填写名称' }
  if (name.length > ITEM_NAME_MAX) return { problem: `名称不能超过 ${ITEM_NAME_MAX} 个字` }
  const quantity = quantityOf(d.quantity)
  if (quantity === null) return { problem: `数量请填 1 到 ${MAX_QUANTITY} 的整数` }
  const price = yuanInput(d.unitPrice)
  if ('problem' in price) return { problem: `单价：${price.problem}` }
  const tooMuch = amountProblem(price.fen)
  if (tooMuch) return { problem: `单价：${tooMuch}` }
  return { item: { name, quantity, unitPrice: price.fen } }
}

export function itemsOf(drafts: readonly ItemDraft[]): { items: ExpenseItem[] } | { errors: ItemErrors } {
  if (!drafts.length) return { errors: { _: '请至少填写一项费用' } }
  const errors: Record<string, string> = {}
  const items: ExpenseItem[] = []
  for (const d of drafts) {
    const r = itemOf(d)
    if ('problem' in r) errors[d.key] = r.problem
    else items.push(r.item)
  }
  return Object.keys(errors).length ? { errors } : { items }
}

/** 小计 of one row in 分, or null while it cannot be read. */
export function subtotalOf(d: ItemDraft): number | null {
  const quantity = quantityOf(d.quantity)
  const price = yuanInput(d.unitPrice)
  return quantity !== null && 'fen' in price ? quantity * price.fen : null
}

/** The live 合计 in 分: rows that can be read so far. */
export const liveTotal = (drafts: readonly ItemDraft[]): number => drafts.reduce((s, d) => s + (subtotalOf(d) ?? 0), 0)

/** The server names a refused row as `items.<index>.<field>`: the row's key, or null. */
export function rowOfField(field: unknown, drafts: readonly ItemDraft[]): string | null {
  const m = typeof field === 'string' ? /^items\.(\d+)(\.|$)/.exec(field) : null
  return m ? (drafts[Number(m[1])]?.key ?? null) : null
}

// —— invoice photos ——

export const MAX_INVOICES = 9
export const MAX_INVOICE_BYTES = 20 * 1024 * 1024

/** Invoice photos for PhotoGrid: nine at most, 20 MB each (any picked image). */
export const INVOICE_PHOTOS: PhotoRules = {
  max: MAX_INVOICES,
  maxBytes: MAX_INVOICE_BYTES,
  fallbackName: 'invoice.jpg',
  words: { over: `最多 ${MAX_INVOICES} 张发票照片` },
}
