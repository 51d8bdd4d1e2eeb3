/** Money is stored as integer 分 and shown as 元 with two decimals. */
export type Fen = number & { readonly __unit: 'fen' }

export const fen = (value: number): Fen => {
  if (!Number.isSafeInteger(value)) throw new RangeError('金额必须是以分为单位的整数')
  return value as Fen
}

/** 123456 → "1234.56" (no grouping: form fields, receipts and spreadsheets read it back). */
export const formatYuan = (amount: Fen | number): string => {
  const sign = amount < 0 ? '-' : ''
  const abs = Math.abs(amount)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/**
 * 48900000 → "489,000.00": how every screen and message shows an amount (thousands separated, two
 * decimals). Form fields that are typed back keep `formatYuan`.
 */
export const formatMoney = (amount: Fen | number): string => {
  const plain = formatYuan(amount)
  const [whole, cents] = plain.split('.')
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${cents}`
}

/** 48900000 → "489,000.00 元". */
export const yuanText = (amount: Fen | number): string => `${formatMoney(amount)} 元`

/** "12.5" / "12.50" / "12" → 1250; anything else (3 decimals, letters, blanks) → null. */
export const parseYuan = (text: string): Fen | null => {
  const m = /^\s*(-?)(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text)
  if (!m) return null
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'))
  return fen(m[1] ? -cents : cents)
}
