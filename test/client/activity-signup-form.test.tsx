/** The sign-up form: pre-filled from last time, checked like the server checks, server refusals under the field. */
jest.mock('@tarojs/taro', () => require('./mocks/taro-activities'))
jest.mock('../../client/src/services/cloud', () => ({ ...jest.requireActual('../../client/src/services/cloud'), callAction: jest.fn() }))

import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { SignUpField } from '@shared/domain/activity'
import * as taro from './mocks/taro-activities'
import { ActionError } from '../../client/src/services/cloud'
import { answersFromForm, formFromPrefill, toggleOption } from '../../client/src/pages/activity-signup/form'
import SignUpPage from '../../client/src/pages/activity-signup/index'
import { takeRefresh } from '../../client/src/pages/activity/refresh'
import { activityDetail } from '../support/client/activity'
import { mockedCall } from '../support/client/serve'
import { tapText } from '../support/client/dom'

const FIELDS: SignUpField[] = [
  { key: 'size', label: '衣服尺码', type: 'single', required: true, options: ['M', 'L', 'XL'] },
  { key: 'events', label: '参赛项目', type: 'multi', required: false, options: ['羽毛球', '乒乓球'] },
  { key: 'family', label: '家属人数', type: 'number', required: false },
  { key: 'note', label: '备注', type: 'text', required: false },
]

describe('checks before sending', () => {
  it('asks for required answers and numbers, in the server’s words', () => {
    expect(answersFromForm(FIELDS, { size: '', events: [], family: '', note: '' })).toEqual({ errors: { size: '请填写「衣服尺码」' } })
    expect(answersFromForm(FIELDS, { size: 'L', events: [], family: '两个', note: '' })).toEqual({ errors: { family: '「家属人数」请填写数字' } })
    expect(answersFromForm(FIELDS, { size: 'XXL', events: [], family: '', note: '' })).toEqual({ errors: { size: '「衣服尺码」请从选项中选择' } })
    expect(answersFromForm(FIELDS, { size: 'L', events: [], family: '', note: '字'.repeat(201) })).toEqual({
      errors: { note: '「备注」请填写不超过 200 个字' },
    })
  })

  it('sends only what was answered, numbers as numbers and text trimmed', () => {
    expect(answersFromForm(FIELDS, { size: 'L', events: ['乒乓球'], family: ' 2 ', note: '  素食 ' })).toEqual({
      answers: { size: 'L', events: ['乒乓球'], family: 2, note: '素食' },
    })
    expect(answersFromForm(FIELDS, { size: 'M', events: [], family: '', note: '' })).toEqual({ answers: { size: 'M' } })
  })

  it('pre-fills from last time, dropping answers that no longer fit', () => {
    expect(formFromPrefill(FIELDS, { size: 'L', events: ['乒乓球', '篮球'], family: 1 })).toEqual({ size: 'L', events: ['乒乓球'], family: '1', note: '' })
    expect(formFromPrefill(FIELDS, { size: 'S' })).toMatchObject({ size: '', events: [] })
  })

  it('a single choice switches or clears; a multi choice toggles', () => {
    expect(toggleOption(FIELDS[0], 'M', 'L')).toBe('L')
    expect(toggleOption(FIELDS[0], 'L', 'L')).toBe('')
    expect(toggleOption(FIELDS[1], ['羽毛球'], '乒乓球')).toEqual(['羽毛球', '乒乓球'])
    expect(toggleOption(FIELDS[1], ['羽毛球', '乒乓球'], '羽毛球')).toEqual(['乒乓球'])
  })
})

describe('the form page', () => {
  const detail = activityDetail({
    title: '羽毛球友谊赛',
    type: '球类比赛',
    place: '机关活动中心',
    startAt: '2026-11-28T08:30:00+08:00',
    endAt: '2026-11-28T11:30:00+08:00',
    confirmedCount: 3,
    organizer: '羽毛球兴趣小组',
    signUpOpensAt: '2026-11-20T09:00:00+08:00',
    signUpClosesAt: '2026-11-27T18:00:00+08:00',
    cancelDeadline: '2026-11-27T18:00:00+08:00',
    fields: FIELDS,
    prefill: { size: 'XL' },
  })

  beforeEach(() => {
    jest.clearAllMocks()
    mockedCall.mockReset()
    taro.useRouter.mockReturnValue({ params: { id: 'a1' }, path: '/pages/activity-signup/index' })
  })

  it('pre-fills, refuses an empty required choice without calling, then sends and goes back', async () => {
    mockedCall.mockResolvedValueOnce({ ...detail, prefill: {} } as never)
    const { container } = render(<SignUpPage />)
    await screen.findByText('羽毛球友谊赛')
    await tapText('提交报名')
    expect(container.querySelector('[data-field="size"] .signup-field__error')?.textContent).toBe('请填写「衣服尺码」')
    expect(mockedCall).toHaveBeenCalledTimes(1)

    await tapText('L')
    expect(container.querySelector('[data-field="size"] .signup-field__error')).toBeNull()
    const page = { myStatus: 'confirmed', waitingPosition: null, confirmedCount: 4, enteredCount: null, checkedInAt: null, contest: null }
    mockedCall.mockResolvedValueOnce({ status: 'confirmed', waitingPosition: null, detail: page } as never)
    await tapText('提交报名')
    expect(mockedCall).toHaveBeenLastCalledWith('activity.signUp', { id: 'a1', answers: { size: 'L' } }, { silent: true })
    expect(taro.showToast).toHaveBeenCalledWith({ title: '报名成功', icon: 'success' })
    // The detail page it goes back to shows this answer instead of loading the event again.
    expect(takeRefresh('a1')).toEqual(page)
  })

  it('shows a server refusal under the field it names', async () => {
    mockedCall.mockResolvedValueOnce(detail as never)
    const { container } = render(<SignUpPage />)
    await screen.findByText('羽毛球友谊赛')
    // Pre-filled from last time.
    expect(container.querySelector('[data-field="size"] .signup-option--on')?.textContent).toBe('XL')
    mockedCall.mockRejectedValueOnce(new ActionError('INVALID_ARGUMENT', '「衣服尺码」请从选项中选择', { field: 'answers.size' }))
    await tapText('提交报名')
    expect(container.querySelector('[data-field="size"] .signup-field__error')?.textContent).toBe('「衣服尺码」请从选项中选择')

    mockedCall.mockRejectedValueOnce(new ActionError('CLOSED', '报名已于 2026-11-27 18:00 截止'))
    await tapText('提交报名')
    expect(container.querySelector('.signup-failure')?.textContent).toBe('报名已于 2026-11-27 18:00 截止')
  })

  it('a number typed in the form is sent as a number', async () => {
    mockedCall.mockResolvedValueOnce(detail as never)
    const { container } = render(<SignUpPage />)
    await screen.findByText('羽毛球友谊赛')
    // Taro's h5 Input is a web component that renders a native <input> a moment later.
    const input = await waitFor(() => {
      const el = container.querySelector('[data-field="family"] input')
      if (!el) throw new Error('no input yet')
      return el as HTMLInputElement
    })
    await act(async () => {
      fireEvent.input(input, { target: { value: '2' } })
    })
    mockedCall.mockResolvedValueOnce({ status: 'waiting', waitingPosition: 4 } as never)
    await tapText('提交报名')
    expect(mockedCall).toHaveBeenLastCalledWith('activity.signUp', { id: 'a1', answers: { size: 'XL', family: 2 } }, { silent: true })
    expect(taro.showToast).toHaveBeenCalledWith({ title: '已进入排队，第 4 位', icon: 'none' })
    expect(taro.navigateBack).toHaveBeenCalled()
  })
})
