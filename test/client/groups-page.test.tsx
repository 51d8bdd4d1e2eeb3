/** 小组 tab: 我的小组 first (with 待审核), then 全部小组 with interest groups leading; 满员; empty states; tap opens the group. */
jest.mock('@tarojs/taro', () => require('./mocks/taro-groups'))
jest.mock('../../client/src/services/cloud', () => ({ ...jest.requireActual('../../client/src/services/cloud'), callAction: jest.fn() }))

import { act, render, screen } from '@testing-library/react'
import type { GroupCard } from '@shared/contract'
import * as taro from './mocks/taro-groups'
import { ActionError } from '../../client/src/services/cloud'
import GroupsPage from '../../client/src/pages/groups/index'
import { mockedCall } from '../support/client/serve'

const card = (id: string, name: string, over: Partial<GroupCard> = {}): GroupCard => ({
  id,
  kind: 'interest',
  name,
  description: `${name}的简介`,
  memberCount: 3,
  sizeLimit: null,
  joinPolicy: 'open',
  myStatus: null,
  iLead: false,
  ...over,
})
const dept = (id: string, name: string, over: Partial<GroupCard> = {}) =>
  card(`dept:${id}`, `${name}工会小组`, { kind: 'department', description: `${name}全体会员`, ...over })

beforeEach(() => {
  mockedCall.mockReset()
  jest.clearAllMocks()
})

const names = (container: HTMLElement, section: string) => Array.from(container.querySelectorAll(`${section} .group-card__name`)).map((n) => n.textContent)

it('lists my groups first, then all the others with interest groups before union groups', async () => {
  mockedCall.mockResolvedValueOnce({
    mine: [dept('d4', '信息中心', { myStatus: 'active' }), card('g2', '摄影', { myStatus: 'pending', joinPolicy: 'approval' })],
    others: [dept('d1', '办公室'), card('g1', '羽毛球', { memberCount: 20, sizeLimit: 20 }), card('g3', '瑜伽', { sizeLimit: 30 })],
  } as never)
  const { container } = render(<GroupsPage />)
  await screen.findByText('我的小组')
  expect(names(container, '.groups-mine')).toEqual(['信息中心工会小组', '摄影'])
  expect(names(container, '.groups-all')).toEqual(['羽毛球', '瑜伽', '办公室工会小组'])

  const photo = container.querySelector('[data-group-id="g2"]')!
  expect(photo.querySelector('.group-card__tag--pending')?.textContent).toBe('待审核')
  expect(photo.textContent).toContain('兴趣小组')
  expect(container.querySelector('[data-group-id="dept:d4"]')?.textContent).toContain('工会小组')

  const badminton = container.querySelector('[data-group-id="g1"]')!
  expect(badminton.querySelector('.group-card__count')?.textContent).toBe('20 / 20 人')
  expect(badminton.querySelector('.group-card__tag--full')?.textContent).toBe('满员')
  expect(container.querySelector('[data-group-id="g3"] .group-card__tag--full')).toBeNull()
  expect(container.querySelector('[data-group-id="g3"] .group-card__description')?.textContent).toBe('瑜伽的简介')

  await act(async () => {
    ;(container.querySelector('[data-group-id="dept:d1"]') as HTMLElement).click()
  })
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/group/index?id=dept%3Ad1' })
})

it('has an empty state for each section', async () => {
  mockedCall.mockResolvedValueOnce({ mine: [], others: [] } as never)
  render(<GroupsPage />)
  await screen.findByText('你还没有加入小组')
  expect(screen.getByText('还没有小组')).toBeTruthy()
})

it('asks an unbound member to bind first', async () => {
  mockedCall.mockRejectedValueOnce(new ActionError('NOT_BOUND', '请先绑定会员身份'))
  render(<GroupsPage />)
  await screen.findByText('请先绑定会员身份')
  expect(screen.getByText('去绑定会员身份')).toBeTruthy()
})
