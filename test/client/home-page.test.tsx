/** 首页: loading first, then the greeting from member.me, or a clear message when that fails. */
jest.mock('@tarojs/taro', () => require('./mocks/taro'))
jest.mock('../../client/src/services/cloud', () => ({
  ...jest.requireActual('../../client/src/services/cloud'),
  callAction: jest.fn(),
}))

import { act, render, screen, waitFor } from '@testing-library/react'
import type { MeView } from '@shared/contract'
import * as taro from './mocks/taro'
import { ActionError, callAction } from '../../client/src/services/cloud'
import HomePage from '../../client/src/pages/home/index'

const mockedCall = callAction as jest.MockedFunction<typeof callAction>
const me: MeView = { member: { id: 'm4', name: '刘洋', department: '信息中心', memberNo: 'GH2026004' }, union: { id: 'u1', name: '市直机关示范工会' }, roles: ['member'], grants: [{ role: 'member' }], badges: { groupRequests: 0, unreadMessages: 0 }, uploadFolder: 'uploads/test' }

/** A promise the test settles by hand, so the loading state can be seen. */
function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const setLocalMode = (on: boolean) => {
  ;(globalThis as unknown as { LOCAL_MODE: boolean }).LOCAL_MODE = on
}

beforeEach(() => {
  mockedCall.mockReset()
  setLocalMode(false)
})

it('shows the loading state, then greets the member by name with department and union', async () => {
  const call = deferred<MeView>()
  mockedCall.mockReturnValueOnce(call.promise as never)
  const { container } = render(<HomePage />)

  expect(screen.getByText('正在加载…')).toBeTruthy()
  expect(container.querySelector('.home-greeting')).toBeNull()
  expect(mockedCall).toHaveBeenCalledWith('member.me', {}, { silent: true })

  await act(async () => call.resolve(me))
  await waitFor(() => expect(container.querySelector('.home-greeting')?.textContent).toContain('你好，刘洋'))
  expect(container.querySelector('.home-greeting')?.textContent).toContain('信息中心 · 市直机关示范工会')
  expect(screen.queryByText('正在加载…')).toBeNull()
})

it('asks an unbound user to bind first', async () => {
  mockedCall.mockRejectedValueOnce(new ActionError('NOT_BOUND', '请先绑定会员身份'))
  const { container } = render(<HomePage />)
  await screen.findByText('请先绑定会员身份')
  expect(container.querySelector('.home-greeting')).toBeNull()
  await act(async () => {
    screen.getByText('去绑定会员身份').click()
  })
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/bind/index' })
})

it('in local mode, asks to pick a demo account when nobody is signed in', async () => {
  setLocalMode(true)
  mockedCall.mockRejectedValueOnce(new ActionError('UNAUTHENTICATED', '无法确认您的身份，请在微信中重新打开小程序'))
  render(<HomePage />)
  await screen.findByText('请选择一个演示账号登录')
})

it('outside local mode, shows the server’s wording for UNAUTHENTICATED', async () => {
  mockedCall.mockRejectedValueOnce(new ActionError('UNAUTHENTICATED', '无法确认您的身份，请在微信中重新打开小程序'))
  render(<HomePage />)
  await screen.findByText('无法确认您的身份，请在微信中重新打开小程序')
  expect(screen.queryByText('请选择一个演示账号登录')).toBeNull()
})

it('offers a retry after a network failure and greets once it works', async () => {
  mockedCall.mockRejectedValueOnce(new ActionError('NETWORK', '网络不太好，请稍后再试')).mockResolvedValueOnce(me as never)
  const { container } = render(<HomePage />)
  const retry = await screen.findByText('再试一次')
  await act(async () => {
    retry.click()
  })
  await waitFor(() => expect(container.querySelector('.home-greeting')?.textContent).toContain('刘洋'))
  expect(mockedCall).toHaveBeenCalledTimes(2)
})
