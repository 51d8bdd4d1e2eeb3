/**
 * 消息: newest first with unread marked, paged by the server's cursor (加载更多 / 到底了), a tap marks
 * one read and opens what it is about or says it is gone, 全部已读; the 我的 tab badge follows each
 * answer's unread count. Loading, empty and error states.
 */
jest.mock('@tarojs/taro', () => require('./mocks/taro'))
jest.mock('../../client/src/services/cloud', () => ({ ...jest.requireActual('../../client/src/services/cloud'), callAction: jest.fn() }))

import { act, render, screen, waitFor } from '@testing-library/react'
import type { MessagePage, MessageView } from '@shared/contract'
import * as taro from './mocks/taro'
import { ActionError } from '../../client/src/services/cloud'
import MessagesPage from '../../client/src/packages/member/messages/index'
import { GONE_TEXT, openingOf } from '../../client/src/packages/member/messages/target'
import { mockedCall } from '../support/client/serve'

const message = (over: Partial<MessageView> & Pick<MessageView, 'id'>): MessageView => ({
  kind: 'waitlist-promoted',
  kindLabel: '候补递补',
  title: '报名成功：周末登山',
  body: '有人取消了报名，您已从排队转为报名成功。',
  at: '12月5日 周六 11:02',
  read: false,
  target: { kind: 'activity', id: 'act-1' },
  page: '/pages/activity/index?id=act-1',
  targetExists: true,
  ...over,
})

const firstPage: MessagePage = {
  items: [
    message({ id: 'm3' }),
    message({
      id: 'm2',
      kind: 'voucher-issued',
      kindLabel: '福利到账',
      title: '福利到账：元旦慰问品',
      body: '请在「福利」里选择礼品。',
      target: { kind: 'voucher', id: 'c1:m4' },
      page: '/pages/benefits/index',
      targetExists: true,
    }),
    message({
      id: 'm1',
      kind: 'activity-cancelled',
      kindLabel: '活动取消',
      title: '活动取消：读书会',
      body: '',
      read: true,
      targetExists: false,
      target: { kind: 'activity', id: 'gone' },
    }),
  ],
  next: '1733360000000~m1',
  unread: 2,
}
const lastPage: MessagePage = {
  items: [
    message({
      id: 'm0',
      kind: 'group-decision',
      kindLabel: '小组审批',
      title: '已同意：摄影小组',
      body: '',
      read: true,
      target: { kind: 'group', id: 'g:1' },
      page: '/pages/group/index?id=g:1',
    }),
  ],
  next: null,
  unread: 2,
}

/** Routes each action to a handler; records nothing else. */
function serve(handlers: Record<string, (input: any) => unknown>) {
  mockedCall.mockImplementation(async (name: string, input: unknown) => {
    const h = handlers[name]
    if (!h) throw new Error(`unexpected ${name}`)
    return h(input) as never
  })
}
const click = (el: Element | null) =>
  act(async () => {
    ;(el as HTMLElement).click()
  })

beforeEach(() => {
  mockedCall.mockReset()
  jest.clearAllMocks()
})

it('lists newest first with unread marked and the time as the server wrote it, then pages on to 到底了', async () => {
  serve({ 'message.list': (input) => (input.cursor ? lastPage : firstPage) })
  const { container } = render(<MessagesPage />)
  expect(screen.getByText('正在加载…')).toBeTruthy()
  await screen.findByText('报名成功：周末登山')
  const rows = Array.from(container.querySelectorAll('.message'))
  expect(rows.map((r) => r.getAttribute('data-id'))).toEqual(['m3', 'm2', 'm1'])
  expect(rows.map((r) => r.classList.contains('message--unread'))).toEqual([true, true, false])
  expect(rows[0].querySelector('.message__kind')?.textContent).toBe('候补递补')
  expect(rows[0].querySelector('.message__at')?.textContent).toBe('12月5日 周六 11:02')
  expect(rows[0].querySelector('.message__hint')?.textContent).toBe('查看活动 ›')
  expect(rows[2].querySelector('.message__hint')?.textContent).toBe('这个活动已被删除')
  expect(container.querySelector('.messages-bar__count')?.textContent).toBe('2 条未读')
  // The count is the 我的 tab's badge.
  expect(taro.setTabBarBadge).toHaveBeenCalledWith({ index: 4, text: '2' })
  expect(mockedCall).toHaveBeenCalledWith('message.list', { pageSize: 20 }, { silent: true })

  await click(screen.getByText('加载更多'))
  expect(mockedCall).toHaveBeenLastCalledWith('message.list', { cursor: '1733360000000~m1', pageSize: 20 })
  await screen.findByText('已同意：摄影小组')
  expect(container.querySelectorAll('.message')).toHaveLength(4)
  expect(container.querySelector('.messages-footer')?.textContent).toBe('到底了')
})

it('a tap marks the message read, opens the activity and lowers the badge; the last unread clears it', async () => {
  serve({
    'message.list': () => firstPage,
    'message.read': ({ id }) => ({ message: { ...firstPage.items.find((m) => m.id === id)!, read: true }, unread: id === 'm3' ? 1 : 0 }),
  })
  const { container } = render(<MessagesPage />)
  await screen.findByText('报名成功：周末登山')
  await click(container.querySelector('[data-id="m3"]'))
  expect(mockedCall).toHaveBeenCalledWith('message.read', { id: 'm3' }, { silent: true })
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/activity/index?id=act-1' })
  await waitFor(() => expect(container.querySelector('[data-id="m3"]')?.classList.contains('message--read')).toBe(true))
  expect(taro.setTabBarBadge).toHaveBeenLastCalledWith({ index: 4, text: '1' })
  expect(container.querySelector('.messages-bar__count')?.textContent).toBe('1 条未读')

  // A voucher lives on the 福利 tab: switched to, not pushed.
  await click(container.querySelector('[data-id="m2"]'))
  expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/benefits/index' })
  await waitFor(() => expect(taro.removeTabBarBadge).toHaveBeenCalledWith({ index: 4 }))
  expect(container.querySelector('.messages-read-all')).toBeNull()
})

it('a message about something removed says so and opens nothing; a read one is not marked again', async () => {
  serve({ 'message.list': () => firstPage })
  const { container } = render(<MessagesPage />)
  await screen.findByText('活动取消：读书会')
  await click(container.querySelector('[data-id="m1"]'))
  expect(taro.showToast).toHaveBeenCalledWith({ title: '这个活动已被删除', icon: 'none' })
  expect(taro.navigateTo).not.toHaveBeenCalled()
  expect(mockedCall.mock.calls.filter((c) => c[0] === 'message.read')).toHaveLength(0)
})

it('全部已读 marks them all and clears the badge', async () => {
  serve({ 'message.list': () => firstPage, 'message.readAll': () => ({ marked: 2, unread: 0 }) })
  const { container } = render(<MessagesPage />)
  await screen.findByText('报名成功：周末登山')
  await click(screen.getByText('全部已读'))
  expect(mockedCall).toHaveBeenCalledWith('message.readAll', {})
  await waitFor(() => expect(container.querySelectorAll('.message--unread')).toHaveLength(0))
  expect(taro.removeTabBarBadge).toHaveBeenCalledWith({ index: 4 })
  expect(container.querySelector('.messages-bar__count')?.textContent).toBe('全部已读')
})

it('says so when there are no messages yet, and offers a retry when the list fails', async () => {
  serve({ 'message.list': () => ({ items: [], next: null, unread: 0 }) })
  const first = render(<MessagesPage />)
  await screen.findByText('还没有消息')
  expect(screen.getByText('报名结果、候补递补、活动变更、福利到账和帮扶进展，都会在这里通知您')).toBeTruthy()
  first.unmount()

  mockedCall.mockReset()
  mockedCall.mockRejectedValueOnce(new ActionError('NETWORK', '网络不太好，请稍后再试')).mockResolvedValueOnce(firstPage as never)
  render(<MessagesPage />)
  await screen.findByText('网络不太好，请稍后再试')
  await click(screen.getByText('再试一次'))
  await screen.findByText('报名成功：周末登山')
})

it('opens every kind of target where it lives, and words a removed one for members', () => {
  const open = (target: MessageView['target'], targetExists: boolean | null = true) => openingOf({ target, targetExists })
  expect(open({ kind: 'request', id: 'r:1' })).toEqual({ kind: 'navigate', url: '/pages/hardship/detail?id=r%3A1' })
  expect(open({ kind: 'review', id: 'r1' })).toEqual({ kind: 'navigate', url: '/packages/reviewer/request/index?id=r1' })
  expect(open({ kind: 'review-files' }, null)).toEqual({ kind: 'navigate', url: '/packages/reviewer/files/index?due=1' })
  expect(open({ kind: 'group', id: 'dept:d1' })).toEqual({ kind: 'navigate', url: '/pages/group/index?id=dept%3Ad1' })
  expect(open({ kind: 'voucher', id: null }, null)).toEqual({ kind: 'tab', url: '/pages/benefits/index' })
  expect(open(null, null)).toEqual({ kind: 'none' })
  expect(open({ kind: 'group', id: 'g1' }, false)).toEqual({ kind: 'gone', text: '这个小组已解散' })
  for (const text of Object.values(GONE_TEXT)) expect(text).toMatch(/^[\u4e00-\u9fa5]+$/)
})
