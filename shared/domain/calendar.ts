/** Calendar-date text checks, free of any date library (the contract ships them to the mini-program). */

/** Calendar dates the union records (joining, visits, payments, group events) fall in this range. */
export const EARLIEST_YEAR = 1900
export const LATEST_YEAR = 2100

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

/** `YYYY-MM-DD` naming a real day between 1900 and 2100: 2026-02-30 and 9999-99-99 are not. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (y < EARLIEST_YEAR || y > LATEST_YEAR || mo < 1 || mo > 12 || d < 1) return false
  return d <= (mo === 2 && !isLeapYear(y) ? 28 : DAYS_IN_MONTH[mo - 1])
}

/** `MM-DD` of a birthday: any day some year has, so 02-29 is one and 02-30 is not. */
export function isMonthDay(text: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(text)
  if (!m) return false
  const [mo, d] = [Number(m[1]), Number(m[2])]
  return mo >= 1 && mo <= 12 && d >= 1 && d <= DAYS_IN_MONTH[mo - 1]
}
