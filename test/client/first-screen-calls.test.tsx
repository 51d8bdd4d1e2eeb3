/**
 * Each page's first screen asks the backend for each thing once: 报名名单 takes its totals from the
 * list's own answer, 帮扶慰问标准 shows this year's standard from its first call, and 会员名册 and a
 * campaign's 领取名单 load their list once.
 */
jest.mock('@tarojs/taro', () => require('./mocks/taro-activities'))
jest.mock('../../client/src/services/cloud', () => ({ ...jest.requireActual('../../client/src/services/cloud'), callAction: jest.fn() }))

import { act, render, screen, waitFor } from '@testing-library/react'
import { capText, DEFAULT_CATEGORIES, frequencyText } from '@shared/domain/hardship'
import * as taro from './mocks/taro-activities'
import AttendeesPage from '../../client/src/packages/organizer/attendees/index'
import MembersPage from '../../client/src/packages/admin/members/index'
import AdminCampaignPage from '../../client/src/packages/admin/benefit-campaign/index'
import HardshipPolicyPage from '../../client/src/packages/admin/hardship-policy/index'
import { activityDetail } from '../support/client/activity'
import { settle } from '../support/client/dom'
import { callCounts, mockedCall, serve } from '../support/client/serve'
import { at, HOUR } from '../support/time'
import { campaignView } from '../support/client/benefit'

beforeEach(() => {
  jest.clearAllMocks()
  mockedCall.mockReset()
})

it('报名名单: one activity.attendees, its totals shown from the same answer', async () => {
  taro.useRouter.mockReturnValue({ params: { id: 'a1' }, path: '' })
  const detail = activityDetail({
    place: '凤凰山',
    startAt: at(HOUR),
    endAt: at(3 * HOUR),
    capacity: 10,
    confirmedCount: 2,
    signUpOpensAt: at(-HOUR),
    signUpClosesAt: at(HOUR / 2),
    cancelDeadline: at(HOUR / 2),
    canManage: true,
  })
  const row = (memberId: string, name: string, checkedInAt: string | null) => ({
    memberId,
    name,
    department: '财务科',
    status: 'confirmed',
    waitingPosition: null,
    answers: {},
    checkedInAt,
  })
  serve({
    'activity.get': () => detail,
    'activity.attendees': () => ({
      items: [row('m1', '刘洋', at(-60_000)), row('m2', '陈静', null)],
      total: 2,
      page: 1,
      pageSize: 20,
      checkedIn: 1,
      confirmed: 2,
      waiting: 0,
      entered: 0,
    }),
  })
  const { container } = render(<AttendeesPage />)
  await screen.findByText('陈静')
  await settle()
  expect(callCounts()).toEqual({ 'activity.get': 1, 'activity.attendees': 1 })
  expect(container.querySelector('.attendees-total--checked .attendees-total__value')?.textContent).toBe('1')
  expect(container.querySelector('.attendees-total--confirmed .attendees-total__value')?.textContent).toBe('2 / 10')
})

it('会员名册: member.list and member.departments once each', async () => {
  serve({
    'member.departments': () => [{ id: 'd1', name: '办公室' }],
    'member.list': () => ({
      items: [{ id: 'm1', name: '张伟', gender: '', departmentId: 'd1', department: '办公室', memberNo: 'GH1', phone: '', status: '在职', bound: true }],
      total: 1,
      page: 1,
      pageSize: 20,
    }),
  })
  render(<MembersPage />)
  await screen.findByText('张伟')
  await settle()
  expect(callCounts()).toEqual({ 'member.departments': 1, 'member.list': 1 })
})

it('a campaign: benefit.campaign and benefit.vouchers once each', async () => {
  taro.useRouter.mockReturnValue({ params: { id: 'c1' }, path: '' })
  const campaign = campaignView()
  serve({ 'benefit.campaign': () => campaign, 'benefit.vouchers': () => ({ items: [], total: 0, page: 1, pageSize: 20 }) })
  render(<AdminCampaignPage />)
  await screen.findByText('还没有发放')
  await settle()
  expect(callCounts()).toEqual({ 'benefit.campaign': 1, 'benefit.vouchers': 1 })
})

it('帮扶慰问标准: hardship.policy once for this year; choosing next year asks for that year', async () => {
  const policy = (year: number) => ({
    year,
    version: 1,
    inheritedFrom: null,
    updatedAt: null,
    updatedBy: null,
    categories: DEFAULT_CATEGORIES.map((c) => ({ ...c, capText: capText(c), frequencyText: frequencyText(c) })),
  })
  serve({
    'hardship.policy': (input: { year?: number }) => policy(input.year ?? 2026),
    'hardship.policyHistory': () => ({ items: [], total: 0, page: 1, pageSize: 10 }),
  })
  const { container } = render(<HardshipPolicyPage />)
  await waitFor(() => expect(container.querySelector('.policy-year--this.policy-year--on')).toBeTruthy())
  await waitFor(() => expect(container.querySelector('.policy-source')).toBeTruthy())
  await settle()
  expect(callCounts()).toEqual({ 'hardship.policy': 1, 'hardship.policyHistory': 1 })
  expect(mockedCall).toHaveBeenCalledWith('hardship.policy', {}, { silent: true })
  await act(async () => {
    ;(container.querySelector('.policy-year--next') as HTMLElement).click()
  })
  await settle()
  expect(mockedCall).toHaveBeenLastCalledWith('hardship.policy', { year: 2027 }, { silent: true })
  expect(callCounts()['hardship.policy']).toBe(2)
})
