import type { Subject } from '@shared/domain/authorization'
import {
  DEFAULT_CATEGORIES,
  REQUEST_STATUSES,
  STEP_KINDS,
  TRANSITIONS,
  approvedAmountRefusal,
  askedAmountRefusal,
  availableSteps,
  capText,
  caseLabelRefusal,
  decideRefusal,
  fileDatesRefusal,
  findCategory,
  frequencyBucket,
  frequencyRefusal,
  frequencyText,
  hasPhotoExtension,
  isCalendarDate,
  isImageHeader,
  isReviewDue,
  mayViewRequest,
  nextStatus,
  policyChanges,
  policyProblem,
  stepRefusal,
  type AidCategory,
  type RequestStatus,
} from '@shared/domain/hardship'

const cat = (key: string): AidCategory => findCategory(DEFAULT_CATEGORIES, key)!
const hospital = cat('hospital')

describe('seed 004 standards (五要访、五要贺)', () => {
  it('sets the caps the seed gives, in 分', () => {
    const caps = Object.fromEntries(DEFAULT_CATEGORIES.map((c) => [c.name, c.capFen]))
    expect(caps).toEqual({
      生病住院: 100_000,
      直系亲属去世: 100_000,
      家庭特殊困难: null,
      结婚: 50_000,
      生育: 50_000,
      子女上大学: null,
      退休: 100_000,
      生日: 30_000,
    })
    expect(cat('family-hardship').kind).toBe('hardship')
    expect(DEFAULT_CATEGORIES.filter((c) => c.kind === 'care')).toHaveLength(7)
    expect(policyProblem(DEFAULT_CATEGORIES)).toBeNull()
  })

  it('words caps and frequencies for members', () => {
    expect(capText(hospital)).toBe('每次不超过 1,000.00 元')
    expect(capText(cat('college'))).toBe('标准待工会设定')
    expect(frequencyText(hospital)).toBe('每个病种每年 1 次')
    expect(frequencyText(cat('birthday'))).toBe('每人每年 1 次')
    expect(frequencyText(cat('retirement'))).toBe('每人限 1 次')
    expect(frequencyText(cat('bereavement'))).toBe('每个去世亲属限 1 次')
  })
})

describe('amounts within the cap', () => {
  it('asking: optional, never above the cap; categories without a standard take any ask', () => {
    expect(askedAmountRefusal(hospital, null)).toBeNull()
    expect(askedAmountRefusal(hospital, 100_000)).toBeNull()
    expect(askedAmountRefusal(hospital, 100_001)).toBe('「生病住院」的标准是每次不超过 1,000.00 元，申请金额不能超过标准')
    expect(askedAmountRefusal(cat('family-hardship'), 900_000)).toBeNull()
  })

  it('approving: at most the cap, and only where a standard is set', () => {
    expect(approvedAmountRefusal(hospital, 80_000)).toBeNull()
    expect(approvedAmountRefusal(hospital, 100_000)).toBeNull()
    expect(approvedAmountRefusal(hospital, 100_001)).toBe('超过了「生病住院」的标准：每次不超过 1,000.00 元')
    expect(approvedAmountRefusal(cat('college'), 1)).toBe('「子女上大学」还没有设定标准，请工会管理员先在帮扶政策中设定')
  })
})

describe('the frequency rule', () => {
  it('counts per case and year, per member and year, or ever', () => {
    expect(frequencyBucket(hospital, 2026, ' 阑尾 炎 ')).toEqual({ period: '2026', caseKey: '阑尾炎' })
    expect(frequencyBucket(cat('birthday'), 2026, 'ignored')).toEqual({ period: '2026', caseKey: '' })
    expect(frequencyBucket(cat('retirement'), 2026, null)).toEqual({ period: 'ever', caseKey: '' })
    expect(frequencyBucket(cat('bereavement'), 2026, '父亲')).toEqual({ period: 'ever', caseKey: '父亲' })
  })

  it('allows up to `times`, then says why not', () => {
    expect(frequencyRefusal(hospital, 0, 2026, '肺炎')).toBeNull()
    expect(frequencyRefusal(hospital, 1, 2026, '肺炎')).toBe('按本会标准，「生病住院」每个病种每年 1 次；该会员「肺炎」2026 年已获批 1 次')
    expect(frequencyRefusal(cat('retirement'), 1, 2026)).toBe('按本会标准，「退休」每人限 1 次；该会员已获批 1 次')
    const twice = { ...cat('birthday'), frequency: { times: 2, period: 'year' as const, per: 'member' as const } }
    expect(frequencyRefusal(twice, 1, 2026)).toBeNull()
    expect(frequencyRefusal(twice, 2, 2026)).not.toBeNull()
  })

  it('a per-case category needs the case named on approval', () => {
    expect(caseLabelRefusal(hospital, '  ')).toBe('请填写病种，用于按「每个病种每年 1 次」核对')
    expect(caseLabelRefusal(hospital, '肺炎')).toBeNull()
    expect(caseLabelRefusal(cat('marriage'), undefined)).toBeNull()
  })
})

describe('the workflow as a state machine', () => {
  const allowed: Record<string, RequestStatus | null> = {}
  for (const s of REQUEST_STATUSES) for (const k of STEP_KINDS) allowed[`${s}:${k}`] = nextStatus(s, k)

  it('has exactly these transitions', () => {
    const moves = Object.entries(allowed)
      .filter(([, to]) => to !== null)
      .map(([from, to]) => `${from}→${to}`)
      .sort()
    expect(moves).toEqual(
      [
        'submitted:take→reviewing',
        'submitted:withdraw→withdrawn',
        'reviewing:approve→approved',
        'reviewing:reject→rejected',
        'reviewing:return→returned',
        'reviewing:withdraw→withdrawn',
        'returned:resubmit→submitted',
        'returned:withdraw→withdrawn',
        'approved:pay→paid',
      ].sort(),
    )
    expect(nextStatus(null, 'submit')).toBe('submitted')
    expect(TRANSITIONS.pay.from).toEqual(['approved'])
  })

  it('ends at paid, rejected and withdrawn', () => {
    for (const end of ['paid', 'rejected', 'withdrawn'] as const) for (const k of STEP_KINDS) expect(nextStatus(end, k)).toBeNull()
  })

  it('every refused step has a reason in Chinese; allowed ones have none', () => {
    for (const s of REQUEST_STATUSES) {
      for (const k of STEP_KINDS) {
        const reason = stepRefusal(s, k)
        if (nextStatus(s, k)) expect(reason).toBeNull()
        else expect(reason).toMatch(/[\u4e00-\u9fa5]/)
      }
    }
    expect(stepRefusal('reviewing', 'pay')).toBe('申请还没有批准，不能记录发放')
    expect(stepRefusal('paid', 'pay')).toBe('这笔款项已经记录过发放，不能重复记录')
    expect(stepRefusal('submitted', 'approve')).toBe('请先受理这条申请')
    expect(stepRefusal('approved', 'withdraw')).toBe('申请已经批准，不能撤回；如有变化请联系工会')
  })
})

describe('who sees and who decides', () => {
  const subject = (memberId: string, roles: Subject['grants'] = [], unionId = 'u1'): Subject => ({ unionId, memberId, grants: roles })
  const req = { unionId: 'u1', memberId: 'm-applicant', reporterId: 'm-leader', status: 'reviewing' as const }
  const applicant = subject('m-applicant')
  const reporter = subject('m-leader', [{ role: 'leader', scope: { kind: 'department', id: 'd1' } }])
  const reviewer = subject('m-reviewer', [{ role: 'reviewer' }])
  const admin = subject('m-admin', [{ role: 'admin' }])
  const others = [
    subject('m-other'),
    admin,
    subject('m-auditor', [{ role: 'auditor' }]),
    subject('m-redeemer', [{ role: 'redeemer', scope: { kind: 'point', id: 'p' } }]),
    subject('m-reviewer', [{ role: 'reviewer' }], 'u2'),
  ]

  it('the member, the reporter and reviewers of the union — nobody else, not an admin without the role', () => {
    expect(mayViewRequest(applicant, req)).toBe(true)
    expect(mayViewRequest(reporter, req)).toBe(true)
    expect(mayViewRequest(reviewer, req)).toBe(true)
    for (const s of others) expect(mayViewRequest(s, req)).toBe(false)
    expect(mayViewRequest(subject('m-admin', [{ role: 'admin' }, { role: 'reviewer' }]), req)).toBe(true)
  })

  it('reviewers decide, but not their own requests', () => {
    expect(decideRefusal(reviewer, req)).toBeNull()
    expect(decideRefusal(admin, req)).toBe('只有帮扶审核人可以办理')
    expect(decideRefusal(subject('m-applicant', [{ role: 'reviewer' }]), req)).toBe('不能审核自己的申请，请由其他审核人办理')
  })

  it('offers each person the steps they may take now', () => {
    expect(availableSteps(applicant, req)).toEqual({ withdraw: true, resubmit: false, take: false, approve: false, return: false, reject: false, pay: false })
    expect(availableSteps(reviewer, req)).toEqual({ withdraw: false, resubmit: false, take: false, approve: true, return: true, reject: true, pay: false })
    expect(availableSteps(reviewer, { ...req, status: 'approved' }).pay).toBe(true)
    expect(availableSteps(reporter, { ...req, status: 'returned' }).resubmit).toBe(true)
  })
})

describe('editing the standards', () => {
  const base = DEFAULT_CATEGORIES
  it('finds the first problem', () => {
    expect(policyProblem([])).toEqual({ index: null, message: '至少需要一个申请类别' })
    expect(policyProblem([...base, { ...hospital, name: '其他' }])).toEqual({ index: 8, message: '类别编号「hospital」重复了' })
    expect(policyProblem([...base, { ...hospital, key: 'x-hospital' }])).toEqual({ index: 8, message: '类别「生病住院」重复了' })
    expect(policyProblem([{ ...hospital, capFen: 0 }])?.message).toBe('「生病住院」的标准应在 0.01 至 100,000.00 元之间')
    expect(policyProblem([{ ...hospital, frequency: { ...hospital.frequency, times: 13 } }])?.message).toBe('「生病住院」的次数应在 1 至 12 次之间')
    expect(policyProblem([{ ...hospital, caseLabel: ' ' }])?.message).toBe('「生病住院」按事项计次，请写明事项的名称（如病种、子女）')
  })

  it('says what changed, line by line', () => {
    const after = base.map((c) =>
      c.key === 'hospital' ? { ...c, capFen: 120_000, frequency: { ...c.frequency, times: 2 } } : c.key === 'birthday' ? { ...c, enabled: false } : c,
    )
    expect(
      policyChanges(base, [
        ...after,
        {
          ...hospital,
          key: 'c-study',
          name: '学历提升',
          kind: 'hardship',
          capFen: 20_000,
          frequency: { times: 1, period: 'year', per: 'member' },
          caseLabel: '',
        },
      ]),
    ).toEqual([
      '「生病住院」：每次不超过 1,000.00 元 → 每次不超过 1,200.00 元',
      '「生病住院」：每个病种每年 1 次 → 每个病种每年 2 次',
      '「生日」停止受理',
      '新增「学历提升」：困难帮扶，每次不超过 200.00 元，每人每年 1 次',
    ])
    expect(policyChanges(base, base)).toEqual([])
  })
})

describe('photos and dates', () => {
  it('takes JPEG, PNG and WEBP by name and by their first bytes', () => {
    expect(hasPhotoExtension('cloud://env/uploads/o/1-scan.JPG')).toBe(true)
    expect(hasPhotoExtension('a.webp')).toBe(true)
    expect(hasPhotoExtension('a.pdf')).toBe(false)
    expect(hasPhotoExtension('jpg')).toBe(false)
    expect(isImageHeader([0xff, 0xd8, 0xff, 0xe1])).toBe(true)
    expect(isImageHeader([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])).toBe(true)
    expect(isImageHeader([...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBP')])).toBe(true)
    expect(isImageHeader([...Buffer.from('%PDF-1.4')])).toBe(false)
    expect(isImageHeader([...Buffer.from('GIF89a')])).toBe(false)
    expect(isImageHeader([0xff, 0xd8])).toBe(false)
  })

  it('hardship file dates: real days, the review after the start; due on the day', () => {
    expect(isCalendarDate('2026-02-29')).toBe(false)
    expect(isCalendarDate('2028-02-29')).toBe(true)
    expect(fileDatesRefusal('2026-01-01', '2026-07-01')).toBeNull()
    expect(fileDatesRefusal('2026-01-01', '2026-01-01')).toBe('下次复核日期要晚于建档日期')
    expect(fileDatesRefusal('2026-13-01', '2027-01-01')).toBe('建档日期不是有效日期')
    expect(isReviewDue('2026-11-21', '2026-11-21')).toBe(true)
    expect(isReviewDue('2026-11-22', '2026-11-21')).toBe(false)
  })
})
