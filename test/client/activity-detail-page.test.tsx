/** 活动详情: cover, how places are given, the lottery's states and result, 结对竞赛, the organizer's 修改 and 立即抽签, sharing. */
jest.mock('@tarojs/taro', () => require('./mocks/taro-activities'))
jest.mock('../../client/src/services/cloud', () => ({ ...jest.requireActual('../../client/src/services/cloud'), callAction: jest.fn() }))

import { act, render, screen, waitFor } from '@testing-library/react'
import type { ActivityDetail, DetailRefresh, DrawSummary } from '@shared/contract'
import * as taro from './mocks/taro-activities'
import { ActionError } from '../../client/src/services/cloud'
import ActivityPage from '../../client/src/pages/activity/index'
import { handRefresh } from '../../client/src/pages/activity/refresh'
import { clearQueryCache, invalidate } from '../../client/src/data'
import { departmentContest, lotteryDetail as lottery } from '../support/client/activity'
import { tapText, text } from '../support/client/dom'
import { callsOf, mockedCall, serve } from '../support/client/serve'
import { at, HOUR } from '../support/time'

const summary: DrawSummary = {
  drawnAt: at(-HOUR),
  seed: 'seed-7f3a9c',
  entrants: 3,
  places: 2,
  winners: [
    { name: '刘洋', department: '信息中心' },
    { name: '陈静', department: '财务科' },
  ],
  waitlisted: 1,
}

/** What a sign-up or a cancel answers with for the page (activity.signUp / activity.cancel `detail`). */
const refreshed = (over: Partial<DetailRefresh>): DetailRefresh => ({
  myStatus: null,
  waitingPosition: null,
  confirmedCount: 0,
  enteredCount: null,
  checkedInAt: null,
  contest: null,
  ...over,
})

beforeEach(() => {
  jest.clearAllMocks()
  mockedCall.mockReset()
  taro.useRouter.mockReturnValue({ params: { id: 'l1' }, path: '/pages/activity/index' })
})

it('explains a lottery before the draw and enters it with 报名参加抽签', async () => {
  const detail = lottery({ coverUrl: 'https://files.example/concert.jpg' })
  serve({
    'activity.get': () => detail,
    'activity.signUp': () => ({ status: 'entered', waitingPosition: null, detail: refreshed({ myStatus: 'entered', enteredCount: 1 }) }),
  })
  const { container } = render(<ActivityPage />)
  await screen.findByText('新年音乐会')
  expect(container.querySelector('.activity-cover')?.getAttribute('src')).toBe('https://files.example/concert.jpg')
  expect(text(container, '.activity-fact--allocation')).toMatch(/^名额分配抽签：.+ 抽签，名额 30 个$/)
  expect(text(container, '.activity-fact--places')).toBe('名额30 个名额，抽签决定')
  expect(text(container, '.activity-hero__lottery')).toBe('抽签')
  expect(text(container, '.activity-signup')).toBe('报名参加抽签')
  // Nothing drawn yet: no result to show.
  expect(container.querySelector('.activity-draw-result')).toBeNull()

  await tapText('报名参加抽签')
  expect(mockedCall).toHaveBeenCalledWith('activity.signUp', { id: 'l1', answers: {} })
  expect(taro.showToast).toHaveBeenCalledWith({ title: '已报名抽签，抽签后通知您', icon: 'none' })
  // From the answer: the page did not load the event again.
  await screen.findByText('已报名抽签')
  expect(text(container, '.activity-cancel')).toBe('退出抽签')
  expect(text(container, '.activity-fact--places')).toBe('名额30 个名额，抽签决定 · 已有 1 人报名抽签')
  expect(callsOf('activity.get')).toHaveLength(1)
})

it('before the draw says how many have entered, to members and to the organizer', async () => {
  serve({ 'activity.get': () => lottery({ enteredCount: 12, canManage: true }) })
  const { container } = render(<ActivityPage />)
  await screen.findByText('新年音乐会')
  expect(text(container, '.activity-fact--places')).toBe('名额30 个名额，抽签决定 · 已有 12 人报名抽签')
  // The list now shows those in the lottery, so the entry says how many.
  expect(text(container, '.activity-manage--attendees .activity-manage__hint')).toBe('已有 12 人报名抽签')

  mockedCall.mockReset()
  serve({ 'activity.get': () => lottery({ enteredCount: 0 }) })
  const none = render(<ActivityPage />)
  await waitFor(() => expect(text(none.container, '.activity-fact--places')).toBe('名额30 个名额，抽签决定 · 还没有人报名抽签'))
})

it('after the draw counts places taken, not entrants', async () => {
  serve({
    'activity.get': () => lottery({ drawAt: at(-2 * HOUR), drawnAt: at(-HOUR), confirmedCount: 2, capacity: 2, enteredCount: null, canManage: true }),
    'activity.drawResult': () => summary,
  })
  const { container } = render(<ActivityPage />)
  await screen.findByText('抽签结果')
  expect(text(container, '.activity-fact--places')).toBe('名额已满，可排队 · 已报名 2 / 2 人')
  expect(text(container, '.activity-manage--attendees .activity-manage__hint')).toBe('已报名 2 / 2 人')
})

it('a cancelled event, known by its status, offers the organizer neither 立即抽签 nor 修改活动', async () => {
  serve({
    'activity.get': () =>
      lottery({ canManage: true, status: 'cancelled', drawAt: at(-HOUR), signUpClosesAt: at(-2 * HOUR), signUpBlockedReason: '报名已截止' }),
  })
  const { container } = render(<ActivityPage />)
  await screen.findByText('组织者工具')
  expect(container.querySelector('.activity-draw')).toBeNull()
  expect(container.querySelector('.activity-manage--edit')).toBeNull()
})

it('退出抽签 asks first and says so', async () => {
  serve({
    'activity.get': () => lottery({ myStatus: 'entered', enteredCount: 3 }),
    'activity.cancel': () => ({ cancelled: true, detail: refreshed({ myStatus: 'cancelled', enteredCount: 2 }) }),
  })
  render(<ActivityPage />)
  await screen.findByText('已报名抽签')
  await tapText('退出抽签')
  expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '退出抽签', confirmText: '退出抽签' }))
  expect(mockedCall).toHaveBeenCalledWith('activity.cancel', { id: 'l1' })
  expect(taro.showToast).toHaveBeenCalledWith({ title: '已退出抽签', icon: 'none' })
  await screen.findByText('报名参加抽签')
  expect(callsOf('activity.get')).toHaveLength(1)
})

it('after the draw: 中签 with the code, and the published result with winners and seed', async () => {
  serve({
    'activity.get': () =>
      lottery({
        myStatus: 'confirmed',
        drawAt: at(-2 * HOUR),
        drawnAt: at(-HOUR),
        confirmedCount: 2,
        capacity: 2,
        signUpClosesAt: at(-3 * HOUR),
        signUpBlockedReason: '报名已截止',
      }),
    'activity.drawResult': () => summary,
  })
  const { container } = render(<ActivityPage />)
  await screen.findByText('✓ 中签')
  expect(container.querySelector('.activity-code-entry')).not.toBeNull()
  await screen.findByText('3 人报名抽签，2 个名额：2 人中签，1 人候补')
  expect(mockedCall).toHaveBeenCalledWith('activity.drawResult', { id: 'l1' }, { silent: true })
  const winners = Array.from(container.querySelectorAll('.activity-draw-winner')).map((w) => w.textContent)
  expect(winners).toEqual(['刘洋信息中心', '陈静财务科'])
  expect(text(container, '.activity-draw-result__seed')).toBe('抽签种子：seed-7f3a9c（可用于核对抽签结果）')
})

it('after the draw: 未中签 with the place on the waitlist, and 放弃候补', async () => {
  serve({
    'activity.get': () => lottery({ myStatus: 'waiting', waitingPosition: 1, drawAt: at(-2 * HOUR), drawnAt: at(-HOUR), confirmedCount: 2, capacity: 2 }),
    'activity.drawResult': () => summary,
  })
  const { container } = render(<ActivityPage />)
  await screen.findByText('未中签，候补第 1 位')
  expect(text(container, '.activity-cancel')).toBe('放弃候补')
})

it('the result that fails to load says so, with a retry', async () => {
  let fail = true
  serve({
    'activity.get': () => lottery({ drawAt: at(-2 * HOUR), drawnAt: at(-HOUR) }),
    'activity.drawResult': () => {
      if (fail) throw new ActionError('NETWORK', '网络不太好，请稍后再试')
      return { ...summary, entrants: 0, places: 2, winners: [], waitlisted: 0 }
    },
  })
  const { container } = render(<ActivityPage />)
  await screen.findByText('抽签结果没有加载出来：网络不太好，请稍后再试', { exact: false })
  fail = false
  await tapText('重试')
  await screen.findByText('这次没有人报名抽签')
  expect(text(container, '.activity-draw-result__summary')).toBe('2 个名额，没有人报名抽签')
})

it('the organizer draws once the time has come, and can edit', async () => {
  let detail = lottery({ canManage: true, drawAt: at(-HOUR), signUpClosesAt: at(-2 * HOUR), signUpBlockedReason: '报名已截止' })
  serve({
    'activity.get': () => detail,
    'activity.draw': () => {
      detail = { ...detail, drawnAt: at(0), confirmedCount: 2 }
      return summary
    },
    'activity.drawResult': () => summary,
  })
  const { container } = render(<ActivityPage />)
  await screen.findByText('立即抽签')
  await tapText('立即抽签')
  expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '立即抽签' }))
  expect(mockedCall).toHaveBeenCalledWith('activity.draw', { id: 'l1' })
  expect(taro.showToast).toHaveBeenCalledWith({ title: '抽签完成，2 人中签', icon: 'none' })
  await screen.findByText('3 人报名抽签，2 个名额：2 人中签，1 人候补')
  expect(container.querySelector('.activity-draw')).toBeNull()

  await act(async () => {
    ;(container.querySelector('.activity-manage--edit') as HTMLElement).click()
  })
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/organizer/create/index?id=l1' })
})

it('before the draw time there is no 立即抽签; members see no organizer tools', async () => {
  serve({ 'activity.get': () => lottery({ canManage: true }) })
  const { container } = render(<ActivityPage />)
  await screen.findByText('组织者工具')
  expect(container.querySelector('.activity-draw')).toBeNull()
  expect(container.querySelector('.activity-manage--edit')).not.toBeNull()

  mockedCall.mockReset()
  // Another member's phone: nothing cached from the organizer's.
  clearQueryCache()
  serve({ 'activity.get': () => lottery({ canManage: false }) })
  const other = render(<ActivityPage />)
  await waitFor(() => expect(other.container.querySelector('.activity-hero__title')).not.toBeNull())
  expect(other.container.querySelector('.activity-manage')).toBeNull()
})

it('names the group an event is for, shows 结对竞赛 standings, and shares title, path and cover', async () => {
  serve({
    'activity.get': () =>
      lottery({
        allocation: 'fcfs',
        drawAt: null,
        confirmedCount: 12,
        audience: { kind: 'group', groupId: 'demo-group-badminton' },
        groupName: '羽毛球',
        coverUrl: 'https://files.example/badminton.jpg',
        contest: departmentContest(['d1', '财务科', 8, 2], ['d2', '信息中心', 4, 4]),
      }),
  })
  const { container } = render(<ActivityPage />)
  await screen.findByText('结对竞赛')
  expect(text(container, '.activity-fact--audience')).toBe('参加对象「羽毛球」兴趣小组成员')
  expect(text(container, '.activity-fact--allocation')).toBe('名额分配先到先得，报满后可排队候补')
  const teams = Array.from(container.querySelectorAll('.activity-contest-team'))
  expect(
    teams.map((t) => [t.querySelector('.activity-contest-team__name')?.textContent, t.querySelector('.activity-contest-team__count')?.textContent]),
  ).toEqual([
    ['财务科', '报名 8 人 · 签到 2 人'],
    ['信息中心', '报名 4 人 · 签到 4 人'],
  ])
  const width = (t: Element, part: string) => (t.querySelector(`.activity-contest-team__${part}`) as HTMLElement).style.width
  expect(teams.map((t) => [width(t, 'signed'), width(t, 'checked')])).toEqual([
    ['100%', '25%'],
    ['50%', '50%'],
  ])

  const share = taro.useShareAppMessage.mock.lastCall?.[0] as () => { title: string; path: string; imageUrl?: string }
  expect(share()).toEqual({
    title: expect.stringContaining('新年音乐会 · '),
    path: '/pages/activity/index?id=l1',
    imageUrl: 'https://files.example/badminton.jpg',
  })
})

it('a checked-in member sees 已签到 instead of 取消报名 and the code', async () => {
  serve({ 'activity.get': () => lottery({ allocation: 'fcfs', drawAt: null, myStatus: 'confirmed', checkedInAt: at(-HOUR / 2) }) })
  const { container } = render(<ActivityPage />)
  await screen.findByText('新年音乐会')
  expect(text(container, '.activity-action__status')).toBe('✓ 已签到')
  expect(text(container, '.activity-action__note')).toMatch(/ 签到，出勤已记录$/)
  expect(container.querySelector('.activity-cancel')).toBeNull()
  expect(container.querySelector('.activity-code-entry')).toBeNull()
})

it('confirmed but not checked in still offers the code and 取消报名', async () => {
  serve({ 'activity.get': () => lottery({ allocation: 'fcfs', drawAt: null, myStatus: 'confirmed', checkedInAt: null }) })
  const { container } = render(<ActivityPage />)
  await screen.findByText('新年音乐会')
  expect(text(container, '.activity-action__status')).toBe('✓ 已报名')
  expect(text(container, '.activity-cancel')).toBe('取消报名')
  expect(container.querySelector('.activity-code-entry')).not.toBeNull()
})

describe('报名 and 取消 take one call each: the page shows the answer instead of loading again', () => {
  const fcfs = (over: Partial<ActivityDetail> = {}) => lottery({ allocation: 'fcfs', drawAt: null, capacity: 2, confirmedCount: 1, ...over })
  /** Runs what the page registered for being shown again (coming back from another page). */
  const showAgain = async () => {
    const shown = taro.useDidShow.mock.calls.map(([f]) => f as () => void)
    await act(async () => shown.slice(-2).forEach((f) => f()))
  }

  it('报名 onto the last place, then 取消报名: the state and the count come from the answers', async () => {
    serve({
      'activity.get': () => fcfs(),
      'activity.signUp': () => ({ status: 'confirmed', waitingPosition: null, detail: refreshed({ myStatus: 'confirmed', confirmedCount: 2 }) }),
      'activity.cancel': () => ({ cancelled: true, detail: refreshed({ myStatus: 'cancelled', confirmedCount: 2 }) }),
    })
    const { container } = render(<ActivityPage />)
    await screen.findByText('新年音乐会')
    expect(text(container, '.activity-fact--places')).toBe('名额剩 1 个名额 · 已报名 1 / 2 人')
    await act(async () => {
      ;(container.querySelector('.activity-signup') as HTMLElement).click()
    })
    await screen.findByText('✓ 已报名')
    expect(text(container, '.activity-fact--places')).toBe('名额已满，可排队 · 已报名 2 / 2 人')

    await tapText('取消报名')
    expect(taro.showToast).toHaveBeenCalledWith({ title: '已取消报名', icon: 'none' })
    // The place went to the next in line: still 2 / 2, and this member may queue again.
    await waitFor(() => expect(container.querySelector('.activity-cancel')).toBeNull())
    expect(text(container, '.activity-fact--places')).toBe('名额已满，可排队 · 已报名 2 / 2 人')
    expect(mockedCall.mock.calls.map(([name]) => name)).toEqual(['activity.get', 'activity.signUp', 'activity.cancel'])

    // Coming back to the page after its own change loads nothing either.
    await showAgain()
    expect(callsOf('activity.get')).toHaveLength(1)
  })

  it('onto the waitlist: the place in line from the answer', async () => {
    serve({
      'activity.get': () => fcfs({ confirmedCount: 2 }),
      'activity.signUp': () => ({ status: 'waiting', waitingPosition: 3, detail: refreshed({ myStatus: 'waiting', waitingPosition: 3, confirmedCount: 2 }) }),
    })
    const { container } = render(<ActivityPage />)
    await screen.findByText('新年音乐会')
    await act(async () => {
      ;(container.querySelector('.activity-signup') as HTMLElement).click()
    })
    await waitFor(() => expect(text(container, '.activity-action__status')).toContain('3'))
    expect(callsOf('activity.get')).toHaveLength(1)
  })

  it('a refused sign-up loads the page again to show where things stand', async () => {
    serve({
      'activity.get': () => fcfs(),
      'activity.signUp': () => {
        throw new ActionError('FULL', '名额已满')
      },
    })
    const { container } = render(<ActivityPage />)
    await screen.findByText('新年音乐会')
    await act(async () => {
      ;(container.querySelector('.activity-signup') as HTMLElement).click()
    })
    await waitFor(() => expect(callsOf('activity.get')).toHaveLength(2))
  })

  it('back from the sign-up form: its answer is shown, not loaded again; a change made elsewhere still loads', async () => {
    serve({ 'activity.get': () => fcfs({ fields: [{ key: 'size', label: '尺码', type: 'single', required: true, options: ['M', 'L'] }] }) })
    const { container } = render(<ActivityPage />)
    await screen.findByText('新年音乐会')
    // The form page signed up, handed its answer over and marked events changed, then went back.
    handRefresh('l1', refreshed({ myStatus: 'confirmed', confirmedCount: 2 }))
    invalidate('activity')
    await showAgain()
    await screen.findByText('✓ 已报名')
    expect(text(container, '.activity-fact--places')).toBe('名额已满，可排队 · 已报名 2 / 2 人')
    expect(callsOf('activity.get')).toHaveLength(1)

    invalidate('activity')
    await showAgain()
    await waitFor(() => expect(callsOf('activity.get')).toHaveLength(2))
  })
})
