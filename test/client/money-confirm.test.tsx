/**
 * Money is never committed with one tap: 发放 and 批准 first say how much (in 元, thousands
 * separated) and which budget line it is taken from; 再想想 sends nothing.
 */
jest.mock('@tarojs/taro', () => require('./mocks/taro-activities'))
jest.mock('../../client/src/services/cloud', () => ({ ...jest.requireActual('../../client/src/services/cloud'), callAction: jest.fn() }))

import { render, screen, waitFor } from '@testing-library/react'
import type { HardshipRequestDetail } from '@shared/contract'
import * as taro from './mocks/taro-activities'
import AdminCampaignPage from '../../client/src/packages/admin/benefit-campaign/index'
import ReviewerRequestPage from '../../client/src/packages/reviewer/request/index'
import { audienceText, issueConfirmText } from '../../client/src/packages/admin/benefit-campaign/issue'
import { approvalConfirmText } from '../../client/src/packages/reviewer/shared/forms'
import { campaignView } from '../support/client/benefit'
import { click } from '../support/client/dom'
import { callsOf, mockedCall, serve } from '../support/client/serve'

const showModal = taro.showModal as unknown as jest.Mock

beforeEach(() => {
  jest.clearAllMocks()
  mockedCall.mockReset()
})

const campaign = campaignView({ name: '2026年中秋慰问品', year: 2026 })

describe('发放', () => {
  it('says count × face value = total and the line', () => {
    expect(issueConfirmText(campaign)).toBe(
      '将给 30 位会员各发 1 张：30 × 200.00 元 = 6,000.00 元，从「节日慰问品」预算列支（核销时转为支出，过期未用的退回）。',
    )
    expect(issueConfirmText({ ...campaign, kind: 'cake', faceValue: 15000, progress: { ...campaign.progress, eligible: 1200, issued: 200 } })).toContain(
      '1000 × 150.00 元 = 150,000.00 元，从「蛋糕券」预算列支',
    )
    expect(issueConfirmText({ ...campaign, progress: { ...campaign.progress, issued: 30 } })).toBeNull()
  })

  it('再想想 issues nothing; 发放 after the confirmation issues', async () => {
    taro.useRouter.mockReturnValue({ params: { id: 'c1' }, path: '' })
    serve({
      'benefit.campaign': () => campaign,
      'benefit.vouchers': () => ({ items: [], total: 0, page: 1, pageSize: 20 }),
      'benefit.issue': () => ({ issuedNow: 30, issued: 30, eligible: 30, done: true }),
    })
    const { container } = render(<AdminCampaignPage />)
    await screen.findByText('还没有发放')
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    await click(container.querySelector('.campaign-issue-button'))
    expect(showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '确认发放', content: expect.stringContaining('30 × 200.00 元 = 6,000.00 元，从「节日慰问品」预算列支') }),
    )
    expect(callsOf('benefit.issue')).toHaveLength(0)

    showModal.mockResolvedValueOnce({ confirm: true, cancel: false })
    await click(container.querySelector('.campaign-issue-button'))
    await waitFor(() => expect(callsOf('benefit.issue')).toHaveLength(1))
  })

  it('对象 does not call retired members 在职', () => {
    expect(audienceText({ departmentIds: [], includeRetired: true, autoBirthday: true })).toBe('全体在职和退休会员，每人在生日当月收到一张')
    expect(audienceText({ departmentIds: ['d1', 'd2'], includeRetired: false, autoBirthday: false })).toBe('所选 2 个部门的在职会员')
  })
})

describe('批准', () => {
  const request: HardshipRequestDetail = {
    id: 'r1',
    category: 'hospital',
    categoryName: '生病住院',
    kind: 'care',
    status: 'reviewing',
    memberId: 'm4',
    memberName: '刘洋',
    department: '信息中心',
    reportedBy: null,
    amountAskedFen: 100_000,
    approvedFen: null,
    submittedAt: '2026-11-18 09:00',
    updatedAt: '2026-11-18 10:00',
    reviewerName: '韩冰',
    description: '肺炎住院一周',
    contact: '本人手机',
    photos: [],
    capFen: 100_000,
    capText: '每次不超过 1,000.00 元',
    frequencyText: '每个病种每年 1 次',
    caseLabelName: '病种',
    caseLabel: '肺炎',
    payment: null,
    steps: [],
    can: { withdraw: false, resubmit: false, take: false, approve: true, return: true, reject: true, pay: false },
    forMe: false,
  } as unknown as HardshipRequestDetail

  it('says the amount and the line', () => {
    expect(approvalConfirmText(request, 123_456_78)).toBe('批准向刘洋发放「生病住院」123,456.78 元，从「会员慰问」预算列支，批准后即占用预算余额。')
    expect(approvalConfirmText({ ...request, kind: 'hardship', categoryName: '家庭特殊困难' }, 300_000)).toContain('从「困难帮扶」预算列支')
  })

  it('再想想 approves nothing; 批准 after the confirmation does', async () => {
    taro.useRouter.mockReturnValue({ params: { id: 'r1' }, path: '' })
    serve({
      'hardship.get': () => request,
      'hardship.approve': () => ({ ...request, status: 'approved', approvedFen: 100_000, can: { ...request.can, approve: false } }),
    })
    const { container } = render(<ReviewerRequestPage />)
    await waitFor(() => expect(container.querySelector('.request-approve')).toBeTruthy())
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    await click(container.querySelector('.request-approve'))
    expect(showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '确认批准', content: '批准向刘洋发放「生病住院」1,000.00 元，从「会员慰问」预算列支，批准后即占用预算余额。' }),
    )
    expect(callsOf('hardship.approve')).toHaveLength(0)
    showModal.mockResolvedValueOnce({ confirm: true, cancel: false })
    await click(container.querySelector('.request-approve'))
    await waitFor(() => expect(callsOf('hardship.approve')).toHaveLength(1))
  })
})
