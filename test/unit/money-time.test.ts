import { fen, formatYuan, parseYuan } from '@shared/domain/money'
import { formatShanghai, shanghaiDayStart, shanghaiYear } from '@shared/domain/time'

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
