import {
  amountProblem,
  execution,
  lineForAid,
  lineForBenefit,
  quarterOf,
  remainderProblem,
  selfApprovalProblem,
  spendingByQuarter,
  type Movement,
} from '@shared/domain/funds'

const at = (text: string) => new Date(`${text}+08:00`)
const spend = (line: Movement['line'], amount: number, when: string): Movement => ({ line, committed: 0, spent: amount, at: at(when) })

describe('postings', () => {
  it('refuses zero, negative, fractional and absurd amounts in words', () => {
    expect(amountProblem(1)).toBeNull()
    expect(amountProblem(0)).toBe('金额必须大于 0')
    expect(amountProblem(-100)).toBe('金额必须大于 0')
    expect(amountProblem(12.5)).toBe('金额必须精确到分')
    expect(amountProblem(1_000_000_001)).toBe('金额不能超过 10,000,000.00 元，请核对')
  })

  it('shows both numbers when a line has too little left, and refuses self-approval', () => {
    expect(remainderProblem('care', 30_000, 50_000)).toBe('超出「会员慰问」预算余额：余额 300.00 元，本次 500.00 元')
    expect(remainderProblem('care', -500, 100)).toBe('超出「会员慰问」预算余额：余额 0.00 元，本次 1.00 元')
    expect(remainderProblem('care', 50_000, 50_000)).toBeNull()
    expect(selfApprovalProblem('m1', 'm1')).toBe('不能审批自己提交的报销，请由另一位管理员审批')
    expect(selfApprovalProblem('m1', 'm2')).toBeNull()
  })

  it('knows which line a source draws on', () => {
    expect([lineForBenefit('cake'), lineForBenefit('holiday'), lineForBenefit('other')]).toEqual(['cake', 'holiday', 'other'])
    expect([lineForAid('care'), lineForAid('hardship')]).toEqual(['care', 'hardship'])
  })
})

describe('execution', () => {
  it('sums committed and spent per line against the budget', () => {
    const rows = execution({ holiday: 100_000 }, [
      { line: 'holiday', committed: 60_000, spent: 0, at: at('2026-01-10T10:00:00') },
      { line: 'holiday', committed: -20_000, spent: 20_000, at: at('2026-02-10T10:00:00') },
      spend('activities', 5_000, '2026-03-01T10:00:00'),
    ])
    expect(rows.find((r) => r.line === 'holiday')).toEqual({
      line: 'holiday',
      name: '节日慰问品',
      budget: 100_000,
      committed: 40_000,
      spent: 20_000,
      remaining: 40_000,
    })
    // Spending on a line without a budget shows as overspent, not hidden.
    expect(rows.find((r) => r.line === 'activities')).toMatchObject({ budget: 0, spent: 5_000, remaining: -5_000 })
    expect(rows).toHaveLength(7)
  })

  it('puts a payment in its Shanghai quarter', () => {
    expect(quarterOf(at('2026-03-31T23:30:00'))).toBe(1)
    expect(quarterOf(new Date('2026-03-31T16:30:00Z'))).toBe(2) // 00:30 on 1 April in Shanghai
    expect(quarterOf(at('2026-12-31T12:00:00'))).toBe(4)
  })
})

describe('公开栏', () => {
  it('publishes lines per quarter, and the grand total of what is shown', () => {
    const out = spendingByQuarter([
      spend('activities', 1_000, '2026-02-01T10:00:00'),
      spend('activities', 2_000, '2026-05-01T10:00:00'),
      spend('holiday', 30_000, '2026-09-20T10:00:00'),
    ])
    expect(out.lines.find((l) => l.line === 'activities')).toMatchObject({ quarters: [1_000, 2_000, 0, 0], total: 3_000 })
    expect(out).toMatchObject({ total: 33_000, heldBack: false })
  })

  it('holds back an aid line with fewer than three payments, and leaves it out of the grand total', () => {
    const few = spendingByQuarter([spend('care', 80_000, '2026-11-05T10:00:00'), spend('activities', 1_000, '2026-02-01T10:00:00')])
    expect(few.lines.find((l) => l.line === 'care')).toEqual({ line: 'care', name: '会员慰问', quarters: [null, null, null, null], total: null })
    expect(few).toMatchObject({ total: 1_000, heldBack: true })
    const many = spendingByQuarter([1, 2, 3].map((i) => spend('hardship', i * 10_000, `2026-0${i}-01T10:00:00`)))
    // Enough payments: a yearly total, still never per quarter.
    expect(many.lines.find((l) => l.line === 'hardship')).toEqual({ line: 'hardship', name: '困难帮扶', quarters: [null, null, null, null], total: 60_000 })
    expect(many.heldBack).toBe(false)
  })
})
