import { birthdayVoucherWindow, faceValueProblem, isEligible, maskName, redeemRefusal, voucherState, type VoucherFacts } from '@shared/domain/benefits'

const at = (text: string) => new Date(`${text}+08:00`)
const voucher: VoucherFacts = {
  status: 'issued',
  needsChoice: true,
  optionId: null,
  claimClosesAt: at('2026-12-10T18:00:00'),
  redeemFrom: at('2026-12-15T00:00:00'),
  redeemUntil: at('2026-12-31T23:59:59'),
}

describe('face values', () => {
  it('a cake voucher at most 300 元; holiday gifts within 2000 元 a year; both numbers shown', () => {
    expect(faceValueProblem('cake', 30_000, 0)).toBeNull()
    expect(faceValueProblem('cake', 30_001, 0)).toBe('生日蛋糕券面值不能超过 300.00 元（填写的是 300.01 元）')
    expect(faceValueProblem('holiday', 50_000, 150_000)).toBeNull()
    expect(faceValueProblem('holiday', 50_001, 150_000)).toBe('全年节日慰问品合计不能超过 2,000.00 元：本年已发 1,500.00 元，最多还能发 500.00 元')
    expect(faceValueProblem('other', 0, 0)).toBe('面值要大于 0')
  })
})

describe('eligibility', () => {
  it('active members always; retirees when included; departments when listed', () => {
    const e = { includeRetired: false, departmentIds: [] }
    expect(isEligible(e, { status: '在职', departmentId: 'd1' })).toBe(true)
    expect(isEligible(e, { status: '退休', departmentId: 'd1' })).toBe(false)
    expect(isEligible({ ...e, includeRetired: true }, { status: '退休', departmentId: 'd1' })).toBe(true)
    expect(isEligible({ includeRetired: true, departmentIds: ['d2'] }, { status: '在职', departmentId: 'd1' })).toBe(false)
    expect(isEligible({ includeRetired: true, departmentIds: [] }, { status: '离会', departmentId: 'd1' })).toBe(false)
  })
})

describe('a voucher as its holder sees it', () => {
  it('to choose, then not yet, then ready, used or expired', () => {
    expect(voucherState(voucher, at('2026-12-01T10:00:00'))).toBe('choose')
    expect(voucherState(voucher, at('2026-12-11T10:00:00'))).toBe('expired') // never chose in time
    const chosen = { ...voucher, optionId: 'o1' }
    expect(voucherState(chosen, at('2026-12-01T10:00:00'))).toBe('upcoming')
    expect(voucherState(chosen, at('2026-12-20T10:00:00'))).toBe('ready')
    expect(voucherState({ ...chosen, status: 'redeemed' }, at('2027-01-05T10:00:00'))).toBe('used')
    expect(voucherState(chosen, at('2027-01-01T00:00:01'))).toBe('expired')
  })

  it('says why it cannot be redeemed now, with the time in Shanghai', () => {
    const chosen = { ...voucher, optionId: 'o1' }
    expect(redeemRefusal(chosen, at('2026-12-20T10:00:00'))).toBeNull()
    expect(redeemRefusal(chosen, at('2026-12-14T10:00:00'))).toBe('该券 12月15日 周二 00:00 起才能使用')
    expect(redeemRefusal(chosen, at('2027-01-01T08:00:00'))).toBe('该券已于 2026年12月31日 周四 23:59 过期')
    expect(redeemRefusal({ ...chosen, status: 'redeemed' }, at('2026-12-20T10:00:00'))).toBe('该券已使用')
    expect(redeemRefusal(voucher, at('2026-12-20T10:00:00'))).toBe('还没有选择礼品，请先在「福利」里选择')
  })

  it('masks a name enough for a clerk, not a roster', () => {
    expect(maskName('王芳')).toBe('王*')
    expect(maskName('张小明')).toBe('张*明')
    expect(maskName('欧阳娜娜')).toBe('欧**娜')
    expect(maskName('李')).toBe('李')
  })
})

describe('a birthday voucher is valid around the birthday, not all year', () => {
  const campaign = {
    claimClosesAt: new Date('2026-12-31T15:59:59Z'),
    redeemFrom: new Date('2025-12-31T16:00:00Z'),
    redeemUntil: new Date('2026-12-31T15:59:59Z'),
  }
  it('issued on 3月1日: usable 3月1日 to the end of April (Shanghai)', () => {
    expect(birthdayVoucherWindow(campaign, new Date('2026-03-01T00:05:00Z'))).toEqual({
      redeemFrom: new Date('2026-02-28T16:00:00Z'),
      redeemUntil: new Date('2026-04-30T15:59:59Z'),
      claimClosesAt: new Date('2026-04-30T15:59:59Z'),
    })
  })
  it('issued in December: capped by the campaign’s own end', () => {
    expect(birthdayVoucherWindow(campaign, new Date('2026-12-05T03:00:00Z'))).toEqual({
      redeemFrom: new Date('2026-11-30T16:00:00Z'),
      redeemUntil: campaign.redeemUntil,
      claimClosesAt: campaign.redeemUntil,
    })
  })
})
