/**
 * 报销费用 as a form: item rows typed in 元 → the items funds.recordExpense takes (unit prices in 分),
 * each row checked with the claim's item schema, a live total, and the rules for the invoice photos
 * picked (uploaded when the claim is sent).
 */
import * as z from 'zod/mini'
import type { ExpenseItem } from '@shared/contract'
import { typedWhole } from '@shared/contract/fields'
import { fundsActions, ItemSchema, MAX_EXPENSE_ITEMS, MAX_INVOICES } from '@shared/contract/funds.contract'
import { labelFor } from '@shared/contract/labels'
import { parseInput } from '@shared/contract/validate'
import { amountProblem } from '@shared/domain/funds'
import type { PhotoRules } from '../../../components/photos/photo-model'
import { yuanInput } from '../../../constants/funds'

export { MAX_INVOICES }
export const MAX_ITEMS = MAX_EXPENSE_ITEMS

const recordExpense = fundsActions['funds.recordExpense']
const labels = recordExpense.labels
/** The list as a whole (at least one row, at most MAX_ITEMS). */
const itemList = z.pick(recordExpense.input, { items: true })

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

/** One row, or why not (in the schema's words; the unit price by the shared money rules). */
export function itemOf(d: ItemDraft): { item: ExpenseItem } | { problem: string } {
  const price = yuanInput(d.unitPrice)
  // The price is checked after the name and the quantity, so a row's first problem is the first field's.
  const row = { name: d.name.trim(), quantity: typedWhole(d.quantity), unitPrice: 'fen' in price ? price.fen : 0 }
  const parsed = parseInput(ItemSchema, row, labels)
  if (!parsed.ok) return { problem: parsed.problems[0].message }
  const problem = 'problem' in price ? price.problem : amountProblem(price.fen)
  return problem ? { problem: `${labelFor(['unitPrice'], labels)}：${problem}` } : { item: parsed.value }
}

export function itemsOf(drafts: readonly ItemDraft[]): { items: ExpenseItem[] } | { errors: ItemErrors } {
  const errors: Record<string, string> = {}
  const items: ExpenseItem[] = []
  for (const d of drafts) {
    const r = itemOf(d)
    if ('problem' in r) errors[d.key] = r.problem
    else items.push(r.item)
  }
  if (Object.keys(errors).length) return { errors }
  const list = parseInput(itemList, { items }, labels)
  return list.ok ? { items } : { errors: { _: list.problems[0].message } }
}

/** 小计 of one row in 分, or null while it cannot be read. */
export function subtotalOf(d: ItemDraft): number | null {
  const quantity = z.safeParse(ItemSchema.shape.quantity, typedWhole(d.quantity))
  const price = yuanInput(d.unitPrice)
  return quantity.success && 'fen' in price ? quantity.data * price.fen : null
}

/** The live 合计 in 分: rows that can be read so far. */
export const liveTotal = (drafts: readonly ItemDraft[]): number => drafts.reduce((s, d) => s + (subtotalOf(d) ?? 0), 0)

/** The server names a refused row as `items.<index>.<field>`: the row's key, or null. */
export function rowOfField(field: unknown, drafts: readonly ItemDraft[]): string | null {
  const m = typeof field === 'string' ? /^items\.(\d+)(\.|$)/.exec(field) : null
  return m ? (drafts[Number(m[1])]?.key ?? null) : null
}

// —— invoice photos ——

export const MAX_INVOICE_BYTES = 20 * 1024 * 1024

/** Invoice photos for PhotoGrid: nine at most, 20 MB each (any picked image). */
export const INVOICE_PHOTOS: PhotoRules = {
  max: MAX_INVOICES,
  maxBytes: MAX_INVOICE_BYTES,
  fallbackName: 'invoice.jpg',
  words: { over: `最多 ${MAX_INVOICES} 张发票照片` },
}
