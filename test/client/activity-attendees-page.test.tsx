/** 报名名单: the lottery's entrants before the draw (参加抽签, counted at the top), and 导出名单 opened by its fileId. */
jest.mock('@tarojs/taro', () => require('./mocks/taro-activities'))
jest.mock('../../client/src/services/cloud', () => ({ ...jest.requireActual('../../client/src/services/cloud'), callAction: jest.fn() }))
jest.mock('../../client/src/services/documents', () => ({ openSpreadsheet: jest.fn(() => Promise.resolve()) }))

import { render, screen, waitFor } from '@testing-library/react'
import type { ActivityDetail, AttendeeRow } from '@shared/contract'
import * as taro from './mocks/taro-activities'
import { openSpreadsheet } from '../../client/src/services/documents'
import AttendeesPage from '../../client/src/packages/organizer/attendees/index'
import { lotteryDetail } from '../support/client/activity'
import { click, text } from '../support/client/dom'
import { mockedCall, serve } from '../support/client/serve'
import { at, HOUR } from '../support/time'

const mockedOpen = openSpreadsheet as jest.MockedFunction<typeof openSpreadsheet>

const lottery = (over: Partial<ActivityDetail> = {}) => lotteryDetail({ canManage: true, enteredCount: 2, ...over })

const row = (memberId: string, name: string, over: Partial<AttendeeRow> = {}): AttendeeRow => ({
  memberId,
  name,
  department: '财务科',
  status: 'entered',
  waitingPosition: null,
  answers: {},
  checkedInAt: null,
  ...over,
})

type Totals = { checkedIn: number; confirmed: number; waiting: number; entered: number }
const page = (items: AttendeeRow[], totals: Totals) => ({ items, total: items.length, page: 1, pageSize: 20, ...totals })

beforeEach(() => {
  jest.clearAllMocks()
  mockedCall.mockReset()
  taro.useRouter.mockReturnValue({ params: { id: 'l1' }, path: '/packages/organizer/attendees/index' })
})

it('before the draw lists those in the lottery with 参加抽签 and counts them at the top', async () => {
  const entrants = [row('m1', '刘洋'), row('m2', '陈静', { department: '信息中心' })]
  serve({ 'activity.get': () => lottery(), 'activity.attendees': () => page(entrants, { checkedIn: 0, confirmed: 0, waiting: 0, entered: 2 }) })
  const { container } = render(<AttendeesPage />)
  await screen.findByText('刘洋')
  const rows = Array.from(container.querySelectorAll('.attendee-row'))
  expect(rows.map((r) => [r.querySelector('.attendee-row__name')?.textContent, r.querySelector('.attendee-row__tag')?.textContent])).toEqual([
    ['刘洋', '参加抽签'],
    ['陈静', '参加抽签'],
  ])
  expect(rows.every((r) => r.classList.contains('attendee-row--entered'))).toBe(true)
  await waitFor(() => expect(text(container, '.attendees-total--entered')).toBe('2参加抽签'))
  expect(text(container, '.attendees-total--places')).toBe('30名额')
  // Nothing confirmed or checked in before the draw: those totals are not shown.
  expect(container.querySelector('.attendees-total--checked')).toBeNull()
  expect(screen.queryByText('还没有抽签')).toBeNull()
  expect(text(container, '.attendees-export__text')).toBe('导出报名名单（Excel 表格），含参加抽签的会员')
})

it('before the draw with nobody in the lottery says so', async () => {
  serve({ 'activity.get': () => lottery({ enteredCount: 0 }), 'activity.attendees': () => page([], { checkedIn: 0, confirmed: 0, waiting: 0, entered: 0 }) })
  const { container } = render(<AttendeesPage />)
  await screen.findByText('还没有人报名抽签')
  await waitFor(() => expect(text(container, '.attendees-total--entered')).toBe('0参加抽签'))
})

it('after the draw: 已签到 / 已报名 / 候补, with the waitlist in draw order', async () => {
  const rows = [row('m1', '刘洋', { status: 'confirmed' }), row('m2', '陈静', { status: 'waiting', waitingPosition: 1 })]
  serve({
    'activity.get': () => lottery({ drawAt: at(-2 * HOUR), drawnAt: at(-HOUR), confirmedCount: 1, enteredCount: null }),
    'activity.attendees': () => page(rows, { checkedIn: 0, confirmed: 1, waiting: 1, entered: 0 }),
  })
  const { container } = render(<AttendeesPage />)
  await screen.findByText('刘洋')
  await waitFor(() => expect(text(container, '.attendees-total--confirmed')).toBe('1 / 30已报名'))
  expect(text(container, '.attendees-total--waiting')).toBe('1候补')
  expect(container.querySelector('.attendees-total--entered')).toBeNull()
  expect(Array.from(container.querySelectorAll('.attendee-row__tag')).map((t) => t.textContent)).toEqual(['未签到', '候补第 1 位'])
})

/** 刘洋 alone on the list; 导出名单 sent with the columns as they come, answered with `exported`. */
async function exportAnswered(exported: object) {
  serve({
    'activity.get': () => lottery(),
    'activity.attendees': () => page([row('m1', '刘洋')], { checkedIn: 0, confirmed: 0, waiting: 0, entered: 1 }),
    'activity.export': () => exported,
  })
  const { container } = render(<AttendeesPage />)
  await screen.findByText('刘洋')
  await click(container.querySelector('.attendees-export-open'))
  await click(container.querySelector('.attendees-export-submit'))
}

it('导出名单 opens the spreadsheet by its fileId (the mini-program downloads it through wx.cloud)', async () => {
  await exportAnswered({ url: 'https://tmp.example/名单.xlsx?sign=1', fileId: 'cloud://env/exports/u1/名单.xlsx', count: 1 })
  expect(mockedCall).toHaveBeenCalledWith('activity.export', { id: 'l1', columns: ['name', 'department', 'status', 'signedAt', 'checkedInAt'] })
  await waitFor(() => expect(mockedOpen).toHaveBeenCalledWith('https://tmp.example/名单.xlsx?sign=1', 'cloud://env/exports/u1/名单.xlsx'))
})

it('导出名单 with nobody to export says so and opens nothing', async () => {
  await exportAnswered({ url: 'https://tmp.example/x.xlsx', fileId: 'cloud://env/exports/x.xlsx', count: 0 })
  await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith({ title: '还没有报名的会员可以导出', icon: 'none' }))
  expect(mockedOpen).not.toHaveBeenCalled()
})
