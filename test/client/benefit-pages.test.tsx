/**
 * The benefit pages with a mocked backend: 福利 (grouped by state, choosing, the empty state),
 * 出示券码 (QR + six digits, 已使用 once redeemed), the clerk's 核销 (inspect, confirm, a retry after
 * a network failure with the same requestId, refusals word for word) and the admin's 发放 loop.
 */
jest.mock('@tarojs/taro', () => require('./mocks/taro-activities'))
jest.mock('../../client/src/services/cloud', () => ({ ...jest.requireActual('../../client/src/services/cloud'), callAction: jest.fn() }))

import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { CampaignView, VoucherPreview, VoucherView } from '@shared/contract'
import * as taro from './mocks/taro-activities'
import { ActionError } from '../../client/src/services/cloud'
import BenefitsPage from '../../client/src/pages/benefits/index'
import VoucherCodePage from '../../client/src/pages/benefits/code'
import RedeemPage from '../../client/src/packages/redeem/index/index'
import AdminCampaignPage from '../../client/src/packages/admin/benefit-campaign/index'
import AdminBenefitsPage from '../../client/src/packages/admin/benefits/index'
import { dateTimeText, periodText } from '@shared/domain/time'
import { campaignView } from '../support/client/benefit'
import { click, hideFindDOMNodeWarnings, type } from '../support/client/dom'
import { meView } from '../support/client/me'
import { mockedCall, serve } from '../support/client/serve'

const voucher = (over: Partial<VoucherView> = {}): VoucherView => ({
  id: 'v1',
  kind: 'holiday',
  name: '2099年中秋慰问品',
  faceValue: 20000,
  state: 'ready',
  options: [
    { id: 'o1', name: '月饼礼盒', supplier: '稻香村', povertyRelief: false, remaining: 0 },
    { id: 'o2', name: '农家大米', supplier: '对口帮扶合作社', povertyRelief: true, remaining: 12 },
  ],
  optionId: 'o1',
  optionName: '月饼礼盒',
  claimClosesAt: '2099-09-20T10:00:00.000Z',
  redeemFrom: '2026-01-01T00:00:00.000Z',
  redeemUntil: '2099-10-08T15:59:00.000Z',
  points: [{ id: 'demo-point-office', name: '工会办公室', address: '机关大楼 3 楼 305' }],
  redeemed: null,
  ...over,
})

hideFindDOMNodeWarnings()

beforeEach(() => {
  jest.clearAllMocks()
  mockedCall.mockReset()
  taro.getStorageSync.mockImplementation(() => '')
})

describe('福利 tab', () => {
  it('says kindly that nothing has been issued yet', async () => {
    serve({ 'member.me': () => meView(), 'benefit.mine': () => [] })
    render(<BenefitsPage />)
    expect(await screen.findByText('节日慰问、生日福利发放后，会在这里提醒你领取')).toBeTruthy()
  })

  it('groups vouchers by state, with value in 元, windows, points, and when and where a used one was collected', async () => {
    serve({
      'member.me': () => meView(),
      'benefit.mine': () => [
        voucher({
          id: 'used',
          kind: 'cake',
          name: '2026年生日蛋糕券',
          state: 'used',
          options: [],
          optionId: null,
          optionName: null,
          redeemed: { at: '2026-05-12T02:15:00.000Z', pointName: '好利来蛋糕', proxy: true },
        }),
        voucher({ id: 'ready' }),
        voucher({ id: 'choose', state: 'choose', optionId: null, optionName: null }),
      ],
    })
    const { container } = render(<BenefitsPage />)
    await screen.findByText('2026年生日蛋糕券')
    expect(Array.from(container.querySelectorAll('.benefits-group__title')).map((t) => t.textContent)).toEqual(['待选择1', '可使用1', '已使用1'])
    const ready = container.querySelector('[data-voucher-id="ready"]')!
    expect(ready.querySelector('.voucher-card__kind')?.textContent).toBe('节日慰问品')
    expect(ready.querySelector('.voucher-card__yuan')?.textContent).toBe('200.00 元')
    expect(ready.querySelector('.voucher-card__window')?.textContent).toBe(
      `兑换时间${periodText('2026-01-01T00:00:00.000Z', '2099-10-08T15:59:00.000Z', new Date())}`,
    )
    expect(ready.querySelector('.voucher-card__claim')?.textContent).toBe('选择截止2099年9月20日 周日 18:00')
    expect(ready.querySelector('.voucher-card__option')?.textContent).toBe('已选礼品月饼礼盒')
    expect(ready.querySelector('.voucher-card__points')?.textContent).toBe('兑换地点工会办公室（机关大楼 3 楼 305）')
    expect(container.querySelector('[data-voucher-id="used"] .voucher-card__used')?.textContent).toBe(
      `领取情况${dateTimeText('2026-05-12T02:15:00.000Z', new Date())} 在 好利来蛋糕 领取（代领）`,
    )

    await click(ready.querySelector('.voucher-show-code'))
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/benefits/code?id=ready' })
  })

  it('chooses a gift: supplier, 消费扶贫, stock shown, sold-out options cannot be picked', async () => {
    const choosing = voucher({ state: 'choose', optionId: null, optionName: null })
    serve({
      'member.me': () => meView(),
      'benefit.mine': () => [choosing],
      'benefit.choose': (input: { optionId: string }) => voucher({ optionId: input.optionId, optionName: '农家大米' }),
    })
    const { container } = render(<BenefitsPage />)
    await screen.findByText('请选择一种礼品')
    const soldOut = container.querySelector('[data-option-id="o1"]')!
    expect(soldOut.className).toContain('voucher-option--soldout')
    expect(soldOut.querySelector('.voucher-option__remaining')?.textContent).toBe('售罄')
    await click(soldOut)
    expect(mockedCall).not.toHaveBeenCalledWith('benefit.choose', expect.anything())

    const rice = container.querySelector('[data-option-id="o2"]')!
    expect(rice.querySelector('.voucher-option__tag')?.textContent).toBe('消费扶贫')
    expect(rice.querySelector('.voucher-option__supplier')?.textContent).toBe('对口帮扶合作社')
    expect(rice.querySelector('.voucher-option__remaining')?.textContent).toBe('剩 12 份')
    await click(rice)
    expect(mockedCall).toHaveBeenCalledWith('benefit.choose', { voucherId: 'v1', optionId: 'o2' })
    await waitFor(() => expect(container.querySelector('.voucher-card__option')?.textContent).toBe('已选礼品农家大米'))
    // Ready now: the code, and a way to change before 选择截止.
    expect(container.querySelector('.voucher-show-code')).toBeTruthy()
    expect(container.querySelector('.voucher-change')).toBeTruthy()
  })
})

describe('出示券码', () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())
  const flush = () => act(async () => {})

  it('draws the QR code and the six digits from one call per refresh (two a minute), then shows 已使用 with when and where once the clerk has redeemed it', async () => {
    taro.useRouter.mockReturnValue({ params: { id: 'v1' }, path: '/pages/benefits/code' })
    let used = false
    const usedVoucher = voucher({ state: 'used', redeemed: { at: '2099-09-28T02:15:00.000Z', pointName: '工会办公室', proxy: false } })
    serve({
      'benefit.code': () => {
        if (used) throw new ActionError('ALREADY_REDEEMED', '该券已使用', { voucher: usedVoucher })
        return { token: 'voucher-token-1', shortCode: '123456', expiresAt: '', voucher: voucher() }
      },
    })
    const { container } = render(<VoucherCodePage />)
    await flush()
    await flush()
    expect(container.querySelector('.voucher-code-short')?.textContent).toBe('123 456')
    expect(container.querySelectorAll('.benefit-qr__bar').length).toBeGreaterThan(50)
    expect(container.querySelector('.voucher-code-countdown')?.textContent).toContain('30 秒后自动刷新')
    expect(container.querySelector('.voucher-code-head__name')?.textContent).toBe('2099年中秋慰问品')
    // A minute on screen, second by second: two calls, both benefit.code (the voucher's state comes with the code).
    for (let second = 0; second < 59; second++) {
      await act(async () => {
        jest.advanceTimersByTime(1_000)
      })
      await flush()
    }
    expect(mockedCall.mock.calls.map(([name]) => name)).toEqual(['benefit.code', 'benefit.code'])

    used = true
    await act(async () => {
      jest.advanceTimersByTime(1_000)
    })
    await flush()
    expect(container.querySelector('.voucher-code-done__title')?.textContent).toBe('已使用')
    expect(container.querySelector('.voucher-code-done__text')?.textContent).toBe('2099年9月28日 周一 10:15 在 工会办公室 领取')
    expect(container.querySelector('.benefit-qr')).toBeNull()
    const calls = mockedCall.mock.calls.length
    await act(async () => {
      jest.advanceTimersByTime(120_000)
    })
    expect(mockedCall.mock.calls.length).toBe(calls)
  })
})

describe('核销', () => {
  const preview: VoucherPreview = {
    campaignName: '2099年中秋慰问品',
    kind: 'holiday',
    faceValue: 20000,
    optionName: '月饼礼盒',
    memberName: '刘*',
    department: '信息中心',
    pointName: '工会办公室',
    ticket: 'ticket-0123456789',
  }
  const points = [
    { id: 'demo-point-cake', name: '好利来蛋糕', address: '' },
    { id: 'demo-point-office', name: '工会办公室', address: '' },
  ]

  it('looks the six digits up at the remembered point, confirms, and retries a lost answer with the same requestId', async () => {
    taro.getStorageSync.mockImplementation((key: string) => (key === 'redeem.pointId' ? 'demo-point-office' : ''))
    let redeemTries = 0
    serve({
      'benefit.points': () => points,
      'benefit.inspect': () => preview,
      'benefit.redeem': () => {
        redeemTries++
        if (redeemTries === 1) throw new ActionError('NETWORK', '网络不太好，请稍后再试')
        return {
          voucherId: 'v1',
          campaignName: preview.campaignName,
          optionName: '月饼礼盒',
          memberName: '刘*',
          pointName: '工会办公室',
          redeemedAt: '2099-09-28T02:15:00.000Z',
          proxy: null,
        }
      },
    })
    const { container } = render(<RedeemPage />)
    await screen.findByText('当前兑换点：工会办公室')
    // No camera in the browser: typing only.
    expect(container.querySelector('.redeem-scan')).toBeNull()
    await type(container, '.redeem-input', '123456')
    expect(mockedCall).toHaveBeenCalledWith('benefit.inspect', { code: '123456', pointId: 'demo-point-office' }, { silent: true })
    await screen.findByText('月饼礼盒')
    expect(container.querySelector('.redeem-preview__member')?.textContent).toBe('刘* · 信息中心')
    expect(container.querySelector('.redeem-preview__value')?.textContent).toBe('面值 200.00 元')

    await click(container.querySelector('.redeem-confirm'))
    expect(await screen.findByText('网络不太好，不确定是否核销成功。请点「重试」确认，不会重复核销')).toBeTruthy()
    await click(container.querySelector('.redeem-confirm'))
    await screen.findByText('✓ 核销成功')
    const ids = mockedCall.mock.calls.filter((c) => c[0] === 'benefit.redeem').map((c) => c[1] as { requestId: string; ticket: string })
    expect(ids).toHaveLength(2)
    expect(ids[0]).toEqual(ids[1])
    expect(ids[0].ticket).toBe('ticket-0123456789')
    expect(ids[0].requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)

    // One tap and the next customer can be served.
    await click(container.querySelector('.redeem-next'))
    expect(container.querySelector('.redeem-input')).toBeTruthy()
  })

  it('shows the server’s refusal prominently (already used: when, where, by whom)', async () => {
    const message = '该券已于 2099-09-28 10:15 在 工会办公室 由 王芳 核销'
    serve({
      'benefit.points': () => points,
      'benefit.inspect': () => {
        throw new ActionError('ALREADY_REDEEMED', message)
      },
    })
    const { container } = render(<RedeemPage />)
    await screen.findByText('当前兑换点：好利来蛋糕')
    await click(container.querySelector('[data-point-id="demo-point-office"]'))
    expect(taro.setStorageSync).toHaveBeenCalledWith('redeem.pointId', 'demo-point-office')
    await type(container, '.redeem-input', '654321')
    expect(await screen.findByText(message)).toBeTruthy()
    expect(container.querySelector('.redeem-result--refused .redeem-result__message')?.textContent).toBe(message)
  })

  it('tells a clerk with no point to ask the union', async () => {
    serve({ 'benefit.points': () => [] })
    render(<RedeemPage />)
    expect(await screen.findByText('还没有为你指定兑换点')).toBeTruthy()
  })
})

describe('福利发放 (admin)', () => {
  const campaign = (over: Partial<CampaignView> = {}) =>
    campaignView({
      options: [{ id: 'o1', name: '月饼礼盒', supplier: '稻香村', povertyRelief: false, remaining: 10, stock: 10, chosen: 0 }],
      includeRetired: true,
      ...over,
    })

  it('issues batch after batch with a progress bar until done', async () => {
    taro.useRouter.mockReturnValue({ params: { id: 'c1' }, path: '' })
    const steps = [
      { issuedNow: 20, issued: 20, eligible: 30, done: false },
      { issuedNow: 10, issued: 30, eligible: 30, done: true },
    ]
    serve({
      'benefit.campaign': () => campaign(),
      'benefit.vouchers': () => ({ items: [], total: 0, page: 1, pageSize: 20 }),
      'benefit.issue': () => steps.shift(),
    })
    const { container } = render(<AdminCampaignPage />)
    await screen.findByText('还没有发放')
    await click(container.querySelector('.campaign-issue-button'))
    await waitFor(() => expect(container.querySelector('.campaign-issue__text')?.textContent).toBe('已发放 30 / 30 人，发放完成'))
    expect(mockedCall.mock.calls.filter((c) => c[0] === 'benefit.issue')).toHaveLength(2)
  })

  it('searches the vouchers by name and records 代领 with a point and a reason', async () => {
    taro.useRouter.mockReturnValue({ params: { id: 'c1' }, path: '' })
    const row = { id: 'c1:m4', memberName: '刘洋', department: '信息中心', optionName: '月饼礼盒', state: 'ready' as const, redeemed: null }
    serve({
      'benefit.campaign': () => campaign({ progress: { eligible: 30, issued: 30, chosen: 1, redeemed: 0, outstanding: 30 } }),
      'benefit.vouchers': (input: { search?: string }) =>
        input.search === '没有' ? { items: [], total: 0, page: 1, pageSize: 20 } : { items: [row], total: 1, page: 1, pageSize: 20 },
      'benefit.proxyRedeem': () => ({
        voucherId: row.id,
        campaignName: '2099年中秋慰问品',
        optionName: '月饼礼盒',
        memberName: '刘*',
        pointName: '工会办公室',
        redeemedAt: '2099-09-28T02:15:00.000Z',
        proxy: { reason: '住院' },
      }),
    })
    const { container } = render(<AdminCampaignPage />)
    await screen.findByText('刘洋')
    await click(container.querySelector('[data-voucher-id="c1:m4"] .campaign-voucher__proxy'))
    await type(container, '.proxy-reason', '住院，由家属代领')
    await click(container.querySelector('.proxy-save'))
    expect(mockedCall).toHaveBeenCalledWith('benefit.proxyRedeem', { voucherId: 'c1:m4', pointId: 'demo-point-office', reason: '住院，由家属代领' })

    await type(container, '.campaign-search-input', '没有')
    await click(container.querySelector('.campaign-search-submit'))
    expect(await screen.findByText('没有找到「没有」')).toBeTruthy()
    expect(mockedCall).toHaveBeenLastCalledWith('benefit.vouchers', { id: 'c1', search: '没有', page: 1, pageSize: 20 }, { silent: true })
  })

  it('creates a campaign: 元 become 分, options, points', async () => {
    serve({
      'member.me': () => meView(['member', 'admin']),
      'benefit.campaigns': () => ({ items: [], total: 0, page: 1, pageSize: 20 }),
      'member.departments': () => [{ id: 'd1', name: '信息中心' }],
      'benefit.points': () => [{ id: 'demo-point-office', name: '工会办公室', address: '' }],
      'benefit.createCampaign': () => campaign({ id: 'new' }),
    })
    const { container } = render(<AdminBenefitsPage />)
    await screen.findByText('还没有福利活动')
    await click(container.querySelector('.benefits-create'))
    await type(container, '.campaign-name', '中秋慰问品')
    await type(container, '.campaign-face-value', '200')
    await type(container, '.campaign-option-name', '月饼礼盒')
    await click(container.querySelector('.campaign-option-add'))
    // Taro's input renders its inner <input> a tick after the option row appears.
    await waitFor(() => expect(container.querySelectorAll('.campaign-option-name input')).toHaveLength(2))
    const names = container.querySelectorAll('.campaign-option-name input')
    await act(async () => {
      fireEvent.input(names[1], { target: { value: '农家大米' } })
    })
    await click(container.querySelectorAll('.campaign-option-relief')[1])
    await screen.findByText('工会办公室')
    await click(container.querySelector('[data-point-id="demo-point-office"]'))
    await click(container.querySelector('.campaign-submit'))
    expect(mockedCall).toHaveBeenCalledWith(
      'benefit.createCampaign',
      expect.objectContaining({
        kind: 'holiday',
        name: '中秋慰问品',
        faceValue: 20000,
        options: [
          { name: '月饼礼盒', stock: null, supplier: '', povertyRelief: false },
          { name: '农家大米', stock: null, supplier: '', povertyRelief: true },
        ],
        pointIds: ['demo-point-office'],
      }),
      { silent: true },
    )
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/benefit-campaign/index?id=new' })
  })
})
