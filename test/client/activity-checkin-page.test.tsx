/** 现场签到: six typed digits are sent once — not again by the 签到 tap that habitually follows, nor by a repeated input event. */
jest.mock('@tarojs/taro', () => require('./mocks/taro-activities'))
jest.mock('../../client/src/services/cloud', () => ({ ...jest.requireActual('../../client/src/services/cloud'), callAction: jest.fn() }))

import { act, fireEvent, render, waitFor } from '@testing-library/react'
import * as taro from './mocks/taro-activities'
import { ActionError } from '../../client/src/services/cloud'
import CheckInPage from '../../client/src/packages/organizer/checkin/index'
import { mockedCall } from '../support/client/serve'

const calls = (name: string) => mockedCall.mock.calls.filter((c) => c[0] === name)

function serve(checkIn: () => Promise<unknown>) {
  mockedCall.mockImplementation(((name: string) => {
    if (name === 'activity.checkIn') return checkIn()
    if (name === 'activity.attendees') return Promise.resolve({ items: [], total: 0, page: 1, pageSize: 1, checkedIn: 0, confirmed: 2, waiting: 0, entered: 0 })
    if (name === 'activity.get') return Promise.reject(new ActionError('NOT_FOUND', '没有找到这个活动'))
    return Promise.reject(new ActionError('NOT_FOUND', `no answer for ${name}`))
  }) as never)
}

async function input(container: HTMLElement) {
  return waitFor(() => {
    const el = container.querySelector('.checkin-input input')
    expect(el).toBeTruthy()
    return el as HTMLInputElement
  })
}
const submit = (container: HTMLElement) => container.querySelector('.checkin-submit') as HTMLElement

beforeEach(() => {
  jest.clearAllMocks()
  mockedCall.mockReset()
  taro.useRouter.mockReturnValue({ params: { id: 'a1' }, path: '/packages/organizer/checkin/index' })
})

it('the sixth digit sends the code; a tap on 签到 while it is on its way sends nothing more', async () => {
  let answer!: (v: unknown) => void
  serve(() => new Promise((res) => (answer = res)))
  const { container } = render(<CheckInPage />)
  const el = await input(container)
  await act(async () => {
    fireEvent.input(el, { target: { value: '12345' } })
  })
  expect(calls('activity.checkIn')).toHaveLength(0)
  await act(async () => {
    fireEvent.input(el, { target: { value: '123456' } })
    // The same value reported again, and the habitual tap, in the same moment.
    fireEvent.input(el, { target: { value: '123456' } })
    submit(container).click()
  })
  await act(async () => {
    submit(container).click()
  })
  expect(calls('activity.checkIn')).toEqual([['activity.checkIn', { id: 'a1', code: '123456' }, { silent: true }]])
  await act(async () => {
    answer({ name: '陈静', department: '财务科', alreadyCheckedIn: false, checkedIn: 1, confirmed: 2 })
  })
  await waitFor(() => expect(container.querySelector('.checkin-result--ok')?.textContent).toBe('✓ 陈静 · 财务科 签到成功'))
  await act(async () => {
    submit(container).click()
  })
  expect(calls('activity.checkIn')).toHaveLength(1)
})

it('a refused code is not sent again by 签到; new digits are; after a network failure 签到 retries', async () => {
  serve(() => Promise.reject(new ActionError('CLOSED', '签到将于 2026-12-13 06:30 开始（活动开始前 2 小时）')))
  const { container } = render(<CheckInPage />)
  const el = await input(container)
  await act(async () => {
    fireEvent.input(el, { target: { value: '123456' } })
  })
  await waitFor(() => expect(container.querySelector('.checkin-result--error')?.textContent).toBe('✗ 签到将于 2026-12-13 06:30 开始（活动开始前 2 小时）'))
  await act(async () => {
    submit(container).click()
  })
  expect(calls('activity.checkIn')).toHaveLength(1)

  serve(() => Promise.reject(new ActionError('NETWORK', '网络不太好，请稍后再试')))
  await act(async () => {
    fireEvent.input(el, { target: { value: '65432' } })
  })
  await act(async () => {
    fireEvent.input(el, { target: { value: '654321' } })
  })
  await waitFor(() => expect(calls('activity.checkIn')).toHaveLength(2))
  await waitFor(() => expect(container.querySelector('.checkin-result--error')?.textContent).toBe('✗ 网络不太好，请稍后再试'))
  await act(async () => {
    submit(container).click()
  })
  expect(calls('activity.checkIn')).toHaveLength(3)
  expect(calls('activity.checkIn')[2][1]).toEqual({ id: 'a1', code: '654321' })
})
