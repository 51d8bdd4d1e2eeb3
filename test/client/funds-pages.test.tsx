/**
 * The funds pages with a mocked backend: 经费概览 (bars per line, participation, export, 年度结账 and
 * its refusal), 预算编制 (refusals by the line), 台账 (冲正), 报销审批 (items, invoices, approval and
 * its refusals), 审计记录 (actions in words, the chain check), the organizer's 报销费用 and 公开栏 —
 * and that the audit committee reads everything and is offered nothing that changes.
 */
jest.mock('@tarojs/taro', () => require('./mocks/taro-groups'))
jest.mock('../../client/src/services/cloud', () => ({
  ...jest.requireActual('../../client/src/services/cloud'),
  callAction: jest.fn(),
  uploadFile: jest.fn(),
}))
jest.mock('../../client/src/services/documents', () => ({ openSpreadsheet: jest.fn(() => Promise.resolve()) }))

import { render, screen, waitFor } from '@testing-library/react'
import type { AuditRow, BudgetView, ExpenseView, LedgerRow, MeView, PublicSpending } from '@shared/contract'
import * as taro from './mocks/taro-groups'
import { ActionError, uploadFile } from '../../client/src/services/cloud'
import { openSpreadsheet } from '../../client/src/services/documents'
import { currentYear } from '../../client/src/constants/funds'
import { clearQueryCache } from '../../client/src/data'
import FundsHomePage from '../../client/src/packages/funds/index/index'
import FundsBudgetPage from '../../client/src/packages/funds/budget/index'
import FundsLedgerPage from '../../client/src/packages/funds/ledger/index'
import FundsExpensesPage from '../../client/src/packages/funds/expenses/index'
import FundsAuditPage from '../../client/src/packages/funds/audit/index'
import ExpensePage from '../../client/src/packages/organizer/expense/index'
import FundsPublicPage from '../../client/src/pages/funds-public/index'
import HomePage from '../../client/src/pages/home/index'
import { dateTimeText } from '@shared/domain/time'
import { hideFindDOMNodeWarnings } from '../support/client/dom'
import { click, texts, typeInto } from '../support/client/dom'
import { mockedCall, pageOf, serve } from '../support/client/serve'

const mockedUpload = uploadFile as jest.MockedFunction<typeof uploadFile>
const mockedOpen = openSpreadsheet as jest.MockedFunction<typeof openSpreadsheet>
const YEAR = currentYear()

const me = (roles: MeView['roles']): MeView => ({
  member: { id: 'm1', name: roles.includes('admin') ? '张伟' : '陈静', department: '办公室', memberNo: 'GH2026001' },
  union: { id: 'u1', name: '市直机关示范工会' },
  roles,
  grants: roles.map((role) => ({ role })),
  badges: { groupRequests: 0, unreadMessages: 0 },
  uploadFolder: 'uploads/test',
})
const ADMIN = me(['member', 'admin'])
const AUDITOR = me(['member', 'auditor'])

const NAMES = {
  activities: '文体活动',
  holiday: '节日慰问品',
  cake: '蛋糕券',
  care: '会员慰问',
  hardship: '困难帮扶',
  training: '培训',
  other: '其他',
} as const
const budgetView = (
  over: Partial<Record<keyof typeof NAMES, { budget: number; committed?: number; spent?: number }>> = {},
  year = YEAR,
  closed = false,
): BudgetView => {
  const lines = (Object.keys(NAMES) as (keyof typeof NAMES)[]).map((line) => {
    const o = over[line] ?? { budget: 0 }
    const committed = o.committed ?? 0
    const spent = o.spent ?? 0
    return { line, name: NAMES[line], budget: o.budget, committed, spent, remaining: o.budget - committed - spent }
  })
  const sum = (k: 'budget' | 'committed' | 'spent' | 'remaining') => lines.reduce((s, l) => s + l[k], 0)
  return { year, closed, lines, total: { budget: sum('budget'), committed: sum('committed'), spent: sum('spent'), remaining: sum('remaining') } }
}
const DEMO = budgetView({
  activities: { budget: 15_000_000, spent: 17_000 },
  holiday: { budget: 200_000, committed: 50_000, spent: 75_000 },
  training: { budget: 100_000, spent: 130_000 },
})

hideFindDOMNodeWarnings()

beforeEach(() => {
  jest.clearAllMocks()
  mockedCall.mockReset()
  taro.useRouter.mockReturnValue({ params: {}, path: '' })
  taro.showModal.mockImplementation(() => Promise.resolve({ confirm: true, cancel: false }))
})

describe('经费概览', () => {
  it('loads, then draws each line as a stacked bar with budget, 已承诺, 已支出, 结余 and the rate; overruns stand out', async () => {
    serve({
      'member.me': () => ADMIN,
      'funds.budget': () => DEMO,
      'activity.participation': () => ({
        year: YEAR,
        events: 4,
        departments: [
          { department: '财务科', members: 10, participants: 8, signUps: 12, checkIns: 9, rate: 80 },
          { department: '办公室', members: 8, participants: 2, signUps: 2, checkIns: 1, rate: 25 },
        ],
        members: [],
      }),
    })
    const { container } = render(<FundsHomePage />)
    expect(screen.getByText('正在加载…')).toBeTruthy()
    const holiday = await waitFor(() => {
      const el = container.querySelector('[data-line="holiday"]')
      expect(el).toBeTruthy()
      return el!
    })
    expect(mockedCall).toHaveBeenCalledWith('funds.budget', { year: YEAR }, { silent: true })
    expect(holiday.querySelector('.funds-line__name')?.textContent).toBe('节日慰问品')
    expect(holiday.querySelector('.funds-line__rate')?.textContent).toBe('62.5%')
    expect(texts(holiday, '.funds-line__numbers > *')).toEqual(['预算 2,000.00', '已承诺 500.00', '已支出 750.00', '结余 750.00'])
    expect(holiday.querySelector('.fund-bar__part--spent')?.getAttribute('data-width')).toBe('37.5')
    expect(holiday.querySelector('.fund-bar__part--committed')?.getAttribute('data-width')).toBe('25')
    // 培训 spent more than its budget: full bar, marked, remaining in red.
    const training = container.querySelector('[data-line="training"]')!
    expect(training.className).toContain('funds-line--over')
    expect(training.querySelector('.fund-bar--over')).toBeTruthy()
    expect(training.querySelector('.funds-line__remaining--over')?.textContent).toBe('结余 -300.00')
    // A line with nothing: an empty track, 「—」.
    expect(container.querySelector('[data-line="cake"] .fund-bar__part')).toBeNull()
    expect(container.querySelector('[data-line="cake"] .funds-line__rate')?.textContent).toBe('—')
    expect(container.querySelector('.funds-figure--budget .funds-figure__value')?.textContent).toBe('153,000.00')

    // Participation by department, as bars of the rate.
    await screen.findByText('财务科')
    expect(texts(container, '.funds-dept__rate')).toEqual(['80.0%', '25.0%'])
    expect(container.querySelector('[data-department="办公室"] .fund-bar__part--rate')?.getAttribute('data-width')).toBe('25')
    expect(container.querySelector('[data-department="财务科"] .funds-dept__meta')?.textContent).toBe('8 / 10 人参加 · 报名 12 人次 · 签到 9 人次')

    // Admin entries carry the year.
    expect(texts(container, '.funds-entry__text')).toEqual(['预算编制', '台账', '报销审批', '审计记录'])
    await click(container.querySelector('.funds-entry--budget'))
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/funds/budget/index?year=${YEAR}` })
  })

  it('exports the execution report and opens it by its fileId', async () => {
    serve({
      'member.me': () => ADMIN,
      'funds.budget': () => DEMO,
      'activity.participation': () => ({ year: YEAR, events: 0, departments: [], members: [] }),
      'funds.report': () => ({ ...DEMO, url: '/files/report.xlsx', fileId: 'cloud://local/exports/report.xlsx' }),
    })
    const { container } = render(<FundsHomePage />)
    await screen.findByText('各科目执行情况')
    // This year cannot be closed yet: the button waits.
    expect(container.querySelector('.funds-close-note')?.textContent).toBe(`${YEAR} 年结束后才能结账。`)
    await click(container.querySelector('.funds-export'))
    expect(mockedCall).toHaveBeenCalledWith('funds.report', { year: YEAR })
    await waitFor(() => expect(mockedOpen).toHaveBeenCalledWith('/files/report.xlsx', 'cloud://local/exports/report.xlsx'))
    expect(await screen.findByText(`${YEAR} 年还没有部门数据`)).toBeTruthy()
  })

  it('年度结账 of a past year asks first and shows the server’s refusal', async () => {
    serve({
      'member.me': () => ADMIN,
      'funds.budget': (input: { year: number }) => budgetView({ holiday: { budget: 100_000, committed: 20_000 } }, input.year),
      'activity.participation': (input: { year: number }) => ({ year: input.year, events: 0, departments: [], members: [] }),
      'funds.closeYear': (input: { year: number }) => {
        throw new ActionError('CONFLICT', `${input.year} 年还有 1 项福利未到兑换截止时间，不能结账`)
      },
    })
    const { container } = render(<FundsHomePage />)
    await screen.findByText('各科目执行情况')
    await click(container.querySelector('.fund-year-prev'))
    await screen.findByText(`${YEAR - 1} 年预算执行`)
    await click(container.querySelector('.funds-close'))
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: `${YEAR - 1} 年结账` }))
    expect(mockedCall).toHaveBeenCalledWith('funds.closeYear', { year: YEAR - 1 }, { silent: true })
    await waitFor(() => expect(container.querySelector('.funds-close-error')?.textContent).toBe(`${YEAR - 1} 年还有 1 项福利未到兑换截止时间，不能结账`))

    // Said no in the dialog: nothing sent.
    mockedCall.mockClear()
    taro.showModal.mockImplementation(() => Promise.resolve({ confirm: false, cancel: true }))
    await click(container.querySelector('.funds-close'))
    expect(mockedCall).not.toHaveBeenCalledWith('funds.closeYear', expect.anything(), expect.anything())
  })

  it('an auditor reads the execution and exports, and is offered nothing that changes', async () => {
    serve({ 'member.me': () => AUDITOR, 'funds.budget': () => DEMO, 'activity.participation': () => ({ year: YEAR, events: 0, departments: [], members: [] }) })
    const { container } = render(<FundsHomePage />)
    await screen.findByText('各科目执行情况')
    expect(container.querySelector('.funds-export')).toBeTruthy()
    expect(container.querySelector('.funds-close')).toBeNull()
    expect(texts(container, '.funds-entry__text')).toEqual(['台账', '报销记录', '审计记录'])
    // The audit committee sees participation by department too.
    await waitFor(() => expect(mockedCall).toHaveBeenCalledWith('activity.participation', { year: YEAR }, { silent: true }))
  })

  it('says kindly when the year has no budget yet, and turns away a plain member', async () => {
    serve({
      'member.me': () => ADMIN,
      'funds.budget': () => budgetView(),
      'activity.participation': () => ({ year: YEAR, events: 0, departments: [], members: [] }),
    })
    const first = render(<FundsHomePage />)
    await screen.findByText(`还没有编制 ${YEAR} 年预算`)
    expect(first.container.querySelector('.funds-lines')).toBeNull()
    first.unmount()
    // Another caller opens the page: a freshly started app, nothing cached.
    clearQueryCache()

    mockedCall.mockClear()
    serve({ 'member.me': () => me(['member']) })
    render(<FundsHomePage />)
    await screen.findByText('经费管理仅对工会管理员和经费审查委员会开放')
    expect(mockedCall).not.toHaveBeenCalledWith('funds.budget', expect.anything(), expect.anything())
  })
})

describe('预算编制', () => {
  it('sends only the changed line in 分 and shows a refusal next to that line', async () => {
    taro.useRouter.mockReturnValue({ params: { year: String(YEAR) }, path: '' })
    let refuse = true
    serve({
      'member.me': () => ADMIN,
      'funds.budget': () => DEMO,
      'funds.setBudget': (input: { lines: Record<string, number> }) => {
        if (refuse) throw new ActionError('INVALID_ARGUMENT', '「节日慰问品」已使用 1250.00 元，预算不能少于此数', { field: 'lines.holiday' })
        return budgetView({
          ...{
            activities: { budget: 15_000_000, spent: 17_000 },
            holiday: { budget: input.lines.holiday!, committed: 50_000, spent: 75_000 },
            training: { budget: 100_000, spent: 130_000 },
          },
        })
      },
    })
    const { container } = render(<FundsBudgetPage />)
    const holiday = await waitFor(() => {
      const el = container.querySelector('.budget-line--holiday')
      expect(el).toBeTruthy()
      return el!
    })
    expect(holiday.querySelector('.budget-line__used')?.textContent).toBe('已使用 1,250.00 元')
    await waitFor(() => expect((holiday.querySelector('input') as HTMLInputElement).value).toBe('2000.00'))

    await typeInto(holiday.querySelector('.budget-input'), '1000')
    expect(holiday.querySelector('.budget-line__was')?.textContent).toBe('原预算 2,000.00 元')
    await click(container.querySelector('.budget-save'))
    expect(mockedCall).toHaveBeenCalledWith('funds.setBudget', { year: YEAR, lines: { holiday: 100000 } }, { silent: true })
    await waitFor(() => expect(holiday.querySelector('.budget-line__error')?.textContent).toBe('「节日慰问品」已使用 1250.00 元，预算不能少于此数'))
    expect(container.querySelector('.budget-line--activities .budget-line__error')).toBeNull()

    refuse = false
    await typeInto(holiday.querySelector('.budget-input'), '3000.5')
    expect(holiday.querySelector('.budget-line__error')).toBeNull()
    await click(container.querySelector('.budget-save'))
    expect(mockedCall).toHaveBeenLastCalledWith('funds.setBudget', { year: YEAR, lines: { holiday: 300050 } }, { silent: true })
    await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith({ title: '预算已保存', icon: 'success' }))
    await waitFor(() => expect(holiday.querySelector('.budget-line__was')).toBeNull())
  })

  it('checks what was typed before sending, and is for admins only', async () => {
    serve({ 'member.me': () => ADMIN, 'funds.budget': () => DEMO })
    const { container, unmount } = render(<FundsBudgetPage />)
    await waitFor(() => expect(container.querySelector('.budget-line--cake input')).toBeTruthy())
    await typeInto(container.querySelector('.budget-line--cake .budget-input'), '-5')
    await click(container.querySelector('.budget-save'))
    expect(container.querySelector('.budget-line--cake .budget-line__error')?.textContent).toBe('金额不能为负数')
    expect(mockedCall).not.toHaveBeenCalledWith('funds.setBudget', expect.anything(), expect.anything())
    unmount()
    // Another caller opens the page: a freshly started app, nothing cached.
    clearQueryCache()

    serve({ 'member.me': () => AUDITOR })
    render(<FundsBudgetPage />)
    await screen.findByText('这里由工会管理员操作')
  })
})

const ledgerRow = (over: Partial<LedgerRow>): LedgerRow => ({
  id: 'e1',
  at: '2026-05-12T02:15:00.000Z',
  line: 'holiday',
  lineName: '节日慰问品',
  committed: -20000,
  spent: 20000,
  source: { type: 'benefit', id: 'c1' },
  memo: '核销：中秋慰问品',
  by: '王芳',
  reverses: null,
  reversedBy: null,
  ...over,
})

describe('台账', () => {
  it('lists entries with line, memo, signed 元, who, and the 冲正 marks; an admin 冲正s with a reason', async () => {
    const rows = [
      ledgerRow({ id: 'e1' }),
      ledgerRow({
        id: 'activity-expense:x',
        line: 'activities',
        lineName: '文体活动',
        committed: 0,
        spent: 17000,
        source: { type: 'activity', id: 'a1' },
        memo: '活动费用：财务科健步走',
        by: '张伟',
        reversedBy: 'correction:activity-expense:x',
      }),
      ledgerRow({
        id: 'correction:activity-expense:x',
        line: 'activities',
        lineName: '文体活动',
        committed: 0,
        spent: -17000,
        source: { type: 'correction', id: 'activity-expense:x' },
        memo: '冲正：发票重复报销',
        by: '张伟',
        reverses: 'activity-expense:x',
      }),
    ]
    let refuse = true
    serve({
      'member.me': () => ADMIN,
      'funds.ledger': () => pageOf(rows),
      'funds.correct': () => {
        if (refuse) throw new ActionError('CLOSED', '2025 年已结账，不能再记账')
        return ledgerRow({ id: 'correction:e1', reverses: 'e1' })
      },
    })
    const { container } = render(<FundsLedgerPage />)
    const first = await waitFor(() => {
      const el = container.querySelector('[data-entry-id="e1"]')
      expect(el).toBeTruthy()
      return el!
    })
    expect(mockedCall).toHaveBeenCalledWith('funds.ledger', { year: YEAR, page: 1, pageSize: 20 }, { silent: true })
    expect(first.querySelector('.ledger-row__line')?.textContent).toBe('节日慰问品')
    expect(first.querySelector('.ledger-row__source')?.textContent).toBe('福利发放')
    expect(first.querySelector('.ledger-row__memo')?.textContent).toBe('核销：中秋慰问品')
    expect(texts(first, '.ledger-row__amounts > *')).toEqual(['承诺变动 -200.00', '支出 +200.00'])
    expect(first.querySelector('.ledger-row__meta')?.textContent).toBe(`${dateTimeText('2026-05-12T02:15:00.000Z', new Date())} · 经办 王芳`)
    expect(screen.getByText(/已记账的分录不会被修改或删除/)).toBeTruthy()
    const reversed = container.querySelector('[data-entry-id="activity-expense:x"]')!
    expect(reversed.querySelector('.ledger-row__mark--reversed')?.textContent).toBe('已冲正')
    expect(reversed.querySelector('.ledger-correct-open')).toBeNull()
    const fix = container.querySelector('[data-entry-id="correction:activity-expense:x"]')!
    expect(fix.querySelector('.ledger-row__mark--correction')?.textContent).toBe('冲正分录')
    expect(fix.querySelector('.ledger-correct-open')).toBeNull()

    await click(first.querySelector('.ledger-correct-open'))
    await click(first.querySelector('.ledger-correct-confirm'))
    expect(first.querySelector('.ledger-correct-error')?.textContent).toBe('请写明冲正原因（至少 2 个字）')
    await typeInto(first.querySelector('.ledger-correct-reason'), '数量记错')
    await click(first.querySelector('.ledger-correct-confirm'))
    expect(mockedCall).toHaveBeenCalledWith('funds.correct', { entryId: 'e1', reason: '数量记错' }, { silent: true })
    await waitFor(() => expect(first.querySelector('.ledger-correct-error')?.textContent).toBe('2025 年已结账，不能再记账'))

    refuse = false
    await click(first.querySelector('.ledger-correct-confirm'))
    await waitFor(() => expect(mockedCall.mock.calls.filter(([name]) => name === 'funds.ledger')).toHaveLength(2))
  })

  it('filters by line, says when a line has nothing, and shows auditors no 冲正', async () => {
    serve({ 'member.me': () => AUDITOR, 'funds.ledger': (input: { line?: string }) => pageOf(input.line ? [] : [ledgerRow({})]) })
    const { container } = render(<FundsLedgerPage />)
    await waitFor(() => expect(container.querySelector('[data-entry-id="e1"]')).toBeTruthy())
    expect(container.querySelector('.ledger-correct-open')).toBeNull()
    await click(container.querySelector('.ledger-line-filter[data-line="care"]'))
    await screen.findByText(`${YEAR} 年「会员慰问」还没有分录`)
    expect(mockedCall).toHaveBeenCalledWith('funds.ledger', { year: YEAR, line: 'care', page: 1, pageSize: 20 }, { silent: true })
  })
})

const expense = (over: Partial<ExpenseView> = {}): ExpenseView => ({
  id: 'x1',
  activityId: 'a1',
  activityTitle: '财务科健步走',
  amount: 17000,
  items: [
    { name: '矿泉水', quantity: 20, unitPrice: 250 },
    { name: '横幅', quantity: 1, unitPrice: 12000 },
  ],
  invoiceUrls: ['https://files/invoice-1.jpg', 'https://files/invoice-2.jpg'],
  status: 'pending',
  requestedBy: '李娜',
  requestedAt: '2026-05-12T02:15:00.000Z',
  decidedBy: null,
  decidedAt: null,
  reason: '',
  ...over,
})

describe('报销审批', () => {
  it('opens a claim to its items, total and invoices; approval refusals show word for word', async () => {
    const answers: (() => unknown)[] = [
      () => {
        throw new ActionError('FORBIDDEN', '不能审批自己提交的报销，请由另一位管理员审批')
      },
      () => {
        throw new ActionError('INVALID_ARGUMENT', '超出「文体活动」预算余额：余额 50.00 元，本次 170.00 元')
      },
      () => expense({ status: 'approved' }),
    ]
    serve({
      'member.me': () => ADMIN,
      'funds.expenses': (input: { status: string }) => pageOf(input.status === 'pending' ? [expense()] : []),
      'funds.decideExpense': () => answers.shift()!(),
    })
    const { container } = render(<FundsExpensesPage />)
    const card = await waitFor(() => {
      const el = container.querySelector('[data-expense-id="x1"]')
      expect(el).toBeTruthy()
      return el!
    })
    expect(mockedCall).toHaveBeenCalledWith('funds.expenses', { status: 'pending', page: 1, pageSize: 20 }, { silent: true })
    expect(card.querySelector('.expense-card__amount')?.textContent).toBe('170.00 元')
    expect(card.querySelector('.expense-card__status')?.textContent).toBe('待审批')
    await click(card.querySelector('.expense-card__head'))
    expect(texts(card, '.expense-item')).toEqual(['矿泉水202.5050.00', '横幅1120.00120.00'])
    expect(card.querySelector('.expense-items__total')?.textContent).toBe('170.00')

    const invoices = card.querySelectorAll('.expense-invoice')
    expect(invoices).toHaveLength(2)
    await click(invoices[1])
    expect(taro.previewImage).toHaveBeenCalledWith({
      current: 'https://files/invoice-2.jpg',
      urls: ['https://files/invoice-1.jpg', 'https://files/invoice-2.jpg'],
    })

    await click(card.querySelector('.expense-approve'))
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '170.00 元将从「文体活动」预算中支出，记入台账。' }))
    expect(mockedCall).toHaveBeenCalledWith('funds.decideExpense', { id: 'x1', approve: true, reason: '' }, { silent: true })
    await waitFor(() => expect(card.querySelector('.expense-error')?.textContent).toBe('不能审批自己提交的报销，请由另一位管理员审批'))
    await click(card.querySelector('.expense-approve'))
    await waitFor(() => expect(card.querySelector('.expense-error')?.textContent).toBe('超出「文体活动」预算余额：余额 50.00 元，本次 170.00 元'))
    await click(card.querySelector('.expense-approve'))
    await waitFor(() => expect(mockedCall.mock.calls.filter(([name]) => name === 'funds.expenses')).toHaveLength(2))

    // Other tabs, with their empty states.
    await click(container.querySelector('.expense-tab--rejected'))
    await screen.findByText('没有退回的报销')
  })

  it('退回 needs a reason; auditors see decisions but no buttons', async () => {
    serve({
      'member.me': () => ADMIN,
      'funds.expenses': () => pageOf([expense()]),
      'funds.decideExpense': () => expense({ status: 'rejected', reason: '发票抬头不对' }),
    })
    const first = render(<FundsExpensesPage />)
    await waitFor(() => expect(first.container.querySelector('[data-expense-id="x1"]')).toBeTruthy())
    const card = first.container.querySelector('[data-expense-id="x1"]')!
    await click(card.querySelector('.expense-card__head'))
    await click(card.querySelector('.expense-return'))
    await click(card.querySelector('.expense-return-confirm'))
    expect(card.querySelector('.expense-error')?.textContent).toBe('退回时请写明原因')
    await typeInto(card.querySelector('.expense-return-reason'), '发票抬头不对')
    await click(card.querySelector('.expense-return-confirm'))
    expect(mockedCall).toHaveBeenCalledWith('funds.decideExpense', { id: 'x1', approve: false, reason: '发票抬头不对' }, { silent: true })
    first.unmount()
    // Another caller opens the page: a freshly started app, nothing cached.
    clearQueryCache()

    serve({
      'member.me': () => AUDITOR,
      'funds.expenses': () => pageOf([expense({ status: 'rejected', decidedBy: '张伟', decidedAt: '2026-05-13T01:00:00.000Z', reason: '发票抬头不对' })]),
    })
    const { container } = render(<FundsExpensesPage />)
    await screen.findByText('报销记录')
    await waitFor(() => expect(container.querySelector('[data-expense-id="x1"]')).toBeTruthy())
    await click(container.querySelector('.expense-card__head'))
    expect(container.querySelector('.expense-decision')?.textContent).toBe(
      `张伟 于 ${dateTimeText('2026-05-13T01:00:00.000Z', new Date())} 退回，原因：发票抬头不对`,
    )
    expect(container.querySelector('.expense-approve')).toBeNull()
    expect(container.querySelector('.expense-return')).toBeNull()
  })
})

describe('审计记录', () => {
  const rows: AuditRow[] = [
    { seq: 3, at: '2026-05-12T02:15:00.000Z', actor: '张伟', action: 'expense.approve', target: 'x1', hash: 'h3' },
    { seq: 2, at: '2026-05-11T02:15:00.000Z', actor: '系统', action: 'ledger.seal', target: '2 笔分录', hash: 'h2' },
    { seq: 1, at: '2026-05-10T02:15:00.000Z', actor: '张伟', action: 'budget.set', target: '2026 年预算', hash: 'h1' },
  ]

  it('lists entries with the action in words; the check says intact, or where it broke in red', async () => {
    const seen = { seq: 3, fingerprint: 'ab12cd34', at: '2026-05-12T02:20:00.000Z' }
    const checks = [
      { ok: true, checked: 3, brokenAt: null, reason: null, truncation: null, lastSeen: null, head: seen },
      { ok: false, checked: 1, brokenAt: 2, reason: '第 2 条记录的内容被改动', truncation: null, lastSeen: seen, head: seen },
      {
        ok: false,
        checked: 2,
        brokenAt: 3,
        reason: '您上次校验（2026-05-12 10:20）时账目记录有 3 条，现在只有 2 条：第 3 条记录被删除了',
        truncation: { against: 'checkpoint', expectedSeq: 3, actualSeq: 2 },
        lastSeen: seen,
        head: { ...seen, seq: 2 },
      },
    ]
    serve({ 'member.me': () => AUDITOR, 'funds.auditLog': () => pageOf(rows), 'funds.verify': () => checks.shift() })
    const { container } = render(<FundsAuditPage />)
    await waitFor(() => expect(container.querySelectorAll('.audit-row')).toHaveLength(3))
    expect(texts(container, '.audit-row__action')).toEqual(['通过活动报销', '封存分录（供校验）', '调整年度预算'])
    expect(container.querySelector('[data-seq="1"] .audit-row__meta')?.textContent).toBe(`${dateTimeText('2026-05-10T02:15:00.000Z', new Date())} · 张伟`)
    expect(container.querySelector('[data-seq="1"] .audit-row__seq')?.textContent).toBe('#1')

    await click(container.querySelector('.audit-verify-button'))
    await waitFor(() => expect(container.querySelector('.audit-result--ok')?.textContent).toBe('✓ 完整（已校验 3 条）'))
    // The check may add a 封存 entry: the list loads again.
    await waitFor(() => expect(mockedCall.mock.calls.filter(([name]) => name === 'funds.auditLog')).toHaveLength(2))
    await click(container.querySelector('.audit-verify-button'))
    await waitFor(() => expect(container.querySelector('.audit-result--broken')?.textContent).toBe('✗ 第 2 条记录有问题：第 2 条记录的内容被改动'))
    expect(container.querySelector('.audit-last-seen')?.textContent).toBe(
      `您上次校验（${dateTimeText('2026-05-12T02:20:00.000Z', new Date())}）时共 3 条，最新指纹 ab12cd34`,
    )
    expect(container.querySelector('.audit-truncation-advice')).toBeNull()
    // A cut-off tail says which entries are gone and what to do.
    await click(container.querySelector('.audit-verify-button'))
    await waitFor(() =>
      expect(container.querySelector('.audit-result--truncated')?.textContent).toBe(
        '✗ 最新的账目记录不见了：您上次校验（2026-05-12 10:20）时账目记录有 3 条，现在只有 2 条：第 3 条记录被删除了',
      ),
    )
    expect(container.querySelector('.audit-truncation-advice')?.textContent).toContain('截图保存')
  })

  it('has an empty state', async () => {
    serve({ 'member.me': () => ADMIN, 'funds.auditLog': () => pageOf([]) })
    render(<FundsAuditPage />)
    await screen.findByText('还没有审计记录')
  })
})

describe('报销费用 (organizer)', () => {
  const activity = { id: 'a1', title: '财务科健步走', canManage: true }

  it('adds items in 元 with a live total, uploads the invoice, sends 分, shows refusals and the claims', async () => {
    taro.useRouter.mockReturnValue({ params: { id: 'a1' }, path: '/packages/organizer/expense/index' })
    const sent: unknown[] = []
    let refuse = true
    serve({
      'activity.get': () => activity,
      'member.me': () => me(['member', 'leader']),
      'funds.expenses': () => pageOf([expense({ id: 'old', status: 'rejected', reason: '请补发票' })]),
      'funds.recordExpense': (input: unknown) => {
        sent.push(input)
        if (refuse) throw new ActionError('INVALID_ARGUMENT', '第 2 项「横幅」单价：金额必须大于 0', { field: 'items.1.unitPrice' })
        return expense()
      },
    })
    taro.chooseImage.mockResolvedValue({
      tempFiles: [{ path: 'blob:invoice', size: 1000, originalFileObj: Object.assign(new Blob(['x']), { name: 'invoice.jpg' }) }],
    })
    mockedUpload.mockResolvedValue('cloud://local/uploads/test/invoice.jpg')
    const { container } = render(<ExpensePage />)
    await screen.findByText('财务科健步走', { selector: '.page-header__subtitle' })

    // The organizer's claims so far, with the reason a returned one came back.
    await waitFor(() => expect(container.querySelector('[data-expense-id="old"] .expense-claim__reason')?.textContent).toBe('退回原因：请补发票'))
    expect(container.querySelector('[data-expense-id="old"] .expense-claim__status')?.textContent).toBe('已退回')

    // Nothing typed: said by the row and the photos, nothing sent.
    await click(container.querySelector('.expense-send'))
    expect(container.querySelector('.expense-item-error')?.textContent).toBe('请填写名称')
    expect(container.querySelector('.expense-photo-error')?.textContent).toBe('请上传发票照片（至少 1 张）')

    const rows = () => container.querySelectorAll('.expense-item-form')
    await typeInto(rows()[0].querySelector('.expense-item-name'), '矿泉水')
    await typeInto(rows()[0].querySelector('.expense-item-quantity'), '20')
    await typeInto(rows()[0].querySelector('.expense-item-price'), '2.5')
    expect(rows()[0].querySelector('.expense-item-form__subtotal')?.textContent).toBe('小计 50.00 元')
    await click(container.querySelector('.expense-item-add'))
    await typeInto(rows()[1].querySelector('.expense-item-name'), '横幅')
    await typeInto(rows()[1].querySelector('.expense-item-price'), '120')
    expect(container.querySelector('.expense-total__value')?.textContent).toBe('170.00')

    await click(container.querySelector('.expense-add-photo'))
    await waitFor(() => expect(container.querySelectorAll('.expense-photo__image')).toHaveLength(1))

    await click(container.querySelector('.expense-send'))
    await waitFor(() => expect(sent).toHaveLength(1))
    expect(sent[0]).toEqual({
      key: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
      activityId: 'a1',
      items: [
        { name: '矿泉水', quantity: 20, unitPrice: 250 },
        { name: '横幅', quantity: 1, unitPrice: 12000 },
      ],
      invoiceFileIds: ['cloud://local/uploads/test/invoice.jpg'],
    })
    await waitFor(() => expect(rows()[1].querySelector('.expense-item-error')?.textContent).toBe('第 2 项「横幅」单价：金额必须大于 0'))
    expect(rows()[0].querySelector('.expense-item-error')).toBeNull()

    // Again: the photo is not uploaded twice.
    refuse = false
    await click(container.querySelector('.expense-send'))
    await waitFor(() => expect(sent).toHaveLength(2))
    // The same form sent again carries the same key, so a claim made by a lost first answer is not made twice.
    expect((sent[1] as { key: string }).key).toBe((sent[0] as { key: string }).key)
    expect(mockedUpload).toHaveBeenCalledTimes(1)
    await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith({ title: '已提交，等待管理员审批', icon: 'none' }))
    await waitFor(() => expect(rows()).toHaveLength(1))
    expect(container.querySelectorAll('.expense-photo__image')).toHaveLength(0)
  })

  it('turns away someone who does not organize the event, and says when there are no claims', async () => {
    taro.useRouter.mockReturnValue({ params: { id: 'a1' }, path: '' })
    serve({ 'activity.get': () => ({ ...activity, canManage: false }), 'member.me': () => me(['member']), 'funds.expenses': () => pageOf([]) })
    const { container } = render(<ExpensePage />)
    await screen.findByText('只有活动的组织者可以报销活动费用')
    await screen.findByText('还没有报销记录')
    expect(container.querySelector('.expense-send')).toBeNull()
  })
})

describe('公开栏', () => {
  const spending = (lines: [string, string, number[]][]): PublicSpending => ({
    year: YEAR,
    lines: lines.map(([line, name, quarters]) => ({ line: line as never, name, quarters, total: quarters.reduce((a, b) => a + b, 0) })),
    total: lines.reduce((s, [, , q]) => s + q.reduce((a, b) => a + b, 0), 0),
    heldBack: false,
    auditHead: { seq: 42, fingerprint: 'ab12cd34', at: '2026-05-10T02:15:00.000Z' },
  })

  it('shows the year’s spending per line and quarter, totals only, 接受会员监督', async () => {
    serve({
      'funds.public': () =>
        spending([
          ['activities', '文体活动', [0, 17000, 0, 0]],
          ['holiday', '节日慰问品', [0, 0, 34000, 0]],
          ['care', '会员慰问', [0, 0, 0, 0]],
        ]),
    })
    const { container } = render(<FundsPublicPage />)
    expect(screen.getByText('正在加载…')).toBeTruthy()
    await waitFor(() => expect(container.querySelector('.public-total__value')?.textContent).toBe('510.00'))
    expect(mockedCall).toHaveBeenCalledWith('funds.public', { year: YEAR }, { silent: true })
    expect(texts(container, '.public-quarter__value')).toEqual(['0.00', '170.00', '340.00', '0.00'])
    expect(container.querySelector('[data-line="holiday"] .public-line__total')?.textContent).toBe('340.00')
    expect((container.querySelector('[data-line="activities"] .public-bar__fill') as HTMLElement).style.width).toBe('50%')
    expect(texts(container.querySelector('[data-line="activities"]')!, '.public-line__quarter')).toEqual([
      '一季度 0.00',
      '二季度 170.00',
      '三季度 0.00',
      '四季度 0.00',
    ])
    expect(container.querySelector('.public-notice')?.textContent).toContain('只公布各科目按季度的支出合计')
    expect(container.querySelector('.public-notice')?.textContent).toContain('接受全体会员监督')
    expect(container.querySelector('.public-audit-head')?.textContent).toBe(
      `账目记录共 42 条，最新指纹 ab12cd34，更新于 ${dateTimeText('2026-05-10T02:15:00.000Z', new Date())}`,
    )
    // Not the future: next year is off.
    expect(container.querySelector('.public-year-next')?.className).toContain('public-year__step--off')
    await click(container.querySelector('.public-year-prev'))
    expect(mockedCall).toHaveBeenCalledWith('funds.public', { year: YEAR - 1 }, { silent: true })
  })

  it('holds back an aid line with few payments, and says why', async () => {
    const data = spending([['activities', '文体活动', [0, 17000, 0, 0]]])
    serve({
      'funds.public': () => ({
        ...data,
        lines: [...data.lines, { line: 'care', name: '会员慰问', quarters: [null, null, null, null], total: null }],
        heldBack: true,
      }),
    })
    const { container } = render(<FundsPublicPage />)
    await waitFor(() => expect(container.querySelector('[data-line="care"] .public-line__total')?.textContent).toBe('不单独公开'))
    expect(container.querySelector('[data-line="care"] .public-line__note')?.textContent).toBe('本年发放笔数较少，为保护受助会员不单独公开')
    expect(container.querySelector('.public-total__label')?.textContent).toContain('不含未单独公开的帮扶慰问')
    expect(container.querySelector('.public-total__value')?.textContent).toBe('170.00')
  })

  it('says kindly when nothing was spent yet; 首页 links to it', async () => {
    serve({ 'funds.public': () => spending([['activities', '文体活动', [0, 0, 0, 0]]]) })
    const first = render(<FundsPublicPage />)
    await screen.findByText(`${YEAR} 年还没有可公开的支出`)
    // A sentence, not a wall of 0.00.
    expect(first.container.querySelector('.public-total__value')).toBeNull()
    expect(first.container.querySelector('.public-line')).toBeNull()
    first.unmount()

    // A line with nothing spent says so in words, not four 0.00s.
    serve({
      'funds.public': () =>
        spending([
          ['activities', '文体活动', [0, 0, 0, 0]],
          ['cake', '蛋糕券', [20000, 0, 0, 0]],
        ]),
    })
    const partly = render(<FundsPublicPage />)
    await waitFor(() => expect(partly.container.querySelector('[data-line="activities"] .public-line__note')?.textContent).toBe('本年暂无支出'))
    expect(partly.container.querySelectorAll('[data-line="activities"] .public-line__quarter')).toHaveLength(0)
    expect(partly.container.querySelectorAll('[data-line="cake"] .public-line__quarter')).toHaveLength(4)
    partly.unmount()

    // Only a few aid payments, held back to protect who got them: the same sentence, saying why.
    serve({ 'funds.public': () => ({ ...spending([['activities', '文体活动', [0, 0, 0, 0]]]), heldBack: true }) })
    const held = render(<FundsPublicPage />)
    await screen.findByText(`${YEAR} 年还没有可公开的支出`)
    expect(held.container.querySelector('.public-empty')?.textContent).toContain('为保护受助会员不单独公开')
    expect(held.container.querySelector('.public-total__value')).toBeNull()
    held.unmount()

    serve({ 'member.home': () => ({ me: me(['member']), activities: [], gifts: [], vouchers: [], requests: [], messages: [] }) })
    const { container } = render(<HomePage />)
    await waitFor(() => expect(container.querySelector('.home-funds-public')).toBeTruthy())
    await click(container.querySelector('.home-funds-public'))
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/funds-public/index' })
  })
})
