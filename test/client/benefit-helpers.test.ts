/**
 * The benefit pages' pure parts: state labels and order, money in 元, times in Shanghai, the code
 * refresher that stops once the voucher is used, one requestId per confirmation reused on a retry,
 * the new-campaign form and the 发放 loop.
 */
jest.mock('@tarojs/taro', () => require('./mocks/taro-activities'))

import { act } from '@testing-library/react'
import type { RedeemCode, Redemption, VoucherView } from '@shared/contract'
import { dateTimeText } from '@shared/domain/time'
import { ActionError } from '../../client/src/services/cloud'
import {
  canChoose,
  groupByState,
  kindLabel,
  nextStepText,
  pointsText,
  remainingText,
  whenText,
  redeemWindowText,
  spacedCode,
  STATE_LABELS,
  STATE_ORDER,
  usedText,
  yuanText,
} from '../../client/src/pages/benefits/view'
import { createVoucherCodeRefresher } from '../../client/src/pages/benefits/code-refresh'
import {
  attemptFor,
  defaultRange,
  newRequestId,
  pickPoint,
  redeemWith,
  settlementTotals,
  typedCode,
  UNKNOWN_MESSAGE,
} from '../../client/src/packages/redeem/index/redeem'
import { campaignInputOf, defaultCampaignForm, errorKeyOf, newOption, type CampaignForm } from '../../client/src/packages/admin/benefits/form'
import { issueAll, issuePercent } from '../../client/src/packages/admin/benefit-campaign/issue'

const voucher = (over: Partial<VoucherView> = {}): VoucherView => ({
  id: 'v1',
  kind: 'holiday',
  name: '2026年中秋慰问品',
  faceValue: 20000,
  state: 'ready',
  options: [
    { id: 'o1', name: '月饼礼盒', supplier: '稻香村', povertyRelief: false, remaining: 3 },
    { id: 'o2', name: '农家大米', supplier: '对口帮扶合作社', povertyRelief: true, remaining: null },
  ],
  optionId: 'o1',
  optionName: '月饼礼盒',
  claimClosesAt: '2099-09-20T10:00:00.000Z',
  redeemFrom: '2099-09-10T16:00:00.000Z',
  redeemUntil: '2099-10-08T15:59:00.000Z',
  points: [
    { id: 'p1', name: '工会办公室', address: '机关大楼 3 楼 305' },
    { id: 'p2', name: '好利来蛋糕', address: '' },
  ],
  redeemed: null,
  ...over,
})

describe('how vouchers read', () => {
  it('labels the five states in Chinese, in the order a member needs them', () => {
    expect(STATE_ORDER.map((s) => STATE_LABELS[s])).toEqual(['待选择', '可使用', '未开始', '已使用', '已过期'])
    expect(kindLabel('cake')).toBe('蛋糕券')
    expect(kindLabel('holiday')).toBe('节日慰问品')
  })

  it('shows money in 元 with two decimals, from integer 分', () => {
    expect(yuanText(20000)).toBe('200.00 元')
    expect(yuanText(48900000)).toBe('489,000.00 元')
    expect(yuanText(19950)).toBe('199.50 元')
    expect(yuanText(5)).toBe('0.05 元')
  })

  it('shows times in the house style (shared/domain/time.ts), Shanghai time, the year only when not this year', () => {
    const now = new Date('2099-06-01T12:00:00+08:00')
    for (const at of ['2099-09-20T10:00:00.000Z', '2026-12-31T16:30:00Z', '2026-01-01T00:00:00+08:00']) expect(whenText(at, now)).toBe(dateTimeText(at, now))
    expect(whenText('2099-09-20T10:00:00.000Z', now)).toBe('9月20日 周日 18:00')
    expect(whenText('2026-12-31T16:30:00Z', now)).toBe('2027年1月1日 周五 00:30')
    expect(redeemWindowText({ redeemFrom: '2099-09-20T00:00:00+08:00', redeemUntil: '2099-10-08T23:59:00+08:00' }, now)).toBe('9月20日—10月8日')
  })

  it('groups by state, leaving out empty states', () => {
    const groups = groupByState([voucher({ id: 'a', state: 'used' }), voucher({ id: 'b', state: 'choose' }), voucher({ id: 'c', state: 'used' })])
    expect(groups.map((g) => [g.state, g.vouchers.map((v) => v.id)])).toEqual([
      ['choose', ['b']],
      ['used', ['a', 'c']],
    ])
  })

  it('says remaining stock, sold out, or unlimited', () => {
    expect(remainingText({ remaining: 3 })).toBe('剩 3 份')
    expect(remainingText({ remaining: 0 })).toBe('售罄')
    expect(remainingText({ remaining: null })).toBe('不限')
  })

  it('says where to redeem, and when and where a used one was collected (代领 marked)', () => {
    expect(pointsText(voucher().points)).toBe('工会办公室（机关大楼 3 楼 305）、好利来蛋糕')
    expect(usedText({ at: '2099-09-28T02:15:00.000Z', pointName: '工会办公室', proxy: false })).toBe('2099年9月28日 周一 10:15 在 工会办公室 领取')
    expect(usedText({ at: '2099-09-28T02:15:00.000Z', pointName: '工会办公室', proxy: true })).toBe('2099年9月28日 周一 10:15 在 工会办公室 领取（代领）')
  })

  it('lets a member change the gift only before 选择截止 and only when there is a choice', () => {
    const before = new Date('2099-09-20T09:00:00.000Z')
    const after = new Date('2099-09-20T11:00:00.000Z')
    expect(canChoose(voucher(), before)).toBe(true)
    expect(canChoose(voucher(), after)).toBe(false)
    expect(canChoose(voucher({ state: 'used' }), before)).toBe(false)
    expect(canChoose(voucher({ options: [voucher().options[0]] }), before)).toBe(false)
  })

  it('tells the next step for each state', () => {
    expect(nextStepText(voucher({ state: 'choose', optionId: null, optionName: null }))).toBe('请在 2099年9月20日 周日 18:00 前选择礼品')
    expect(nextStepText(voucher({ state: 'upcoming' }))).toBe('2099年9月11日 周五 00:00 起可以兑换')
    expect(nextStepText(voucher({ state: 'expired' }))).toBe('已于 2099年10月8日 周四 23:59 过期')
    expect(spacedCode('123456')).toBe('123 456')
  })
})

describe('the voucher code refresher', () => {
  const code = (n: number, v: VoucherView = voucher()): RedeemCode => ({ token: `token-${n}`, shortCode: String(100000 + n), expiresAt: '', voucher: v })
  const usedVoucher = voucher({ state: 'used', redeemed: { at: '2099-09-28T02:15:00.000Z', pointName: '工会办公室', proxy: false } })
  const usedRefusal = () => new ActionError('ALREADY_REDEEMED', '该券已使用', { voucher: usedVoucher })
  const flush = () => act(async () => {})
  /** Second by second, letting each answer arrive as it would (within the second it was asked in). */
  const advance = async (ms: number) => {
    for (let t = 0; t < ms; t += 1000) {
      await act(async () => {
        jest.advanceTimersByTime(1000)
      })
      await flush()
    }
  }
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  it('makes one call per refresh, carrying the code and the voucher: two calls a minute, however long it stays open', async () => {
    let n = 0
    const load = jest.fn(() => Promise.resolve(code(++n)))
    const onCode = jest.fn()
    const onVoucher = jest.fn()
    const ticks: number[] = []
    const r = createVoucherCodeRefresher({ load, onCode, onVoucher, onFinished: jest.fn(), onError: jest.fn(), onTick: (s) => ticks.push(s) })
    r.start()
    await flush()
    expect(load).toHaveBeenCalledTimes(1)
    expect(onCode).toHaveBeenLastCalledWith(code(1))
    expect(onVoucher).toHaveBeenLastCalledWith(voucher())
    expect(ticks).toEqual([30])
    await advance(29_000)
    expect(load).toHaveBeenCalledTimes(1)
    await advance(1_000)
    expect(load).toHaveBeenCalledTimes(2)
    expect(onCode).toHaveBeenLastCalledWith(code(2))
    expect(ticks.at(-1)).toBe(30)
    // Minute by minute for ten minutes: never more than two calls in any minute.
    for (let minute = 0; minute < 10; minute++) {
      const before = load.mock.calls.length
      await advance(60_000)
      expect(load.mock.calls.length - before).toBeLessThanOrEqual(2)
    }
    expect(load).toHaveBeenCalledTimes(22)
    r.stop()
  })

  it('stops for good once a refresh answers that the voucher is used, and reports when and where', async () => {
    const load = jest.fn<Promise<RedeemCode>, []>().mockResolvedValueOnce(code(1)).mockRejectedValueOnce(usedRefusal())
    const onFinished = jest.fn()
    const r = createVoucherCodeRefresher({ load, onCode: jest.fn(), onVoucher: jest.fn(), onFinished, onError: jest.fn(), onTick: jest.fn() })
    r.start()
    await flush()
    await advance(30_000)
    expect(onFinished).toHaveBeenCalledWith(usedVoucher)
    expect(r.finished).toBe(true)
    await advance(120_000)
    expect(load).toHaveBeenCalledTimes(2)
    r.refresh()
    expect(load).toHaveBeenCalledTimes(2)
  })

  it("shows no code for a voucher that is not ready, and stops for one that is no longer the member's", async () => {
    const onFinished = jest.fn()
    const onCode = jest.fn()
    const expired = createVoucherCodeRefresher({
      load: () => Promise.reject(new ActionError('EXPIRED', '该券已过期', { voucher: voucher({ state: 'expired' }) })),
      onCode,
      onVoucher: jest.fn(),
      onFinished,
      onError: jest.fn(),
      onTick: jest.fn(),
    })
    expired.start()
    await flush()
    expect(onFinished).toHaveBeenLastCalledWith(voucher({ state: 'expired' }))
    expect(onCode).not.toHaveBeenCalled()
    const gone = createVoucherCodeRefresher({
      load: () => Promise.reject(new ActionError('NOT_FOUND', '没有找到这张券')),
      onCode,
      onVoucher: jest.fn(),
      onFinished,
      onError: jest.fn(),
      onTick: jest.fn(),
    })
    gone.start()
    await flush()
    expect(onFinished).toHaveBeenLastCalledWith(null)
    expect(gone.finished).toBe(true)
  })

  it('keeps the old code after a failure and tries again in 5 seconds', async () => {
    const load = jest
      .fn<Promise<RedeemCode>, []>()
      .mockResolvedValueOnce(code(1))
      .mockRejectedValueOnce(new ActionError('NETWORK', '网络不太好'))
      .mockResolvedValueOnce(code(3))
    const onCode = jest.fn()
    const onError = jest.fn()
    let left = -1
    const r = createVoucherCodeRefresher({ load, onCode, onVoucher: jest.fn(), onFinished: jest.fn(), onError, onTick: (s) => (left = s) })
    r.start()
    await flush()
    await advance(30_000)
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onCode).toHaveBeenCalledTimes(1)
    expect(left).toBe(5)
    await advance(5_000)
    expect(onCode).toHaveBeenLastCalledWith(code(3))
    r.stop()
  })
})

describe('redeeming at the counter', () => {
  const redemption: Redemption = {
    voucherId: 'v1',
    campaignName: '中秋慰问品',
    optionName: '月饼礼盒',
    memberName: '刘*',
    pointName: '工会办公室',
    redeemedAt: '2099-09-28T02:15:00.000Z',
    proxy: null,
  }

  it('makes requestIds the contract accepts, different each time', () => {
    const a = newRequestId()
    const b = newRequestId()
    expect(a).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(a).not.toBe(b)
  })

  it('reuses the requestId when the same confirmation is retried after a network failure, so it never redeems twice', async () => {
    const first = attemptFor('ticket-1')
    const sent: string[] = []
    const send = jest
      .fn()
      .mockImplementationOnce(async (input: { requestId: string }) => {
        sent.push(input.requestId)
        throw new ActionError('NETWORK', '网络不太好，请稍后再试')
      })
      .mockImplementationOnce(async (input: { requestId: string }) => {
        sent.push(input.requestId)
        return redemption
      })
    expect(await redeemWith(first, send)).toEqual({ kind: 'unknown', message: UNKNOWN_MESSAGE })
    // The page keeps the attempt; asking again for the same ticket gives the same one.
    const retry = attemptFor('ticket-1', first)
    expect(retry).toBe(first)
    expect(await redeemWith(retry, send)).toEqual({ kind: 'done', redemption })
    expect(sent).toEqual([first.requestId, first.requestId])
    // The next customer (a new ticket) gets a new requestId.
    expect(attemptFor('ticket-2', first).requestId).not.toBe(first.requestId)
  })

  it('passes the server’s refusal on word for word', async () => {
    const message = '该券已于 2099-09-28 10:15 在 工会办公室 由 王芳 核销'
    const outcome = await redeemWith(attemptFor('t'), () => Promise.reject(new ActionError('ALREADY_REDEEMED', message)))
    expect(outcome).toEqual({ kind: 'refused', code: 'ALREADY_REDEEMED', message })
  })

  it('remembers the point while the clerk still serves it; types digits only', () => {
    const points = [
      { id: 'p1', name: 'A', address: '' },
      { id: 'p2', name: 'B', address: '' },
    ]
    expect(pickPoint(points, 'p2')).toBe('p2')
    expect(pickPoint(points, 'gone')).toBe('p1')
    expect(pickPoint([], 'p2')).toBe('')
    expect(typedCode('123 45a6 7')).toBe('123456')
  })

  it('对账 covers this month by default (Shanghai dates) and adds up', () => {
    expect(defaultRange(new Date('2026-03-31T17:00:00Z'))).toEqual({ from: '2026-04-01', to: '2026-04-01' })
    expect(defaultRange(new Date('2026-03-15T02:00:00Z'))).toEqual({ from: '2026-03-01', to: '2026-03-15' })
    expect(
      settlementTotals([
        { count: 2, amount: 40000 },
        { count: 1, amount: 20000 },
      ]),
    ).toEqual({ count: 3, amount: 60000 })
  })
})

describe('the new-campaign form', () => {
  const filled = (over: Partial<CampaignForm> = {}): CampaignForm => {
    const base = defaultCampaignForm(new Date('2026-09-01T02:00:00Z'))
    return {
      ...base,
      name: '中秋慰问品',
      faceValue: '199.5',
      options: [
        { ...newOption(), name: '月饼礼盒', stock: '100' },
        { ...newOption(), name: '农家大米', povertyRelief: true, supplier: '合作社' },
      ],
      pointIds: ['p1'],
      ...over,
    }
  }

  it('turns 元 into 分 and the pickers into Shanghai instants', () => {
    const checked = campaignInputOf(filled())
    if (!('input' in checked)) throw new Error(JSON.stringify(checked.errors))
    expect(checked.input).toMatchObject({
      kind: 'holiday',
      name: '中秋慰问品',
      faceValue: 19950,
      options: [
        { name: '月饼礼盒', stock: 100, supplier: '', povertyRelief: false },
        { name: '农家大米', stock: null, supplier: '合作社', povertyRelief: true },
      ],
      claimClosesAt: '2026-09-08T18:00:00+08:00',
      redeemFrom: '2026-09-01T00:00:00+08:00',
      redeemUntil: '2026-10-01T23:59:00+08:00',
      pointIds: ['p1'],
      autoBirthday: false,
    })
  })

  it('says what is missing or wrong, by field, in Chinese', () => {
    const checked = campaignInputOf(filled({ name: ' ', faceValue: '12.345', pointIds: [], options: [{ ...newOption(), key: 'x', name: '蛋糕', stock: '5' }] }))
    expect('errors' in checked && checked.errors).toMatchObject({
      name: '请填写福利名称',
      faceValue: '面值请填写金额，如 200 或 199.50',
      pointIds: '请至少选择一个兑换点',
      option: { x: '只有一种礼品时不需要设库存（人人都有）' },
    })
  })

  it('keeps cake vouchers within 300 元, and the windows in order', () => {
    const cake = campaignInputOf(filled({ kind: 'cake', faceValue: '350' }))
    expect('errors' in cake && cake.errors.faceValue).toBe('生日蛋糕券面值不能超过 300.00 元（填写的是 350.00 元）')
    const times = filled().times
    const swapped = campaignInputOf(filled({ times: { ...times, redeemUntil: times.redeemFrom } }))
    expect('errors' in swapped && swapped.errors.redeemUntil).toBe('兑换截止时间要晚于兑换开始时间')
    expect(errorKeyOf('options.0.name')).toBe('options')
    expect(errorKeyOf('nothing')).toBeUndefined()
  })
})

describe('发放', () => {
  it('calls issue until done, reporting each batch for the progress bar', async () => {
    const answers = [
      { issuedNow: 500, issued: 500, eligible: 1200, done: false },
      { issuedNow: 500, issued: 1000, eligible: 1200, done: false },
      { issuedNow: 200, issued: 1200, eligible: 1200, done: true },
    ]
    const issue = jest.fn(async () => answers.shift()!)
    const seen: number[] = []
    const last = await issueAll(issue, (a) => seen.push(issuePercent(a)))
    expect(issue).toHaveBeenCalledTimes(3)
    expect(seen).toEqual([42, 83, 100])
    expect(last.done).toBe(true)
    expect(issuePercent({ issued: 0, eligible: 0, done: true })).toBe(100)
  })

  it('stops at a failure (the page offers 继续发放)', async () => {
    const issue = jest
      .fn()
      .mockResolvedValueOnce({ issuedNow: 500, issued: 500, eligible: 900, done: false })
      .mockRejectedValueOnce(new ActionError('NETWORK', '网络不太好，请稍后再试'))
    await expect(issueAll(issue, () => undefined)).rejects.toThrow('网络不太好')
  })
})
