/** The hardship pages: the form checks before sending and sends what the contract takes; the timeline; empty states; 我的 entries. */
jest.mock('@tarojs/taro', () => require('./mocks/taro-groups'))
jest.mock('../../client/src/services/cloud', () => ({ ...jest.requireActual('../../client/src/services/cloud'), callAction: jest.fn() }))

import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { HardshipRequestDetail } from '@shared/contract'
import { capText, DEFAULT_CATEGORIES, frequencyText } from '@shared/domain/hardship'
import * as taro from './mocks/taro-groups'
import { ActionError } from '../../client/src/services/cloud'
import ApplyPage from '../../client/src/pages/hardship/apply'
import DetailPage from '../../client/src/pages/hardship/detail'
import MyHardshipPage from '../../client/src/pages/hardship/index'
import QueuePage from '../../client/src/packages/reviewer/queue/index'
import MePage from '../../client/src/pages/me/index'
import { calendarDayText } from '@shared/domain/time'
import { mockedCall } from '../support/client/serve'
import { hideFindDOMNodeWarnings, tapText } from '../support/client/dom'
import { meView } from '../support/client/me'

hideFindDOMNodeWarnings()

const policy = {
  year: 2026,
  version: 1,
  inheritedFrom: null,
  updatedAt: null,
  updatedBy: null,
  categories: DEFAULT_CATEGORIES.map((c) => ({ ...c, capText: capText(c), frequencyText: frequencyText(c) })),
}

const detail: HardshipRequestDetail = {
  id: 'r1',
  category: 'hospital',
  categoryName: '生病住院',
  kind: 'care',
  status: 'paid',
  memberId: 'm4',
  memberName: '刘洋',
  department: '信息中心',
  reportedBy: null,
  amountAskedFen: 100_000,
  approvedFen: 80_000,
  submittedAt: '2026-11-18 09:00',
  updatedAt: '2026-11-20 16:00',
  reviewerName: '韩冰',
  description: '肺炎住院一周',
  contact: '本人手机',
  photos: [{ fileId: 'cloud://e/uploads/x/1.jpg', url: 'http://local/1.jpg?sign=abc' }],
  capFen: 100_000,
  capText: '每次不超过 1,000.00 元',
  frequencyText: '每个病种每年 1 次',
  caseLabelName: '病种',
  caseLabel: '肺炎',
  payment: { amountFen: 80_000, method: 'bank', paidOn: '2026-11-20', note: '', paidBy: '韩冰', recordedAt: '2026-11-20 16:00' },
  steps: [
    {
      kind: 'submit',
      label: '提交申请',
      status: 'submitted',
      at: '2026-11-18 09:00',
      actorName: '刘洋',
      actorRole: 'member',
      note: '',
      amountFen: 100_000,
      method: null,
      paidOn: null,
    },
    {
      kind: 'take',
      label: '受理',
      status: 'reviewing',
      at: '2026-11-18 10:00',
      actorName: '韩冰',
      actorRole: 'reviewer',
      note: '',
      amountFen: null,
      method: null,
      paidOn: null,
    },
    {
      kind: 'approve',
      label: '批准',
      status: 'approved',
      at: '2026-11-19 10:00',
      actorName: '韩冰',
      actorRole: 'reviewer',
      note: '按标准慰问',
      amountFen: 80_000,
      method: null,
      paidOn: null,
    },
    {
      kind: 'pay',
      label: '发放',
      status: 'paid',
      at: '2026-11-20 16:00',
      actorName: '韩冰',
      actorRole: 'reviewer',
      note: '',
      amountFen: 80_000,
      method: 'bank',
      paidOn: '2026-11-20',
    },
  ],
  can: { withdraw: false, resubmit: false, take: false, approve: false, return: false, reject: false, pay: false },
  forMe: true,
}

beforeEach(() => {
  mockedCall.mockReset()
  jest.clearAllMocks()
  taro.useRouter.mockReturnValue({ params: {}, path: '' })
})

/** Taro's h5 inputs are web components whose native element appears a moment later. */
const field = (container: HTMLElement, selector: string) =>
  waitFor(() => {
    const el = container.querySelector(selector)
    if (!el) throw new Error(`no ${selector} yet`)
    return el as HTMLInputElement
  })

describe('申请帮扶 / 慰问', () => {
  beforeEach(() => {
    mockedCall.mockImplementation((async (name: string) => {
      if (name === 'hardship.policy') return policy
      if (name === 'member.me') return meView(['member'])
      if (name === 'hardship.submit') return { ...detail, id: 'new-1', status: 'submitted' }
      throw new Error(`unexpected ${name}`)
    }) as never)
  })

  it('shows each category with its standard, and says what is missing before sending anything', async () => {
    const { container } = render(<ApplyPage />)
    await screen.findByText('生病住院')
    expect(container.querySelector('[data-category="hospital"]')?.textContent).toContain('每次不超过 1,000.00 元')
    expect(container.querySelector('[data-category="college"]')?.textContent).toContain('标准待工会设定')
    // Not a leader or committee member: no 为同事申报.
    expect(container.querySelector('.apply-for-colleague')).toBeNull()
    await tapText('提交申请')
    expect(screen.getByText('请选择申请类别')).toBeTruthy()
    expect(screen.getByText('请留下联系方式，方便工会联系您')).toBeTruthy()
    expect(mockedCall).not.toHaveBeenCalledWith('hardship.submit', expect.anything(), expect.anything())
  })

  it('sends the category, the story, the amount in 分 and the contact, then opens the request', async () => {
    const { container } = render(<ApplyPage />)
    await screen.findByText('生病住院')
    await act(async () => {
      ;(container.querySelector('[data-category="hospital"]') as HTMLElement).click()
    })
    const description = await field(container, '.apply-description textarea')
    const amount = await field(container, '.apply-amount input')
    const contact = await field(container, '.apply-contact input')
    await act(async () => {
      fireEvent.input(description, { target: { value: '肺炎住院一周' } })
      fireEvent.input(amount, { target: { value: '1200' } })
      fireEvent.input(contact, { target: { value: '本人手机' } })
    })
    await tapText('提交申请')
    expect(screen.getByText('「生病住院」的标准是每次不超过 1,000.00 元，申请金额不能超过标准')).toBeTruthy()
    await act(async () => {
      fireEvent.input(amount, { target: { value: '800' } })
    })
    await tapText('提交申请')
    expect(mockedCall).toHaveBeenCalledWith(
      'hardship.submit',
      {
        key: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
        category: 'hospital',
        description: '肺炎住院一周',
        amountFen: 80_000,
        contact: '本人手机',
        photoFileIds: [],
      },
      { silent: true },
    )
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/hardship/detail?id=new-1' }))
  })

  it('shows a refusal of the server under its field', async () => {
    mockedCall.mockImplementation((async (name: string) => {
      if (name === 'hardship.policy') return policy
      if (name === 'member.me') return meView(['member', 'leader'])
      throw new ActionError('INVALID_ARGUMENT', '只能上传 JPG、PNG 或 WEBP 格式的照片', { field: 'photoFileIds' })
    }) as never)
    const { container } = render(<ApplyPage />)
    await screen.findByText('生病住院')
    expect(container.querySelector('.apply-for-colleague')).toBeTruthy()
    await act(async () => {
      ;(container.querySelector('[data-category="birthday"]') as HTMLElement).click()
    })
    await act(async () => {
      fireEvent.input(await field(container, '.apply-description textarea'), { target: { value: '生日' } })
      fireEvent.input(await field(container, '.apply-contact input'), { target: { value: '手机' } })
    })
    await tapText('提交申请')
    await screen.findByText('只能上传 JPG、PNG 或 WEBP 格式的照片')
    expect(taro.redirectTo).not.toHaveBeenCalled()
  })
})

describe('申请进展', () => {
  it('shows every step with who and when, the sum and how it was paid', async () => {
    taro.useRouter.mockReturnValue({ params: { id: 'r1' }, path: '' })
    mockedCall.mockResolvedValueOnce(detail as never)
    const { container } = render(<DetailPage />)
    await screen.findByText('办理进展')
    expect(mockedCall).toHaveBeenCalledWith('hardship.get', { id: 'r1' }, { silent: true })
    expect(Array.from(container.querySelectorAll('.timeline-step__label')).map((n) => n.textContent)).toEqual(['提交申请', '受理', '批准', '发放'])
    expect(container.querySelector('.timeline-step--approve')?.textContent).toContain('批准金额 800.00 元')
    expect(container.querySelector('.timeline-step--pay')?.textContent).toContain(`800.00 元 · 银行转账 · ${calendarDayText('2026-11-20', new Date())}`)
    expect(container.querySelector('.detail-status__yuan')?.textContent).toBe('800.00 元')
    expect(container.querySelector('.detail-withdraw')).toBeNull()
  })

  it('offers withdrawing while it is open, after asking', async () => {
    taro.useRouter.mockReturnValue({ params: { id: 'r1' }, path: '' })
    const open = {
      ...detail,
      status: 'submitted' as const,
      approvedFen: null,
      payment: null,
      steps: detail.steps.slice(0, 1),
      can: { ...detail.can, withdraw: true },
    }
    mockedCall
      .mockResolvedValueOnce(open as never)
      .mockResolvedValueOnce({ ...open, status: 'withdrawn' } as never)
      .mockResolvedValueOnce({ ...open, status: 'withdrawn', can: detail.can } as never)
    taro.showModal.mockResolvedValueOnce({ confirm: true, cancel: false })
    const { container } = render(<DetailPage />)
    await screen.findByText('撤回申请')
    await act(async () => {
      ;(container.querySelector('.detail-withdraw') as HTMLElement).click()
    })
    expect(taro.showModal).toHaveBeenCalled()
    expect(mockedCall).toHaveBeenCalledWith('hardship.withdraw', { id: 'r1' })
    await waitFor(() => expect(container.querySelector('.detail-withdraw')).toBeNull())
  })
})

describe('lists say when there is nothing yet', () => {
  it('我的帮扶申请', async () => {
    mockedCall.mockResolvedValueOnce({ items: [], total: 0, page: 1, pageSize: 20 } as never)
    render(<MyHardshipPage />)
    await screen.findByText('还没有申请')
    expect(screen.getByText('申请帮扶 / 慰问')).toBeTruthy()
  })

  it('the reviewer queue, and a plain member is told they may not', async () => {
    mockedCall.mockResolvedValueOnce({ items: [], total: 0, page: 1, pageSize: 20 } as never)
    const first = render(<QueuePage />)
    await screen.findByText('没有待受理的申请')
    expect(mockedCall).toHaveBeenCalledWith('hardship.queue', { tab: 'submitted', page: 1, pageSize: 20 }, { silent: true })
    first.unmount()
    mockedCall.mockRejectedValueOnce(new ActionError('FORBIDDEN', '您没有权限进行此操作'))
    const { container } = render(<QueuePage />)
    await screen.findByText('您没有权限进行此操作')
    expect(container.querySelector('.queue-tabs')).toBeNull()
  })
})

describe('我的', () => {
  it('every member finds 我的帮扶申请; reviewers also 帮扶审核', async () => {
    mockedCall.mockResolvedValueOnce(meView(['member']) as never)
    const first = render(<MePage />)
    await screen.findByText('我的帮扶申请')
    expect(screen.queryByText('帮扶审核')).toBeNull()
    first.unmount()
    mockedCall.mockResolvedValueOnce(meView(['member', 'reviewer']) as never)
    render(<MePage />)
    await screen.findByText('受理、审批、发放，困难职工档案')
    await tapText('受理、审批、发放，困难职工档案')
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/reviewer/queue/index' })
  })
})
