/** 活动 tab: cards with time, places and my status; a different empty state per tab; 发布活动 for organizers only. */
jest.mock('@tarojs/taro', () => require('./mocks/taro-activities'))
jest.mock('../../client/src/services/cloud', () => ({
  ...jest.requireActual('../../client/src/services/cloud'),
  callAction: jest.fn(),
}))

import { act, render, screen } from '@testing-library/react'
import type { ActivityCard, MeView } from '@shared/contract'
import * as taro from './mocks/taro-activities'
import { callAction } from '../../client/src/services/cloud'
import ActivitiesPage from '../../client/src/pages/activities/index'

const mockedCall = callAction as jest.MockedFunction<typeof callAction>
const me = (roles: MeView['roles']): MeView => ({
  member: { id: 'm4', name: '刘洋', department: '信息中心', memberNo: 'GH2026004' },
  union: { id: 'u1', name: '市直机关示范工会' },
  roles,
  grants: roles.map((role) => ({ role })),
  badges: { groupRequests: 0 },
  uploadFolder: 'uploads/test',
})
const card = (over: Partial<ActivityCard>): ActivityCard => ({
  id: 'a1',
  title: '重阳登山',
  type: '登山',
  place: '凤凰山北门',
  startAt: '2099-11-28T08:30:00+08:00',
  endAt: '2099-11-28T11:30:00+08:00',
  capacity: 10,
  confirmedCount: 7,
  organizer: '工会',
  myStatus: null,
  allocation: 'fcfs',
  drawAt: null,
  drawnAt: null,
  coverUrl: null,
  ...over,
})
const page = (items: ActivityCard[]) => ({ items, total: items.length, page: 1, pageSize: 20 })

/** Answers by action name, whatever order the page calls in. */
function serve(answers: Record<string, (input: any) => unknown>) {
  mockedCall.mockImplementation(((name: string, input: unknown) => Promise.resolve(answers[name](input))) as never)
}

beforeEach(() => {
  jest.clearAllMocks()
  mockedCall.mockReset()
})

it('shows each event with its time, places and my sign-up, and opens it', async () => {
  serve({
    'member.me': () => me(['member']),
    'activity.list': () =>
      page([
        card({ id: 'a1' }),
        card({ id: 'a2', title: '三八健步走', type: '健步走', capacity: null, myStatus: 'confirmed' }),
        card({ id: 'a3', title: '读书分享会', type: '讲座', capacity: 2, confirmedCount: 2, myStatus: 'waiting', organizer: '财务科工会小组' }),
      ]),
  })
  const { container } = render(<ActivitiesPage />)
  await screen.findByText('重阳登山')
  const cards = Array.from(container.querySelectorAll('.activity-card'))
  expect(cards.map((c) => c.querySelector('.activity-card__places')?.textContent)).toEqual(['剩 3 个名额', '不限名额', '名额已满'])
  expect(cards.map((c) => c.querySelector('.activity-card__mine')?.textContent ?? '')).toEqual(['', '已报名', '排队中'])
  expect(cards[0].querySelector('.activity-card__time')?.textContent).toBe('2099年11月28日 周六 08:30')
  // A plain member cannot post.
  expect(container.querySelector('.activities-post')).toBeNull()
  await act(async () => {
    ;(cards[2] as HTMLElement).click()
  })
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/activity/index?id=a3' })
})

it('filters by type, and each tab says kindly when it is empty', async () => {
  serve({ 'member.me': () => me(['member', 'admin']), 'activity.list': () => page([]) })
  const { container } = render(<ActivitiesPage />)
  await screen.findByText('近期还没有活动')
  expect(container.querySelector('.activities-post')?.textContent).toContain('发布活动')

  await act(async () => {
    screen.getByText('讲座').click()
  })
  await screen.findByText('没有「讲座」类的活动')
  expect(mockedCall).toHaveBeenLastCalledWith('activity.list', { tab: 'upcoming', type: '讲座', page: 1, pageSize: 20 }, { silent: true })

  await act(async () => {
    screen.getByText('我报名的').click()
  })
  await screen.findByText('你还没有报名活动')
  // 我报名的 lists every sign-up: no type filter there.
  expect(mockedCall).toHaveBeenLastCalledWith('activity.list', { tab: 'mine', page: 1, pageSize: 20 }, { silent: true })
  expect(container.querySelector('.activities-types')).toBeNull()

  await act(async () => {
    screen.getByText('往期').click()
  })
  await screen.findByText('没有「讲座」类的往期活动')
})
