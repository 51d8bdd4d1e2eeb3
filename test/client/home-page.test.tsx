/** 首页: loading first, then the greeting and what needs me from member.home (one call), or a clear message when that fails. */
jest.mock('@tarojs/taro', () => require('./mocks/taro'))
jest.mock('../../client/src/services/cloud', () => ({ ...jest.requireActual('../../client/src/services/cloud'), callAction: jest.fn() }))

import { act, render, screen, waitFor } from '@testing-library/react'
import type { HomeActivity, HomeView } from '@shared/contract'
import * as taro from './mocks/taro'
import { ActionError } from '../../client/src/services/cloud'
import HomePage from '../../client/src/pages/home/index'
import { mockedCall } from '../support/client/serve'
import { meView } from '../support/client/me'
import { tapText } from '../support/client/dom'

const me = meView()
const nothing = (over: Partial<HomeView> = {}): HomeView => ({ me, activities: [], gifts: [], vouchers: [], requests: [], messages: [], ...over })

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
  const call = deferred<HomeView>()
  mockedCall.mockReturnValueOnce(call.promise as never)
  const { container } = render(<HomePage />)

  expect(screen.getByText('正在加载…')).toBeTruthy()
  expect(container.querySelector('.home-greeting')).toBeNull()
  expect(mockedCall).toHaveBeenCalledWith('member.home', {}, { silent: true })
  expect(mockedCall).toHaveBeenCalledTimes(1)

  await act(async () => call.resolve(nothing()))
  await waitFor(() => expect(container.querySelector('.home-greeting')?.textContent).toContain('你好，刘洋'))
  expect(container.querySelector('.home-greeting')?.textContent).toContain('信息中心 · 市直机关示范工会')
  expect(screen.queryByText('正在加载…')).toBeNull()
})

it('asks an unbound user to bind first', async () => {
  mockedCall.mockRejectedValueOnce(new ActionError('NOT_BOUND', '请先绑定会员身份'))
  const { container } = render(<HomePage />)
  await screen.findByText('请先绑定会员身份')
  expect(container.querySelector('.home-greeting')).toBeNull()
  await tapText('去绑定会员身份')
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
  mockedCall.mockRejectedValueOnce(new ActionError('NETWORK', '网络不太好，请稍后再试')).mockResolvedValueOnce(nothing() as never)
  const { container } = render(<HomePage />)
  const retry = await screen.findByText('再试一次')
  await act(async () => {
    retry.click()
  })
  await waitFor(() => expect(container.querySelector('.home-greeting')?.textContent).toContain('刘洋'))
  expect(mockedCall).toHaveBeenCalledTimes(2)
})

const DAY = 24 * 3600_000
const iso = (ms: number) => new Date(Date.now() + ms).toISOString()
/** One of my coming events on 首页: `days` from now, lasting `hours`, first come first served unless said. */
const coming = (
  id: string,
  title: string,
  place: string,
  days: number,
  hours: number,
  over: Pick<HomeActivity, 'myStatus'> & Partial<HomeActivity>,
): HomeActivity => ({
  id,
  title,
  place,
  startAt: iso(days * DAY),
  endAt: iso(days * DAY + hours * 3600_000),
  waitingPosition: null,
  allocation: 'fcfs',
  drawAt: null,
  drawnAt: null,
  ...over,
})
const full = (): HomeView =>
  nothing({
    me: { ...me, badges: { groupRequests: 0, unreadMessages: 4 } },
    activities: [
      coming('a1', '周末登山', '北山', 2, 3, { myStatus: 'confirmed' }),
      coming('a2', '羽毛球友谊赛', '体育馆', 4, 2, { myStatus: 'waiting', waitingPosition: 2 }),
      coming('a3', '新年音乐会抽票', '音乐厅', 5, 2, { myStatus: 'entered', allocation: 'lottery', drawAt: iso(3 * DAY) }),
      coming('a4', '话剧', '大剧院', 6, 2, { myStatus: 'waiting', waitingPosition: 1, allocation: 'lottery', drawAt: iso(-DAY), drawnAt: iso(-DAY) }),
    ],
    gifts: [{ id: 'v1', name: '元旦慰问品', kind: 'holiday', state: 'choose', optionName: null, claimClosesAt: iso(6 * DAY), redeemUntil: iso(30 * DAY) }],
    vouchers: [
      { id: 'v2', name: '电影票', kind: 'other', state: 'ready', optionName: '电影票两张', claimClosesAt: iso(-DAY), redeemUntil: iso(2 * DAY) },
      { id: 'v3', name: '生日蛋糕券', kind: 'cake', state: 'ready', optionName: '蛋糕', claimClosesAt: iso(-DAY), redeemUntil: iso(20 * DAY) },
    ],
    requests: [
      { id: 'r1', categoryName: '生病住院', status: 'reviewing', forName: null, updatedAt: iso(-DAY) },
      { id: 'r2', categoryName: '直系亲属去世', status: 'paid', forName: '孙浩', updatedAt: iso(-2 * DAY) },
    ],
    messages: [{ id: 'm1', kindLabel: '候补递补', title: '报名成功：周末登山', createdAt: iso(-3600_000) }],
  })

const texts = (container: HTMLElement, selector: string) => Array.from(container.querySelectorAll(selector)).map((n) => n.textContent ?? '')

describe('what needs me', () => {
  it('shows my events with where I stand, gifts and vouchers with their deadlines, my requests and unread messages', async () => {
    mockedCall.mockResolvedValueOnce(full() as never)
    const { container } = render(<HomePage />)
    await waitFor(() => expect(container.querySelector('.home-activity')).toBeTruthy())
    expect(texts(container, '.home-activity .home-tag')).toEqual(['已报名', '排队第 2 位', '已报名抽签', '未中签，候补第 1 位'])
    const lottery = container.querySelectorAll('.home-activity')[2]
    expect(lottery.querySelector('.home-row__line')?.textContent).toMatch(/音乐厅\n\d+月\d+日 周. \d\d:\d\d 抽签$/)
    expect(texts(container, '.home-voucher .home-tag')).toEqual(['待选礼品', '即将到期', '可使用'])
    expect(container.querySelector('.home-voucher--choose .home-row__line')?.textContent).toMatch(/^请在 \d+月\d+日 周. \d\d:\d\d 前选择礼品$/)
    expect(container.querySelector('.home-voucher--ready .home-row__line')?.textContent).toMatch(/^电影票两张 · \d+月\d+日 周. \d\d:\d\d 前使用$/)
    expect(texts(container, '.home-request .home-row__line').map((t) => t.split(' · ')[0])).toEqual(['本人申请', '为孙浩申报'])
    expect(texts(container, '.home-request .request-status')).toEqual(['审核中', '已发放'])
    expect(container.querySelector('.home-section--messages .home-badge')?.textContent).toBe('4')
    expect(container.querySelector('.home-message')?.textContent).toContain('候补递补报名成功：周末登山')
    // No id or hash on screen.
    expect(container.textContent).not.toMatch(/\b(a\d|v\d|r\d|m1)\b/)
    // member.home's count is the 我的 tab's badge, with no call of its own.
    expect(taro.setTabBarBadge).toHaveBeenCalledWith({ index: 4, text: '4' })
    expect(mockedCall).toHaveBeenCalledTimes(1)
  })

  it('opens each thing where it lives', async () => {
    mockedCall.mockResolvedValueOnce(full() as never)
    const { container } = render(<HomePage />)
    await waitFor(() => expect(container.querySelector('.home-activity')).toBeTruthy())
    await act(async () => (container.querySelectorAll('.home-activity')[1] as HTMLElement).click())
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/activity/index?id=a2' })
    await act(async () => (container.querySelector('.home-request') as HTMLElement).click())
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/hardship/detail?id=r1' })
    await act(async () => (container.querySelector('.home-message') as HTMLElement).click())
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/member/messages/index' })
    await act(async () => (container.querySelector('.home-voucher') as HTMLElement).click())
    expect(taro.switchTab).toHaveBeenLastCalledWith({ url: '/pages/benefits/index' })
    await act(async () => (container.querySelector('.home-section--activities .home-section__head') as HTMLElement).click())
    expect(taro.switchTab).toHaveBeenLastCalledWith({ url: '/pages/activities/index' })
  })

  it('says in a sentence when a section has nothing, and clears the badge when nothing is unread', async () => {
    mockedCall.mockResolvedValueOnce(nothing() as never)
    const { container } = render(<HomePage />)
    await waitFor(() => expect(container.querySelector('.home-section--activities')).toBeTruthy())
    const empties = texts(container, '.home-empty')
    expect(empties).toHaveLength(4)
    for (const sentence of empties) expect(sentence).toMatch(/^.{8,}。$/)
    expect(empties[1]).toBe('近期没有报名的活动，去「活动」里看看有什么新活动吧。')
    expect(taro.removeTabBarBadge).toHaveBeenCalledWith({ index: 4 })
    await waitFor(() => expect(container.querySelector('.home-badge')).toBeNull())
  })
})
