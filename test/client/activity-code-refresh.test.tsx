/** 我的签到码: fetched again every 30 seconds with a countdown, retried sooner after a failure, stopped on leaving. */
jest.mock('@tarojs/taro', () => require('./mocks/taro-activities'))
jest.mock('../../client/src/services/cloud', () => ({ ...jest.requireActual('../../client/src/services/cloud'), callAction: jest.fn() }))

import { act, render } from '@testing-library/react'
import type { CheckInCode } from '@shared/contract'
import * as taro from './mocks/taro-activities'
import { ActionError } from '../../client/src/services/cloud'
import { createCodeRefresher } from '../../client/src/components/RotatingCode/refresher'
import { qrMatrix } from '../../client/src/components/RotatingCode/qr'
import CodePage from '../../client/src/pages/activity/code'
import { mockedCall } from '../support/client/serve'

const code = (n: number): CheckInCode => ({
  state: 'open',
  token: `token-${n}`,
  shortCode: String(100000 + n),
  expiresAt: new Date(Date.now() + 60_000).toISOString(),
})

/** Lets resolved promises (the fetch) run between timer steps. */
const flush = () => act(async () => {})

beforeEach(() => {
  jest.useFakeTimers()
  jest.clearAllMocks()
  mockedCall.mockReset()
})
afterEach(() => jest.useRealTimers())

describe('the refresher', () => {
  it('fetches at once, counts down each second and fetches again at zero', async () => {
    let n = 0
    const load = jest.fn(() => Promise.resolve(code(++n)))
    const onCode = jest.fn()
    const ticks: number[] = []
    const r = createCodeRefresher({ load, onCode, onError: jest.fn(), onTick: (s) => ticks.push(s) })
    r.start()
    await flush()
    expect(load).toHaveBeenCalledTimes(1)
    expect(onCode.mock.lastCall?.[0]).toMatchObject({ token: 'token-1', shortCode: '100001' })
    expect(ticks).toEqual([30])

    await act(async () => {
      jest.advanceTimersByTime(29_000)
    })
    expect(ticks.at(-1)).toBe(1)
    expect(load).toHaveBeenCalledTimes(1)
    await act(async () => {
      jest.advanceTimersByTime(1_000)
    })
    await flush()
    expect(load).toHaveBeenCalledTimes(2)
    expect(onCode.mock.lastCall?.[0]).toMatchObject({ token: 'token-2' })
    expect(ticks.at(-1)).toBe(30)
    r.stop()
  })

  it('after a failure keeps the old code and tries again in 5 seconds', async () => {
    const load = jest.fn<Promise<CheckInCode>, []>().mockResolvedValueOnce(code(1)).mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce(code(3))
    const onCode = jest.fn()
    const onError = jest.fn()
    let left = -1
    const r = createCodeRefresher({ load, onCode, onError, onTick: (s) => (left = s) })
    r.start()
    await flush()
    await act(async () => {
      jest.advanceTimersByTime(30_000)
    })
    await flush()
    expect(onError).toHaveBeenCalledTimes(1)
    expect(left).toBe(5)
    expect(onCode).toHaveBeenCalledTimes(1)
    await act(async () => {
      jest.advanceTimersByTime(5_000)
    })
    await flush()
    expect(onCode.mock.lastCall?.[0]).toMatchObject({ token: 'token-3' })
    r.stop()
  })

  it('stops: no more fetches, and an answer on its way is dropped', async () => {
    let resolve!: (c: CheckInCode) => void
    const load = jest.fn(() => new Promise<CheckInCode>((res) => (resolve = res)))
    const onCode = jest.fn()
    const r = createCodeRefresher({ load, onCode, onError: jest.fn(), onTick: jest.fn() })
    r.start()
    r.stop()
    resolve(code(1))
    await flush()
    await act(async () => {
      jest.advanceTimersByTime(120_000)
    })
    expect(onCode).not.toHaveBeenCalled()
    expect(load).toHaveBeenCalledTimes(1)
  })
})

describe('the code page', () => {
  it('shows the QR code and the six digits, and renews them every 30 seconds', async () => {
    taro.useRouter.mockReturnValue({ params: { id: 'a1', title: encodeURIComponent('重阳登山') }, path: '/pages/activity/code' })
    mockedCall.mockResolvedValueOnce({ state: 'open', token: 'checkin-token-1', shortCode: '123456', expiresAt: '' } as never)
    mockedCall.mockResolvedValueOnce({ state: 'open', token: 'checkin-token-2', shortCode: '654321', expiresAt: '' } as never)
    const { container, unmount } = render(<CodePage />)
    await flush()
    expect(mockedCall).toHaveBeenCalledWith('activity.myCode', { id: 'a1' }, { silent: true })
    expect(container.querySelector('.code-title')?.textContent).toBe('重阳登山')
    expect(container.querySelector('.code-short')?.textContent).toBe('123 456')
    expect(container.querySelectorAll('.code-qr__bar').length).toBeGreaterThan(50)
    expect(container.querySelector('.code-countdown')?.textContent).toContain('30 秒后自动刷新')

    await act(async () => {
      jest.advanceTimersByTime(12_000)
    })
    expect(container.querySelector('.code-countdown')?.textContent).toContain('18 秒后自动刷新')
    await act(async () => {
      jest.advanceTimersByTime(18_000)
    })
    await flush()
    expect(container.querySelector('.code-short')?.textContent).toBe('654 321')
    expect(mockedCall).toHaveBeenCalledTimes(2)

    unmount()
    await act(async () => {
      jest.advanceTimersByTime(120_000)
    })
    expect(mockedCall).toHaveBeenCalledTimes(2)
  })

  it('before check-in opens says when, and shows the code by itself once it opens', async () => {
    taro.useRouter.mockReturnValue({ params: { id: 'a1' }, path: '/pages/activity/code' })
    // 12月13日 06:30 in Shanghai.
    mockedCall.mockResolvedValueOnce({ state: 'not-yet', opensAt: '2026-12-12T22:30:00.000Z' } as never)
    mockedCall.mockResolvedValueOnce({ state: 'open', token: 'checkin-token-1', shortCode: '123456', expiresAt: '' } as never)
    const { container } = render(<CodePage />)
    await flush()
    expect(container.querySelector('.code-status--not-yet')?.textContent).toMatch(/^签到还没有开始(2026年)?12月13日 周日 06:30 开始签到/)
    expect(container.querySelector('.code-short')).toBeNull()
    await act(async () => {
      jest.advanceTimersByTime(30_000)
    })
    await flush()
    expect(container.querySelector('.code-short')?.textContent).toBe('123 456')
    expect(container.querySelector('.code-status')).toBeNull()
  })

  it('switches to 已签到 at the next refresh after the organizer checks the member in, and stops asking', async () => {
    taro.useRouter.mockReturnValue({ params: { id: 'a1' }, path: '/pages/activity/code' })
    mockedCall.mockResolvedValueOnce({ state: 'open', token: 'checkin-token-1', shortCode: '123456', expiresAt: '' } as never)
    mockedCall.mockResolvedValueOnce({ state: 'checked-in', checkedInAt: '2026-12-13T00:41:00.000Z' } as never)
    const { container } = render(<CodePage />)
    await flush()
    expect(container.querySelector('.code-short')?.textContent).toBe('123 456')
    await act(async () => {
      jest.advanceTimersByTime(30_000)
    })
    await flush()
    expect(container.querySelector('.code-short')).toBeNull()
    expect(container.querySelector('.code-status--checked-in')?.textContent).toContain('已签到')
    expect(container.querySelector('.code-status--checked-in')?.textContent).toContain('08:41 签到，出勤已记录')
    await act(async () => {
      jest.advanceTimersByTime(120_000)
    })
    expect(mockedCall).toHaveBeenCalledTimes(2)
  })

  it('says why there is no code for a member who is not confirmed', async () => {
    taro.useRouter.mockReturnValue({ params: { id: 'a1' }, path: '/pages/activity/code' })
    mockedCall.mockRejectedValueOnce(new ActionError('FORBIDDEN', '报名成功后才有签到码'))
    const { findByText } = render(<CodePage />)
    await flush()
    expect(await findByText('报名成功后才有签到码')).toBeTruthy()
  })
})

it('draws a real QR matrix: finder patterns in three corners', () => {
  const m = qrMatrix('checkin.abc.123')
  expect(m.size).toBeGreaterThanOrEqual(21)
  // The top-left finder's first row is seven dark modules in one run.
  expect(m.runs.find((r) => r.row === 0 && r.col === 0)).toEqual({ row: 0, col: 0, length: 7 })
  expect(m.runs.find((r) => r.row === 0 && r.col === m.size - 7)).toEqual({ row: 0, col: m.size - 7, length: 7 })
  expect(m.runs.find((r) => r.row === m.size - 1 && r.col === 0)).toEqual({ row: m.size - 1, col: 0, length: 7 })
})
