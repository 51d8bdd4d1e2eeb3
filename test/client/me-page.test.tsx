/** 我的: who I am in Chinese, and staff tools only for the matching role. */
jest.mock('@tarojs/taro', () => require('./mocks/taro'))
jest.mock('../../client/src/services/cloud', () => ({
  ...jest.requireActual('../../client/src/services/cloud'),
  callAction: jest.fn(),
}))

import { act, render, screen } from '@testing-library/react'
import type { MeView, Role } from '@shared/contract'
import * as taro from './mocks/taro'
import { callAction } from '../../client/src/services/cloud'
import MePage from '../../client/src/pages/me/index'

const mockedCall = callAction as jest.MockedFunction<typeof callAction>
const meWith = (roles: Role[], grants: MeView['grants'] = roles.map((role) => ({ role }))): MeView => ({
  member: { id: 'm1', name: '张伟', department: '办公室', memberNo: 'GH2026001' },
  union: { id: 'u1', name: '市直机关示范工会' },
  roles,
  grants,
  badges: { groupRequests: 0, unreadMessages: 0 },
  uploadFolder: 'uploads/test',
})

beforeEach(() => {
  mockedCall.mockReset()
  jest.clearAllMocks()
})

it('shows name, department and roles in Chinese, with the admin tool for an admin only', async () => {
  mockedCall.mockResolvedValueOnce(meWith(['member', 'admin']) as never)
  const { container } = render(<MePage />)
  await screen.findByText('会员管理')
  expect(container.querySelector('.me-name')?.textContent).toBe('张伟')
  expect(container.querySelector('.me-department')?.textContent).toContain('办公室')
  expect(container.querySelector('.me-member-no')?.textContent).toBe('会员编号 GH2026001')
  expect(Array.from(container.querySelectorAll('.me-role')).map((n) => n.textContent)).toEqual(['会员', '管理员'])
  expect(screen.queryByText('福利核销')).toBeNull()

  await act(async () => {
    screen.getByText('会员管理').click()
  })
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/index/index' })
})

it('offers 福利核销 to a redeemer, 经费管理 to the audit committee, and no staff tool to a plain member', async () => {
  mockedCall.mockResolvedValueOnce(meWith(['member', 'redeemer']) as never)
  const first = render(<MePage />)
  await screen.findByText('福利核销')
  expect(screen.getByText('核销员')).toBeTruthy()
  expect(screen.queryByText('会员管理')).toBeNull()
  expect(screen.queryByText('经费管理')).toBeNull()
  first.unmount()

  mockedCall.mockResolvedValueOnce(
    meWith(['member', 'leader', 'auditor'], [{ role: 'member' }, { role: 'leader', scope: { kind: 'department', id: 'd2', name: '财务科' } }, { role: 'auditor' }]) as never,
  )
  const second = render(<MePage />)
  await screen.findByText('财务科 组长')
  expect(screen.getByText('经费审查')).toBeTruthy()
  // The audit committee reads the funds: one tool, with read-only wording.
  expect(Array.from(second.container.querySelectorAll('.me-tools .me-tool__text')).map((n) => n.textContent)).toEqual(['经费管理'])
  expect(second.container.querySelector('.me-tool--funds .me-tool__hint')?.textContent).toBe('查阅预算执行、台账和审计记录')
  await act(async () => {
    screen.getByText('经费管理').click()
  })
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/funds/index/index' })
  second.unmount()

  mockedCall.mockResolvedValueOnce(meWith(['member']) as never)
  const { container } = render(<MePage />)
  await screen.findByText('经费公开栏')
  expect(container.querySelector('.me-tools')).toBeNull()
  await act(async () => {
    screen.getByText('经费公开栏').click()
  })
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/funds-public/index' })
})
