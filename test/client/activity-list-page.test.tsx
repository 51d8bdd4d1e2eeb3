/** 活动 tab: cards with time, places, cover, 抽签 and my status; filters by type and interest group; a different empty state per tab; 发布活动 for organizers only. */
jest.mock('@tarojs/taro', () => require('./mocks/taro-activities'))
jest.mock('../../client/src/services/cloud', () => ({ ...jest.requireActual('../../client/src/services/cloud'), callAction: jest.fn() }))

import { act, render, screen } from '@testing-library/react'
import type { ActivityCard, GroupCard } from '@shared/contract'
import * as taro from './mocks/taro-activities'
import ActivitiesPage from '../../client/src/pages/activities/index'
import { mockedCall, pageOf, serve } from '../support/client/serve'
import { meView } from '../support/client/me'
import { tapText } from '../support/client/dom'

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
const group = (over: Partial<GroupCard>): GroupCard => ({
  id: 'demo-group-badminton',
  kind: 'interest',
  name: '羽毛球',
  description: '',
  memberCount: 5,
  sizeLimit: 30,
  joinPolicy: 'open',
  myStatus: null,
  iLead: false,
  ...over,
})
const noGroups = () => ({ mine: [], others: [] })

/** Answers by action name, whatever order the page calls in. */

beforeEach(() => {
  jest.clearAllMocks()
  mockedCall.mockReset()
})

it('shows each event with its time, places and my sign-up, and opens it', async () => {
  serve({
    'member.me': () => meView(['member']),
    'group.list': noGroups,
    'activity.list': () =>
      pageOf([
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

it('filters by type on every tab, and each tab says kindly when it is empty', async () => {
  serve({ 'member.me': () => meView(['member', 'admin']), 'group.list': noGroups, 'activity.list': () => pageOf([]) })
  const { container } = render(<ActivitiesPage />)
  await screen.findByText('近期还没有活动')
  expect(container.querySelector('.activities-post')?.textContent).toContain('发布活动')

  await tapText('讲座')
  await screen.findByText('没有「讲座」类的活动')
  expect(mockedCall).toHaveBeenLastCalledWith('activity.list', { tab: 'upcoming', type: '讲座', page: 1, pageSize: 20 }, { silent: true })

  await tapText('我报名的')
  // 我报名的 filters by type too.
  await screen.findByText('没有报名过「讲座」类的活动')
  expect(mockedCall).toHaveBeenLastCalledWith('activity.list', { tab: 'mine', type: '讲座', page: 1, pageSize: 20 }, { silent: true })

  await tapText('往期')
  await screen.findByText('没有「讲座」类的往期活动')

  // 看全部活动 clears the filter.
  await tapText('看全部活动')
  await screen.findByText('还没有往期活动')
  expect(mockedCall).toHaveBeenLastCalledWith('activity.list', { tab: 'past', page: 1, pageSize: 20 }, { silent: true })

  await tapText('我报名的')
  await screen.findByText('你还没有报名活动')
  expect(mockedCall).toHaveBeenLastCalledWith('activity.list', { tab: 'mine', page: 1, pageSize: 20 }, { silent: true })
  // No interest groups: no group filter.
  expect(container.querySelector('.activities-groups')).toBeNull()
})

it('filters by interest group (department groups are not offered), on every tab', async () => {
  serve({
    'member.me': () => meView(['member']),
    'group.list': () => ({
      mine: [group({ id: 'dept-1', kind: 'department', name: '财务科工会小组' }), group({})],
      others: [group({ id: 'demo-group-photo', name: '摄影' })],
    }),
    'activity.list': (input: { groupId?: string }) => pageOf(input.groupId ? [] : [card({})]),
  })
  const { container } = render(<ActivitiesPage />)
  await screen.findByText('重阳登山')
  const chips = Array.from(container.querySelectorAll('.activities-group')).map((c) => c.textContent)
  expect(chips).toEqual(['不限', '羽毛球', '摄影'])

  await tapText('摄影')
  await screen.findByText('没有「摄影」小组的活动')
  expect(mockedCall).toHaveBeenLastCalledWith('activity.list', { tab: 'upcoming', groupId: 'demo-group-photo', page: 1, pageSize: 20 }, { silent: true })

  await tapText('我报名的')
  await screen.findByText('没有报名过「摄影」小组的活动')
  expect(mockedCall).toHaveBeenLastCalledWith('activity.list', { tab: 'mine', groupId: 'demo-group-photo', page: 1, pageSize: 20 }, { silent: true })

  await tapText('不限')
  await screen.findByText('重阳登山')
})

it('shows the cover, the 抽签 badge with its time, and my lottery status', async () => {
  serve({
    'member.me': () => meView(['member']),
    'group.list': noGroups,
    'activity.list': () =>
      pageOf([
        card({
          id: 'l1',
          title: '音乐会抽票',
          allocation: 'lottery',
          drawAt: '2099-11-27T20:00:00+08:00',
          capacity: 30,
          confirmedCount: 0,
          myStatus: 'entered',
          coverUrl: 'https://files.example/concert.jpg',
        }),
        card({
          id: 'l2',
          title: '温泉疗休养',
          allocation: 'lottery',
          drawAt: '2099-11-20T20:00:00+08:00',
          drawnAt: '2099-11-20T20:01:00+08:00',
          capacity: 2,
          confirmedCount: 2,
          myStatus: 'confirmed',
        }),
        card({
          id: 'l3',
          title: '冰雪节',
          allocation: 'lottery',
          drawAt: '2099-11-20T20:00:00+08:00',
          drawnAt: '2099-11-20T20:01:00+08:00',
          capacity: 2,
          confirmedCount: 2,
          myStatus: 'waiting',
        }),
        card({ id: 'a1' }),
      ]),
  })
  const { container } = render(<ActivitiesPage />)
  await screen.findByText('音乐会抽票')
  const cards = Array.from(container.querySelectorAll('.activity-card'))
  expect(cards.map((c) => c.querySelector('.activity-card__mine')?.textContent ?? '')).toEqual(['已报名抽签', '中签', '未中签，候补中', ''])
  expect(cards.map((c) => c.querySelector('.activity-card__lottery')?.textContent ?? '')).toEqual([
    '抽签2099年11月27日 周五 20:00 抽签',
    '抽签已抽签',
    '抽签已抽签',
    '',
  ])
  expect(cards[0].querySelector('.activity-card__places')?.textContent).toBe('30 个名额，抽签决定')
  // Only the first has a cover picture.
  expect(cards.map((c) => Boolean(c.querySelector('.activity-card__cover')))).toEqual([true, false, false, false])
  expect(cards[0].querySelector('.activity-card__cover')?.getAttribute('src')).toBe('https://files.example/concert.jpg')
})
