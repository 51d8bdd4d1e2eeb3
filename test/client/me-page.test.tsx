/** 我的: who I am in Chinese, and staff tools only for the matching role. */
jest.mock('@tarojs/taro', () => require('./mocks/taro'))
jest.mock('../../client/src/services/cloud', () => ({ ...jest.requireActual('../../client/src/services/cloud'), callAction: jest.fn() }))

import { act, render, screen, waitFor } from '@testing-library/react'
import type { MeView, Role } from '@shared/contract'
import * as taro from './mocks/taro'
import MePage from '../../client/src/pages/me/index'
import { mockedCall } from '../support/client/serve'
import { meView, ZHANG_WEI } from '../support/client/me'
import { tapText } from '../support/client/dom'

/** 张伟 holding `roles`, each for the whole union unless `grants` says otherwise. */
const meWith = (roles: Role[], grants: MeView['grants'] = roles.map((role) => ({ role }))) => meView(roles, { member: ZHANG_WEI, grants })

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

  await tapText('会员管理')
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
    meWith(
      ['member', 'leader', 'auditor'],
      [{ role: 'member' }, { role: 'leader', scope: { kind: 'department', id: 'd2', name: '财务科' } }, { role: 'auditor' }],
    ) as never,
  )
  const second = render(<MePage />)
  await screen.findByText('财务科 组长')
  expect(screen.getByText('经费审查')).toBeTruthy()
  // The audit committee reads the funds: one tool, with read-only wording.
  expect(Array.from(second.container.querySelectorAll('.me-tools .me-tool__text')).map((n) => n.textContent)).toEqual(['经费管理'])
  expect(second.container.querySelector('.me-tool--funds .me-tool__hint')?.textContent).toBe('查阅预算执行、台账和审计记录')
  await tapText('经费管理')
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/funds/index/index' })
  second.unmount()

  mockedCall.mockResolvedValueOnce(meWith(['member']) as never)
  const { container } = render(<MePage />)
  await screen.findByText('经费公开栏')
  expect(container.querySelector('.me-tools')).toBeNull()
  await tapText('经费公开栏')
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/funds-public/index' })
})

describe("the member's own things, 消息 with its badge, 联系工会", () => {
  const withMessages = (unread: number, contact: MeView['union']['contact'] = { phone: '0571-87001234', place: '机关大楼 3 楼 305 室' }): MeView => ({
    ...meWith(['member']),
    union: { id: 'u1', name: '市直机关示范工会', contact },
    badges: { groupRequests: 0, unreadMessages: unread },
  })

  it('lists 我的活动, 我的小组, 我的福利, 我的帮扶申请, 消息 (with the unread count) and 电子会员证, each opening where it lives', async () => {
    mockedCall.mockResolvedValueOnce(withMessages(3) as never)
    const { container } = render(<MePage />)
    await screen.findByText('我的活动')
    expect(Array.from(container.querySelectorAll('.me-mine .me-tool__text')).map((n) => n.textContent)).toEqual([
      '我的活动',
      '我的小组',
      '我的福利',
      '我的帮扶申请',
      '消息',
      '电子会员证',
    ])
    expect(container.querySelector('.me-tool--messages .me-badge')?.textContent).toBe('3')
    // The badge on the 我的 tab comes with member.me: the page made no other call.
    expect(taro.setTabBarBadge).toHaveBeenCalledWith({ index: 4, text: '3' })
    expect(mockedCall).toHaveBeenCalledTimes(1)
    expect(mockedCall).toHaveBeenCalledWith('member.me', {}, { silent: true })

    const tap = async (key: string) => {
      await act(async () => {
        ;(container.querySelector(`.me-tool--${key}`) as HTMLElement).click()
      })
    }
    await tap('messages')
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/member/messages/index' })
    await tap('card')
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/member-card/index' })
    await tap('hardship')
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/hardship/index' })
    await tap('activities')
    expect(taro.switchTab).toHaveBeenLastCalledWith({ url: '/pages/activities/index' })
    await tap('benefits')
    expect(taro.switchTab).toHaveBeenLastCalledWith({ url: '/pages/benefits/index' })
    await tap('groups')
    expect(taro.switchTab).toHaveBeenLastCalledWith({ url: '/pages/groups/index' })
  })

  it('no unread messages: no badge beside 消息 and none on the tab', async () => {
    mockedCall.mockResolvedValueOnce(withMessages(0) as never)
    const { container } = render(<MePage />)
    await screen.findByText('消息')
    await waitFor(() => expect(container.querySelector('.me-badge')).toBeNull())
    expect(taro.removeTabBarBadge).toHaveBeenCalledWith({ index: 4 })
  })

  it('shows the office phone (a tap dials it) and place, or says the union has not filled them in', async () => {
    mockedCall.mockResolvedValueOnce(withMessages(0) as never)
    const first = render(<MePage />)
    await screen.findByText('联系工会')
    expect(first.container.querySelector('.me-contact__phone')?.textContent).toBe('电话0571-87001234')
    expect(first.container.querySelector('.me-contact__place')?.textContent).toBe('地点机关大楼 3 楼 305 室')
    await act(async () => {
      ;(first.container.querySelector('.me-contact__phone') as HTMLElement).click()
    })
    expect(taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '0571-87001234' })
    first.unmount()

    mockedCall.mockResolvedValueOnce(withMessages(0, null) as never)
    const { container } = render(<MePage />)
    await screen.findByText('联系工会')
    expect(container.querySelector('.me-contact__empty')?.textContent).toBe('工会办公室还没有填写联系方式，可以先向所在小组的组长打听。')
  })
})
