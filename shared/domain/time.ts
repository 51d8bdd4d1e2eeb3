import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/** The union lives in Asia/Shanghai; functions run in UTC and phones in any zone. Every calendar rule and every date a person reads goes through here. */
export const UNION_TZ = 'Asia/Shanghai'

/**
 * Shanghai keeps +08:00 all year (no summer time since 1991), so a fixed offset gives union time on
 * any machine without Intl time-zone data (some WeChat runtimes lack it, and dayjs' timezone plugin
 * gets day ends wrong on a machine whose own zone changes clocks).
 */
export const SHANGHAI_OFFSET_MINUTES = 480
export const SHANGHAI_OFFSET = '+08:00'
const OFFSET_MS = SHANGHAI_OFFSET_MINUTES * 60_000

export const inShanghai = (at: Date | number | string) => dayjs(at).utcOffset(SHANGHAI_OFFSET_MINUTES)

/** The calendar year in Shanghai at a given instant (a cake voucher's "this year"). */
export const shanghaiYear = (at: Date): number => inShanghai(at).year()

/**
 * `YYYY-MM-DD HH:mm` in Shanghai: sortable, for spreadsheets, file names and comparisons — not for
 * screens or messages (those use the house style below).
 */
export const formatShanghai = (at: Date | number | string, pattern = 'YYYY-MM-DD HH:mm'): string => inShanghai(at).format(pattern)

/** Start of the Shanghai day containing `at`, as an instant. */
export const shanghaiDayStart = (at: Date): Date => inShanghai(at).startOf('day').toDate()

// —— The house style for people: 「12月13日 周日 08:30」 ——————————————————————————————————————
// The year is written only when it is not this year (in Shanghai); ranges are joined with 「—」.
// Pure arithmetic on the instant plus eight hours: no library, the same text on every phone.

export type Instant = Date | number | string

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const

interface Parts {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly weekday: number
  readonly hour: number
  readonly minute: number
}

function partsOf(at: Instant): Parts {
  const ms = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at)
  if (!Number.isFinite(ms)) throw new RangeError(`不是有效的时间：${String(at)}`)
  const d = new Date(ms + OFFSET_MS)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay(), hour: d.getUTCHours(), minute: d.getUTCMinutes() }
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n))
const clock = (p: Parts) => `${two(p.hour)}:${two(p.minute)}`
const monthDay = (p: Pick<Parts, 'month' | 'day'>, year: number | null) => `${year === null ? '' : `${year}年`}${p.month}月${p.day}日`
const sameDay = (a: Parts, b: Parts) => a.year === b.year && a.month === b.month && a.day === b.day
const yearUnless = (p: Pick<Parts, 'year'>, now: Instant) => (p.year === partsOf(now).year ? null : p.year)

/** 「12月13日 周日」, 「2025年12月13日 周六」 when not this year. */
export function dayText(at: Instant, now: Instant): string {
  const p = partsOf(at)
  return `${monthDay(p, yearUnless(p, now))} ${WEEKDAYS[p.weekday]}`
}

/** 「12月13日 周日 08:30」. */
export const dateTimeText = (at: Instant, now: Instant): string => `${dayText(at, now)} ${clock(partsOf(at))}`

/** 「08:30」 in Shanghai. */
export const clockText = (at: Instant): string => clock(partsOf(at))

/**
 * Years for the two ends of a range: none when both are this year; written once when both fall in
 * the same other year (「2027年1月1日—1月5日」); on both ends when the range crosses a new year.
 */
function rangeYears(s: Parts, e: Parts, now: Instant): [number | null, number | null] {
  if (s.year !== e.year) return [s.year, e.year]
  return [yearUnless(s, now), null]
}

/** Days only: 「1月1日—12月31日」; one day: 「12月13日」. */
export function dateRangeText(from: Instant, to: Instant, now: Instant): string {
  const s = partsOf(from)
  const e = partsOf(to)
  const [sy, ey] = rangeYears(s, e, now)
  if (sameDay(s, e)) return monthDay(s, sy)
  return `${monthDay(s, sy)}—${monthDay(e, ey)}`
}

/** With times: 「12月13日 周日 08:30—11:30」 within a day, 「12月13日 08:30—12月14日 17:00」 across days. */
export function timeRangeText(from: Instant, to: Instant, now: Instant): string {
  const s = partsOf(from)
  const e = partsOf(to)
  if (sameDay(s, e)) return `${dateTimeText(from, now)}—${clock(e)}`
  const [sy, ey] = rangeYears(s, e, now)
  return `${monthDay(s, sy)} ${clock(s)}—${monthDay(e, ey)} ${clock(e)}`
}

/**
 * A window such as a voucher's redemption period: whole days (from 00:00 to 23:59) read as days
 * only, 「9月20日—10月8日」; anything else keeps its times.
 */
export function periodText(from: Instant, to: Instant, now: Instant): string {
  const s = partsOf(from)
  const e = partsOf(to)
  const wholeDays = s.hour === 0 && s.minute === 0 && e.hour === 23 && e.minute === 59
  return wholeDays ? dateRangeText(from, to, now) : timeRangeText(from, to, now)
}

/**
 * A calendar date the union records as `YYYY-MM-DD` (joining, payment, visit dates): 「5月12日」,
 * 「2015年3月1日」 when not this year. Text that is not such a date comes back unchanged.
 */
export function calendarDayText(date: string, now: Instant): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return date
  const year = Number(m[1])
  return monthDay({ month: Number(m[2]), day: Number(m[3]) }, year === partsOf(now).year ? null : year)
}

/** Date-string checks live apart from dayjs so the contract can use them without pulling it in. */
export { EARLIEST_YEAR, LATEST_YEAR, isCalendarDate, isMonthDay } from './calendar'
