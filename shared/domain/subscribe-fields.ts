import { formatShanghai } from './time'

/**
 * WeChat subscription message keywords are typed by their name's prefix (`thing1`, `phrase2`,
 * `time3`…), and a value outside its type's format makes the whole send fail with 47003. Every
 * value the sender puts in a template goes through `fitField`, the one place these formats live.
 * Formats from the subscribeMessage.send documentation's 参数值限制 table.
 */
export const FIELD_TYPES = [
  'thing',
  'phrase',
  'time',
  'date',
  'number',
  'letter',
  'symbol',
  'character_string',
  'amount',
  'phone_number',
  'car_number',
  'name',
] as const
export type FieldType = (typeof FIELD_TYPES)[number]

/** `thing1` → thing, `character_string12` → character_string; null for a key WeChat does not define. */
export function fieldTypeOf(key: string): FieldType | null {
  const m = /^([a-z_]+?)(\d+)$/.exec(key)
  if (!m) return null
  return (FIELD_TYPES as readonly string[]).includes(m[1]) ? (m[1] as FieldType) : null
}

/** Cuts to `max` characters (not UTF-16 units: 汉字 and emoji count one), marking a cut with `…`. */
function cut(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…'
}

/** Cuts without a mark, for types whose alphabet has no `…`. */
const head = (text: string, max: number): string => [...text].slice(0, max).join('')

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim()

const asDate = (value: string | number | Date): Date | null => {
  const d = value instanceof Date ? value : new Date(value)
  return Number.isNaN(d.getTime()) ? null : d
}

/**
 * A value cut to its keyword's format. Times and dates are written in Asia/Shanghai in the form
 * WeChat's table shows (`2026年3月1日 15:01`). Text that cannot be put in a type at all (letters
 * for a number) comes back as what is left after the foreign characters are removed, which may
 * be empty: the sender then leaves the message in 消息 only rather than send something wrong.
 */
export function fitField(key: string, value: string | number | Date): string {
  const type = fieldTypeOf(key)
  if (!type) throw new Error(`not a subscription message keyword: ${key}`)
  if (type === 'time' || type === 'date') {
    const d = asDate(value)
    if (!d) return ''
    return formatShanghai(d, type === 'time' ? 'YYYY年M月D日 HH:mm' : 'YYYY年M月D日')
  }
  const text = oneLine(value instanceof Date ? formatShanghai(value) : String(value))
  switch (type) {
    case 'thing':
      // 20 characters of anything.
      return cut(text, 20)
    case 'phrase':
      // Up to 5 汉字, nothing else (no digits, letters or punctuation).
      return head(text.replace(/[^\u4e00-\u9fa5]/g, ''), 5)
    case 'number': {
      // Digits with at most one decimal point, 32 at most.
      const m = /-?\d+(\.\d+)?/.exec(text.replace(/,/g, ''))
      return m ? head(m[0], 32) : ''
    }
    case 'letter':
      return head(text.replace(/[^A-Za-z]/g, ''), 32)
    case 'symbol':
      return head(text.replace(/[A-Za-z0-9\u4e00-\u9fa5\s]/g, ''), 5)
    case 'character_string':
      // Letters, digits and symbols, 32 at most (no 汉字).
      return head(text.replace(/[^\x21-\x7e]/g, ''), 32)
    case 'amount': {
      // A number with up to two decimals and one currency word: `12.50元`.
      const m = /\d+(\.\d{1,2})?/.exec(text.replace(/,/g, ''))
      return m ? `${head(m[0], 10)}元` : ''
    }
    case 'phone_number':
      return head(text.replace(/[^\d+-]/g, ''), 17)
    case 'car_number':
      return head(text.replace(/\s/g, ''), 8)
    case 'name': {
      // 10 汉字, or 20 letters.
      return /[\u4e00-\u9fa5]/.test(text) ? head(text.replace(/[^\u4e00-\u9fa5·]/g, ''), 10) : head(text.replace(/[^A-Za-z ]/g, ''), 20)
    }
  }
}

/** A template's data block: `{ thing1: { value } … }`, every value fitted. */
export function templateData(fields: Readonly<Record<string, string | number | Date>>): Record<string, { value: string }> {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, { value: fitField(key, value) }]))
}
