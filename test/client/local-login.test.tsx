/** The demo-account switcher: only in local mode, lists /local/accounts and stores the pick. */
jest.mock('@tarojs/taro', () => require('./mocks/taro'))

import { act, render, waitFor } from '@testing-library/react'
import * as taro from './mocks/taro'
import { LocalLogin } from '../../client/src/components/LocalLogin'

const accounts = [
  { openid: 'demo-admin', name: '张伟', department: '办公室', roles: ['member', 'admin'] },
  { openid: 'demo-member', name: '刘洋', department: '信息中心', roles: ['member'] },
]
const setLocalMode = (on: boolean) => {
  ;(globalThis as unknown as { LOCAL_MODE: boolean }).LOCAL_MODE = on
}

beforeEach(() => {
  jest.clearAllMocks()
  taro.getStorageSync.mockImplementation(() => '')
})
afterEach(() => setLocalMode(false))

it('renders nothing and fetches nothing outside local mode', () => {
  setLocalMode(false)
  const { container } = render(<LocalLogin />)
  expect(container.innerHTML).toBe('')
  expect(taro.request).not.toHaveBeenCalled()
})

it('lists the demo accounts and stores the chosen openid under local.openid', async () => {
  setLocalMode(true)
  taro.request.mockResolvedValueOnce({ statusCode: 200, data: { accounts }, header: {}, errMsg: 'ok' })
  // jsdom cannot navigate; the reload itself is covered by the browser test.
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => {})

  const { container } = render(<LocalLogin />)
  expect(taro.request).toHaveBeenCalledWith(expect.objectContaining({ url: '/local/accounts', method: 'GET' }))
  const bar = container.querySelector('.local-login-switcher') as HTMLElement
  expect(bar.textContent).toContain('以演示账号身份登录')

  await act(async () => bar.click())
  const option = await waitFor(() => {
    const found = Array.from(document.querySelectorAll('.local-login-option')).find((n) => n.textContent?.includes('刘洋'))
    expect(found).toBeTruthy()
    return found as HTMLElement
  })
  expect(option.textContent).toContain('以刘洋身份登录')
  expect(document.body.textContent).toContain('办公室 · 会员、管理员')

  await act(async () => option.click())
  expect(taro.setStorageSync).toHaveBeenCalledWith('local.openid', 'demo-member')
  quiet.mockRestore()
})

it('names the member currently signed in', async () => {
  setLocalMode(true)
  taro.getStorageSync.mockImplementation((key: string) => (key === 'local.openid' ? 'demo-admin' : ''))
  taro.request.mockResolvedValueOnce({ statusCode: 200, data: { accounts }, header: {}, errMsg: 'ok' })
  const { container } = render(<LocalLogin />)
  await waitFor(() => expect(container.querySelector('.local-login-switcher')?.textContent).toContain('当前以张伟身份登录'))
})
