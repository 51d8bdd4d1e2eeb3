/** A page that cannot load says so once, and offers what can help: 再试一次 only where trying again can. */
jest.mock('@tarojs/taro', () => require('./mocks/taro-activities'))

import { render, screen } from '@testing-library/react'
import * as taro from './mocks/taro-activities'
import { ActionError } from '../../client/src/services/cloud'
import { ErrorState } from '../../client/src/components/ErrorState'
import { tapText } from '../support/client/dom'

const pages = (n: number) => ((taro.default as unknown as { getCurrentPages: () => unknown[] }).getCurrentPages = () => Array.from({ length: n }, () => ({})))

beforeEach(() => jest.clearAllMocks())

it('not found: no 再试一次; 回到首页 when it was opened on its own', async () => {
  pages(1)
  const retry = jest.fn()
  render(<ErrorState error={new ActionError('NOT_FOUND', '没有找到这个活动')} onRetry={retry} />)
  expect(screen.getByText('没有找到这个活动')).toBeTruthy()
  expect(screen.queryByText('再试一次')).toBeNull()
  await tapText('回到首页')
  expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' })
})

it('not found under another page: 返回 goes back', async () => {
  pages(3)
  render(<ErrorState error={new ActionError('NOT_FOUND', '没有找到这项福利')} onRetry={jest.fn()} />)
  await tapText('返回')
  expect(taro.navigateBack).toHaveBeenCalled()
  expect(taro.switchTab).not.toHaveBeenCalled()
})

it('not allowed: a way back, no retry', () => {
  pages(2)
  render(<ErrorState error={new ActionError('FORBIDDEN', '报名成功后才有签到码')} onRetry={jest.fn()} />)
  expect(screen.getByText('返回')).toBeTruthy()
  expect(screen.queryByText('再试一次')).toBeNull()
})

it('a failure that may pass keeps 再试一次', async () => {
  pages(2)
  const retry = jest.fn()
  render(<ErrorState error={new ActionError('NETWORK', '网络不太好，请稍后再试')} onRetry={retry} />)
  expect(screen.queryByText('返回')).toBeNull()
  await tapText('再试一次')
  expect(retry).toHaveBeenCalledTimes(1)
})
