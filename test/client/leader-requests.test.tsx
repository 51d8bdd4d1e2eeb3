/** 入组申请: 同意 decides at once; 拒绝 asks for an optional reason first; the empty state says there is nothing waiting. */
jest.mock('@tarojs/taro', () => require('./mocks/taro-groups'))
jest.mock('../../client/src/services/cloud', () => ({ ...jest.requireActual('../../client/src/services/cloud'), callAction: jest.fn() }))

import { act, render, screen, waitFor } from '@testing-library/react'
import type { JoinRequest } from '@shared/contract'
import * as taro from './mocks/taro-groups'
import RequestsPage from '../../client/src/packages/leader/requests/index'
import { mockedCall } from '../support/client/serve'
import { hideFindDOMNodeWarnings, type } from '../support/client/dom'

// What the page marks changed (the group page and 小组 load again when shown), spied on the data layer.
jest.mock('../../client/src/data/cache', () => {
  const actual = jest.requireActual('../../client/src/data/cache')
  return { ...actual, invalidate: jest.fn(actual.invalidate) }
})
const { invalidate } = jest.requireMock<{ invalidate: jest.Mock }>('../../client/src/data/cache')

const request = (memberId: string, name: string): JoinRequest => ({ memberId, name, department: '信息中心', requestedAt: '2026-11-20 09:30' })

hideFindDOMNodeWarnings()

let waiting: JoinRequest[]
beforeEach(() => {
  mockedCall.mockReset()
  jest.clearAllMocks()
  taro.useRouter.mockReturnValue({ params: { id: 'g1' }, path: '' })
  waiting = [request('m4', '刘洋'), request('m5', '陈静')]
  mockedCall.mockImplementation((async (name: string, input: { memberId?: string }) => {
    if (name === 'group.get') return { id: 'g1', name: '摄影', kind: 'interest', leaders: [], pendingCount: waiting.length }
    if (name === 'group.requests') return { items: waiting, total: waiting.length, page: 1, pageSize: 20 }
    if (name === 'group.decide') {
      waiting = waiting.filter((r) => r.memberId !== input.memberId)
      return { status: 'active' }
    }
    throw new Error(`unexpected ${name}`)
  }) as never)
})

it('approves with one tap and takes the request off the list', async () => {
  const { container } = render(<RequestsPage />)
  await screen.findByText('刘洋')
  expect(screen.getByText('摄影 · 2 条待审核')).toBeTruthy()
  expect(container.querySelector('.request-row .leader-row__meta')?.textContent).toBe('信息中心 · 申请于 2026-11-20 09:30')
  await act(async () => {
    ;(container.querySelector('[data-member-id="m4"] .request-approve') as HTMLElement).click()
  })
  expect(mockedCall).toHaveBeenCalledWith('group.decide', { id: 'g1', memberId: 'm4', approve: true })
  await waitFor(() => expect(screen.queryByText('刘洋')).toBeNull())
  expect(invalidate).toHaveBeenCalledWith('group')
})

it('asks for a reason before declining, and says when nothing is waiting', async () => {
  const { container } = render(<RequestsPage />)
  await screen.findByText('陈静')
  await act(async () => {
    ;(container.querySelector('[data-member-id="m5"] .request-decline') as HTMLElement).click()
  })
  await screen.findByText('拒绝陈静的申请')
  expect(mockedCall).not.toHaveBeenCalledWith('group.decide', expect.anything())
  await type(document.body, '.reason-input', ' 本期名额已满 ')
  await act(async () => {
    ;(document.querySelector('.reason-dialog .nut-dialog-footer-ok') as HTMLElement).click()
  })
  expect(mockedCall).toHaveBeenCalledWith('group.decide', { id: 'g1', memberId: 'm5', approve: false, reason: '本期名额已满' })
  await waitFor(() => expect(container.querySelectorAll('.request-row')).toHaveLength(1))

  await act(async () => {
    ;(container.querySelector('[data-member-id="m4"] .request-approve') as HTMLElement).click()
  })
  await screen.findByText('暂无待审核的申请')
})
