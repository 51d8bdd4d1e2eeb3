/**
 * The funds pages' pure helpers: 元 typed → 分, totals, execution rates, bar widths, audit actions
 * in Chinese words, the budget form's changed lines, the expense form's items.
 */
import { currentYear, itemsTotal, signedYuan, timeText, yearParam, yuanInput } from '../../client/src/constants/funds'
import { actionLabel, barWidths, checkText, executionRate, isOver, lastSeenText, MIN_PART_PERCENT, rateText } from '../../client/src/packages/funds/shared/view'
import { auditHeadText } from '../../client/src/pages/funds-public/head-text'
import { budgetChangesOf, lineOfField, typedOf, typedTotal } from '../../client/src/packages/funds/budget/form'
import { INVOICE_PHOTOS, itemOf, itemsOf, liveTotal, newItem, rowOfField, subtotalOf, MAX_INVOICES } from '../../client/src/packages/organizer/expense/form'
import { toPhotos } from '../../client/src/components/photos/photo-model'
import { publicBarWidth } from '../../client/src/pages/funds-public/bars'
import { dateTimeText } from '@shared/domain/time'

describe('元 typed → 分', () => {
  it('reads whole 元, one or two decimals, spaces and thousands commas', () => {
    expect(yuanInput('1200')).toEqual({ fen: 120000 })
    expect(yuanInput(' 12.5 ')).toEqual({ fen: 1250 })
    expect(yuanInput('0.01')).toEqual({ fen: 1 })
    expect(yuanInput('150,000.50')).toEqual({ fen: 15000050 })
  })

  it('says what is wrong: blank, letters, three decimals, negative, zero where it must be more', () => {
    expect(yuanInput('')).toEqual({ problem: '请填写金额' })
    expect(yuanInput('十二')).toEqual({ problem: '请填写数字，最多两位小数，如 1200 或 1200.50' })
    expect(yuanInput('1.005')).toEqual({ problem: '请填写数字，最多两位小数，如 1200 或 1200.50' })
    expect(yuanInput('-5')).toEqual({ problem: '金额不能为负数' })
    expect(yuanInput('0')).toEqual({ problem: '金额必须大于 0' })
    expect(yuanInput('0', { allowZero: true })).toEqual({ fen: 0 })
  })

  it('shows changes with their direction, and totals items', () => {
    expect(signedYuan(30000)).toBe('+300.00')
    expect(signedYuan(-30000)).toBe('-300.00')
    expect(signedYuan(0)).toBe('0.00')
    expect(
      itemsTotal([
        { quantity: 20, unitPrice: 250 },
        { quantity: 1, unitPrice: 12000 },
      ]),
    ).toBe(17000)
  })

  it('knows the year in Shanghai and reads it from a link', () => {
    // 2025-12-31 17:00 UTC is already 2026 in Shanghai.
    expect(currentYear(new Date('2025-12-31T17:00:00Z'))).toBe(2026)
    expect(yearParam('2024', new Date('2026-03-01T00:00:00Z'))).toBe(2024)
    expect(yearParam(undefined, new Date('2026-03-01T00:00:00Z'))).toBe(2026)
    expect(yearParam('abc', new Date('2026-03-01T00:00:00Z'))).toBe(2026)
    expect(timeText('2026-05-12T02:15:00.000Z', new Date('2026-06-01T00:00:00Z'))).toBe('5月12日 周二 10:15')
    expect(timeText('2025-05-12T02:15:00.000Z', new Date('2026-06-01T00:00:00Z'))).toBe('2025年5月12日 周一 10:15')
  })
})

describe('execution', () => {
  it('rate is (committed + spent) ÷ budget, as in the report', () => {
    expect(executionRate({ budget: 200000, committed: 50000, spent: 75000 })).toBe(62.5)
    expect(rateText({ budget: 200000, committed: 50000, spent: 75000 })).toBe('62.5%')
    expect(rateText({ budget: 0, committed: 0, spent: 0 })).toBe('—')
    expect(rateText({ budget: 0, committed: 0, spent: 100 })).toBe('未编预算')
    expect(isOver({ budget: 100, committed: 60, spent: 50 })).toBe(true)
    expect(isOver({ budget: 100, committed: 50, spent: 50 })).toBe(false)
  })

  it('bar widths: parts of the budget, overruns fill the bar, tiny parts still show, never past 100', () => {
    expect(barWidths([75000, 50000], 200000)).toEqual([37.5, 25])
    expect(barWidths([0, 0], 200000)).toEqual([0, 0])
    expect(barWidths([0, 0], 0)).toEqual([0, 0])
    // Over budget: the parts share the whole bar.
    expect(barWidths([150, 50], 100)).toEqual([75, 25])
    // No budget but money moved: the bar is full.
    expect(barWidths([100], 0)).toEqual([100])
    // 1 元 of 180000 元 is still visible.
    expect(barWidths([100, 0], 18_000_000)).toEqual([MIN_PART_PERCENT, 0])
    // Negative (a correction) draws nothing.
    expect(barWidths([-500, 500], 1000)).toEqual([0, 50])
    const widths = barWidths([333, 333, 334], 1000)
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(100)
    expect(barWidths([99_999, 1], 100_000)).toEqual([99, 1])
  })

  it('公开栏 bars are relative to the largest line', () => {
    expect(publicBarWidth(50, 200)).toBe(25)
    expect(publicBarWidth(200, 200)).toBe(100)
    expect(publicBarWidth(1, 1_000_000)).toBe(1)
    expect(publicBarWidth(0, 200)).toBe(0)
    expect(publicBarWidth(-10, 200)).toBe(0)
  })
})

describe('audit actions in words', () => {
  it('maps every code the backend writes, hardship steps too, and falls back to the code', () => {
    expect(actionLabel('budget.set')).toBe('调整年度预算')
    expect(actionLabel('expense.approve')).toBe('通过活动报销')
    expect(actionLabel('expense.reject')).toBe('退回活动报销')
    expect(actionLabel('ledger.seal')).toBe('封存分录（供校验）')
    expect(actionLabel('ledger.correct')).toBe('冲正分录')
    expect(actionLabel('year.close')).toBe('年度结账')
    expect(actionLabel('campaign.create')).toBe('新建福利发放')
    expect(actionLabel('roles.set')).toBe('设置会员角色')
    expect(actionLabel('hardship.pay')).toBe('发放帮扶慰问金')
    expect(actionLabel('hardship.approve')).toBe('批准帮扶申请')
    expect(actionLabel('hardship.somethingNew')).toBe('帮扶慰问（somethingNew）')
    expect(actionLabel('point.create')).toBe('point.create')
  })

  it('says whether the chain is intact, or where it broke and why', () => {
    const none = { truncation: null, lastSeen: null, head: null }
    expect(checkText({ ok: true, checked: 12, brokenAt: null, reason: null, ...none })).toBe('完整（已校验 12 条）')
    expect(checkText({ ok: false, checked: 2, brokenAt: 3, reason: '缺少第 3 条记录', ...none })).toBe('第 3 条记录有问题：缺少第 3 条记录')
  })

  it('says when the newest records were cut off, and what the previous check saw', () => {
    const cut = {
      ok: false,
      checked: 10,
      brokenAt: 11,
      reason: '账目记录应有 12 条，现在只有 10 条',
      truncation: { against: 'head' as const, expectedSeq: 12, actualSeq: 10 },
      lastSeen: null,
      head: null,
    }
    expect(checkText(cut)).toBe('最新的账目记录不见了：账目记录应有 12 条，现在只有 10 条')
    expect(lastSeenText(cut)).toBe('这是您第一次校验，本次结果会记下，下次校验时用来比对')
    expect(lastSeenText({ ...cut, lastSeen: { seq: 12, fingerprint: 'ab12cd34', at: '2026-05-10T02:15:00.000Z' } })).toBe(
      `您上次校验（${dateTimeText('2026-05-10T02:15:00.000Z', new Date())}）时共 12 条，最新指纹 ab12cd34`,
    )
  })

  it('公开栏 words the audit chain’s head for members', () => {
    expect(auditHeadText({ seq: 42, fingerprint: 'ab12cd34', at: '2026-05-10T16:15:00.000Z' }, new Date('2026-06-01T00:00:00Z'))).toBe(
      '账目记录共 42 条，最新指纹 ab12cd34，更新于 5月11日 周一 00:15',
    )
  })
})

describe('预算编制 form', () => {
  const lines = [
    { line: 'activities' as const, budget: 15_000_000 },
    { line: 'holiday' as const, budget: 0 },
  ]

  it('starts from the amounts as they stand and sends only the changed lines', () => {
    const typed = typedOf(lines)
    expect(typed).toEqual({ activities: '150000.00', holiday: '0.00' })
    expect(budgetChangesOf(lines, typed)).toEqual({ changes: {} })
    expect(budgetChangesOf(lines, { ...typed, holiday: '500' })).toEqual({ changes: { holiday: 50000 } })
    expect(typedTotal(lines, { ...typed, holiday: '500' })).toBe(15_050_000)
    // What cannot be read yet counts as it stands.
    expect(typedTotal(lines, { ...typed, holiday: 'x' })).toBe(15_000_000)
  })

  it('names the line to fix; zero is a budget, negative is not', () => {
    expect(budgetChangesOf(lines, { activities: '0', holiday: '-1' })).toEqual({ errors: { holiday: '金额不能为负数' } })
    expect(budgetChangesOf(lines, { activities: '0' })).toEqual({ changes: { activities: 0 } })
    expect(lineOfField('lines.holiday', ['activities', 'holiday'])).toBe('holiday')
    expect(lineOfField('year', ['activities', 'holiday'])).toBeNull()
    expect(lineOfField(undefined, ['activities'])).toBeNull()
  })
})

describe('报销费用 form', () => {
  const row = (name: string, quantity: string, unitPrice: string) => ({ ...newItem(), name, quantity, unitPrice })

  it('turns rows in 元 into items in 分, with a live total', () => {
    const rows = [row('矿泉水', '20', '2.5'), row('横幅', '1', '120')]
    expect(itemsOf(rows)).toEqual({
      items: [
        { name: '矿泉水', quantity: 20, unitPrice: 250 },
        { name: '横幅', quantity: 1, unitPrice: 12000 },
      ],
    })
    expect(subtotalOf(rows[0])).toBe(5000)
    expect(liveTotal(rows)).toBe(17000)
    // A row still being typed does not count yet.
    expect(liveTotal([...rows, row('奖品', '2', '')])).toBe(17000)
  })

  it('says what to fix by row: name, quantity, unit price (the server’s wording), an empty list', () => {
    expect(itemOf(row('', '1', '1'))).toEqual({ problem: '请填写名称' })
    expect(itemOf(row('水', '0', '1'))).toEqual({ problem: '数量请填 1 到 100000 的整数' })
    expect(itemOf(row('水', '1.5', '1'))).toEqual({ problem: '数量请填 1 到 100000 的整数' })
    expect(itemOf(row('水', '1', '0'))).toEqual({ problem: '单价：金额必须大于 0' })
    expect(itemOf(row('水', '1', '20000000'))).toEqual({ problem: '单价：金额不能超过 10,000,000.00 元，请核对' })
    const bad = row('水', '1', 'abc')
    expect(itemsOf([row('矿泉水', '1', '2'), bad])).toEqual({ errors: { [bad.key]: '单价：请填写数字，最多两位小数，如 1200 或 1200.50' } })
    expect(itemsOf([])).toEqual({ errors: { _: '请至少填写一项费用' } })
  })

  it('finds the row the server refused by its index', () => {
    const rows = [row('a', '1', '1'), row('b', '1', '1')]
    expect(rowOfField('items.1.unitPrice', rows)).toBe(rows[1].key)
    expect(rowOfField('items', rows)).toBeNull()
    expect(rowOfField('invoiceFileIds', rows)).toBeNull()
  })

  it('keeps at most nine invoice photos and drops ones over 20 MB', () => {
    const files = Array.from({ length: 4 }, (_, i) => ({ path: `/tmp/p${i}.jpg`, size: 1000 }))
    const big = { path: '/tmp/big.jpg', size: 30 * 1024 * 1024 }
    const res = toPhotos([...files, big], MAX_INVOICES - 2, INVOICE_PHOTOS)
    expect(res.photos.map((p) => p.name)).toEqual(['p0.jpg', 'p1.jpg'])
    expect(res.photos[0]).toMatchObject({ path: '/tmp/p0.jpg', preview: '/tmp/p0.jpg' })
    // The toast says the size first, then the count.
    expect(res.refused).toBe('有 1 张照片超过 20 MB，没有加入')
    expect(toPhotos(files, MAX_INVOICES - 2, INVOICE_PHOTOS).refused).toBe('最多 9 张发票照片')
    expect(toPhotos([{ path: '/tmp/' }], 0, INVOICE_PHOTOS).photos[0].name).toBe('invoice.jpg')
  })
})
