/**
 * 电子会员证 and 核验会员证 with a mocked backend: the card shows who the member is and a code that
 * is fetched again every 30 seconds (and not while hidden); staff type six digits and see name,
 * department and status, or the server's refusal word for word, with one call per check.
 */
jest.mock('@tarojs/taro', () => require('./mocks/taro-activities'))
jest.mock('../../client/src/services/cloud', () => ({ ...jest.requireActual('../../client/src/services/cloud'), callAction: jest.fn() }))

import { act, fireEvent, render, waitFor } from '@testing-library/react'
import type { MemberCardView, MeView } from '@shared/contract'
import { calendarDayText } from '@shared/domain/time'
import { ActionError } from '../../client/src/services/cloud'
import MemberCardPage from '../../client/src/pages/member-card/index'
import CardCheckPage from '../../client/src/packages/admin/card-check/index'
import { mockedCall } from '../support/client/serve'
import { type } from '../support/client/dom'

const card = (n: number): MemberCardView => ({
  name: '刘洋',
  union: '市直机关示范工会',
  memberNo: 'GH2026004',
  department: '信息中心',
  joinDate: '2013-04-01',
  status: '在职',
  code: { token: `member-card-token-${n}`, shortCode: String(123450 + n), expiresAt: '' },
})

const me = (roles: MeView['roles']): MeView => ({
  member: { id: 'm1', name: '张伟', department: '办公室', memberNo: 'GH2026001' },
  union: { id: 'u1', name: '市直机关示范工会' },
  roles,
  grants: [],
  badges: { groupRequests: 0, unreadMessages: 0 },
  uploadFolder: 'uploads/test',
})

const flush = () => act(async () => {})

// The staff page first: Taro's h5 Input (a web component) schedules its rendering with the timers it
// finds when first used, so it must meet real ones before the card's tests fake them.
describe('核验会员证 (admins)', () => {
  beforeEach(() => {
    jest.useRealTimers()
    mockedCall.mockReset()
  })

  const typeDigits = (container: HTMLElement, value: string) => type(container, '.card-check__input', value)
  const submit = (container: HTMLElement) =>
    act(async () => {
      fireEvent.click(container.querySelector('.card-check__submit')!)
    })

  it('checks six typed digits once and shows name, department and status — nothing else', async () => {
    let release: (() => void) | undefined
    mockedCall.mockImplementation(((name: string) => {
      if (name === 'member.me') return Promise.resolve(me(['member', 'admin']))
      if (name === 'member.verifyCard') return new Promise((resolve) => (release = () => resolve({ name: '刘洋', department: '信息中心', status: '在职' })))
      return Promise.reject(new Error(`unexpected ${name}`))
    }) as never)
    const { container } = render(<CardCheckPage />)
    await typeDigits(container, '123456')
    await submit(container)
    // A second tap while the first check is on its way sends nothing.
    await submit(container)
    await act(async () => release?.())
    await waitFor(() => expect(container.querySelector('.card-check-result__name')?.textContent).toBe('刘洋'))
    expect(container.querySelector('.card-check-result__department')?.textContent).toBe('信息中心')
    expect(container.querySelector('.card-check-result__status')?.textContent).toBe('在职 · 在册会员')
    expect(mockedCall.mock.calls.filter(([n]) => n === 'member.verifyCard')).toEqual([['member.verifyCard', { code: '123456' }, { silent: true }]])
  })

  it('shows the server’s refusal word for word, and a member who left as such', async () => {
    const answers = [
      Promise.reject(new ActionError('EXPIRED', '会员证二维码已过期，请会员刷新后再出示')),
      Promise.resolve({ name: '王芳', department: '后勤服务中心', status: '离会' }),
    ]
    answers[0].catch(() => undefined)
    mockedCall.mockImplementation(((name: string) => (name === 'member.me' ? Promise.resolve(me(['member', 'admin'])) : answers.shift())) as never)
    const { container } = render(<CardCheckPage />)
    await typeDigits(container, '111111')
    await submit(container)
    await waitFor(() => expect(container.querySelector('.card-check-result--refused')?.textContent).toBe('✗会员证二维码已过期，请会员刷新后再出示'))
    await typeDigits(container, '222222')
    await submit(container)
    await waitFor(() =>
      expect(container.querySelector('.card-check-result--left .card-check-result__status')?.textContent).toBe('离会 · 已离会，不再是本工会会员'),
    )
  })

  it('a member who is not an admin is told so and gets no tools', async () => {
    mockedCall.mockImplementation(((name: string) =>
      name === 'member.me' ? Promise.resolve(me(['member', 'leader'])) : Promise.reject(new Error(name))) as never)
    const { container } = render(<CardCheckPage />)
    await waitFor(() => expect(container.textContent).toContain('您没有权限访问此页面'))
    expect(container.querySelector('.card-check__input')).toBeNull()
  })
})

describe('电子会员证', () => {
  beforeEach(() => {
    jest.useFakeTimers()
    mockedCall.mockReset()
  })
  afterEach(() => jest.useRealTimers())

  it('shows name, union, number, department, joining date and status, the QR and the six digits, and renews the code every 30 seconds', async () => {
    let n = 0
    mockedCall.mockImplementation((async (name: string) => {
      if (name !== 'member.card') throw new Error(`unexpected ${name}`)
      return card(++n)
    }) as never)
    const { container } = render(<MemberCardPage />)
    await flush()
    expect(container.querySelector('.member-card__name')?.textContent).toBe('刘洋')
    expect(container.querySelector('.member-card__union')?.textContent).toBe('市直机关示范工会')
    const facts = Array.from(container.querySelectorAll('.member-card__fact')).map((f) => f.textContent)
    expect(facts).toEqual(['会员编号GH2026004', '所在部门信息中心', `入会日期${calendarDayText('2013-04-01', new Date())}`, '会员状态在职'])
    expect(facts[2]).toBe('入会日期2013年4月1日')
    expect(container.querySelectorAll('.benefit-qr__bar').length).toBeGreaterThan(50)
    expect(container.querySelector('.member-card-code__digits')?.textContent).toBe('123 451')
    expect(container.querySelector('.member-card-code__countdown')?.textContent).toContain('30 秒后自动刷新')
    expect(mockedCall).toHaveBeenCalledWith('member.card', {}, { silent: true })

    await act(async () => {
      jest.advanceTimersByTime(30_000)
    })
    await flush()
    expect(container.querySelector('.member-card-code__digits')?.textContent).toBe('123 452')
    expect(mockedCall).toHaveBeenCalledTimes(2)
  })

  it('says why when the card cannot be shown (not bound) instead of a blank page', async () => {
    mockedCall.mockRejectedValue(new ActionError('NOT_BOUND', '请先绑定会员身份'))
    const { container } = render(<MemberCardPage />)
    await flush()
    expect(container.textContent).toContain('请先绑定会员身份')
    expect(container.querySelector('.benefit-qr')).toBeNull()
  })
})
