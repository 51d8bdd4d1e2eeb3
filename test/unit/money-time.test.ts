import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { fen, formatMoney, formatYuan, parseYuan, yuanText } from '@shared/domain/money'
import {
  calendarDayText,
  clockText,
  dateRangeText,
  dateTimeText,
  dayText,
  formatShanghai,
  periodText,
  shanghaiDayStart,
  shanghaiYear,
  timeRangeText,
} from '@shared/domain/time'

describe('money in 分, shown in 元', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [100000, '1000.00'],
    [123456, '1234.56'],
    [-250, '-2.50'],
  ])('%i 分 → %s 元', (amount, text) => expect(formatYuan(amount)).toBe(text))

  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['12.50', 1250],
    [' 0.01 ', 1],
    ['-3.2', -320],
  ])('parses %j as %i 分', (text, amount) => expect(parseYuan(text)).toBe(amount))

  it.each(['', '1.234', 'abc', '1,000', '1e3', '.5'])('refuses %j', (text) => expect(parseYuan(text)).toBeNull())

  it('refuses fractional 分', () => expect(() => fen(1.5)).toThrow('整数'))
})

describe('calendar in Asia/Shanghai', () => {
  // 2026-12-31 17:00 UTC is already 2027-01-01 01:00 in Shanghai.
  const newYearInShanghai = new Date('2026-12-31T17:00:00Z')

  it('the year turns at Shanghai midnight, not UTC midnight', () => {
    expect(shanghaiYear(newYearInShanghai)).toBe(2027)
    expect(shanghaiYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026)
  })

  it('formats in Shanghai time', () => {
    expect(formatShanghai(newYearInShanghai)).toBe('2027-01-01 01:00')
  })

  it('a Shanghai day starts at 16:00 UTC the day before', () => {
    expect(shanghaiDayStart(newYearInShanghai).toISOString()).toBe('2026-12-31T16:00:00.000Z')
  })
})

describe('the house date style (dayText, dateTimeText, ranges) in Asia/Shanghai', () => {
  const now = new Date('2026-12-05T09:43:00+08:00')

  it('writes a moment as 「12月13日 周日 08:30」, the year only when it is not this year', () => {
    expect(dateTimeText('2026-12-13T00:30:00Z', now)).toBe('12月13日 周日 08:30')
    expect(dayText(new Date('2026-12-13T00:30:00Z'), now)).toBe('12月13日 周日')
    expect(dateTimeText('2025-12-13T00:30:00Z', now)).toBe('2025年12月13日 周六 08:30')
    expect(dateTimeText(Date.parse('2027-01-01T00:00:00+08:00'), now)).toBe('2027年1月1日 周五 00:00')
    expect(clockText('2026-12-13T00:05:00Z')).toBe('08:05')
  })

  it('"this year" is the Shanghai year: on 1 January 01:00 in Shanghai, 31 December is last year', () => {
    const newYearMorning = new Date('2026-12-31T17:00:00Z') // 2027-01-01 01:00 in Shanghai
    expect(dayText('2026-12-31T12:00:00+08:00', newYearMorning)).toBe('2026年12月31日 周四')
    expect(dayText('2027-01-01T00:30:00+08:00', newYearMorning)).toBe('1月1日 周五')
  })

  it('ranges within a day keep one date and both times', () => {
    expect(timeRangeText('2026-12-13T08:30:00+08:00', '2026-12-13T11:30:00+08:00', now)).toBe('12月13日 周日 08:30—11:30')
  })

  it('ranges across days write both days', () => {
    expect(timeRangeText('2026-12-13T08:30:00+08:00', '2026-12-14T17:00:00+08:00', now)).toBe('12月13日 08:30—12月14日 17:00')
    expect(dateRangeText('2026-01-01T00:00:00+08:00', '2026-12-31T23:59:00+08:00', now)).toBe('1月1日—12月31日')
    expect(dateRangeText('2026-03-08T09:00:00+08:00', '2026-03-08T18:00:00+08:00', now)).toBe('3月8日')
  })

  it('ranges across years write each year; a range wholly in another year writes it once', () => {
    expect(dateRangeText('2026-12-20T00:00:00+08:00', '2027-01-10T23:59:00+08:00', now)).toBe('2026年12月20日—2027年1月10日')
    expect(timeRangeText('2026-12-31T20:00:00+08:00', '2027-01-01T02:00:00+08:00', now)).toBe('2026年12月31日 20:00—2027年1月1日 02:00')
    expect(dateRangeText('2027-01-01T00:00:00+08:00', '2027-01-05T23:59:00+08:00', now)).toBe('2027年1月1日—1月5日')
  })

  it('a window of whole days reads as days, any other window keeps its times', () => {
    expect(periodText('2026-09-20T00:00:00+08:00', '2026-10-08T23:59:59.999+08:00', now)).toBe('9月20日—10月8日')
    expect(periodText('2026-09-20T09:00:00+08:00', '2026-10-08T18:00:00+08:00', now)).toBe('9月20日 09:00—10月8日 18:00')
  })

  it('calendar dates (YYYY-MM-DD) read the same way, without a weekday', () => {
    expect(calendarDayText('2026-05-12', now)).toBe('5月12日')
    expect(calendarDayText('2015-03-01', now)).toBe('2015年3月1日')
    expect(calendarDayText('', now)).toBe('')
  })

  it('refuses something that is not a time instead of printing NaN', () => {
    expect(() => dayText('not a date', now)).toThrow(RangeError)
  })

  // Jest's process.env is a copy, so each zone runs the formatter in a child process set to it.
  it.each(['America/New_York', 'Pacific/Kiritimati', 'UTC', 'Asia/Shanghai'])('writes the Shanghai date and time on a machine (or phone) set to %s', (zone) => {
    const script = `
      const t = require('./shared/domain/time')
      const now = new Date('2026-12-05T09:43:00+08:00')
      console.log(JSON.stringify([
        new Date('2026-12-12T16:30:00Z').getTimezoneOffset(),
        t.dateTimeText('2026-12-12T16:30:00Z', now),
        t.timeRangeText('2026-03-08T15:00:00Z', '2026-03-08T17:00:00Z', now),
        t.calendarDayText('2026-03-08', now),
        t.shanghaiDayStart(new Date('2026-03-08T17:00:00Z')).toISOString(),
        t.inShanghai('2026-03-09T03:55:00+08:00').endOf('day').toISOString(),
      ]))`
    const res = spawnSync(process.execPath, [require.resolve('tsx/cli'), '-e', script], {
      cwd: join(__dirname, '..', '..'),
      env: { ...process.env, TZ: zone },
      encoding: 'utf8',
    })
    expect(res.stderr).toBe('')
    const [offset, ...texts] = JSON.parse(res.stdout) as [number, ...string[]]
    // The zone really is in force there (Shanghai is 480 minutes ahead of UTC, the others are not).
    expect(offset === -480).toBe(zone === 'Asia/Shanghai')
    // 16:30 UTC on 12 December is 00:30 on 13 December in Shanghai (and still the 12th in New York).
    expect(texts).toEqual(['12月13日 周日 00:30', '3月8日 23:00—3月9日 01:00', '3月8日', '2026-03-08T16:00:00.000Z', '2026-03-09T15:59:59.999Z'])
  })
})

describe('money on screen: 元 with thousands separators', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [100000, '1,000.00'],
    [48900000, '489,000.00'],
    [123456789012, '1,234,567,890.12'],
    [-250000, '-2,500.00'],
  ])('%i 分 → %s', (amount, text) => expect(formatMoney(amount)).toBe(text))

  it('yuanText adds the unit; forms keep the plain formatYuan, which parseYuan reads back', () => {
    expect(yuanText(48900000)).toBe('489,000.00 元')
    expect(parseYuan(formatYuan(48900000))).toBe(48900000)
  })
})
