/** 管理后台 → 工会联系方式: the admin edits the office phone and place; bad input is worded and never sent. */
jest.mock('@tarojs/taro', () => require('./mocks/taro'))
jest.mock('../../client/src/services/cloud', () => ({ ...jest.requireActual('../../client/src/services/cloud'), callAction: jest.fn() }))

import { act, fireEvent, render, waitFor } from '@testing-library/react'
import type { MeView } from '@shared/contract'
import * as taro from './mocks/taro'
import UnionContactPage from '../../client/src/packages/admin/union/index'
import { checkContact } from '../../client/src/packages/admin/union/form'
import { mockedCall } from '../support/client/serve'
import { tapText } from '../support/client/dom'

const admin = (contact: MeView['union']['contact']): MeView => ({
  member: { id: 'm1', name: '张伟', department: '办公室', memberNo: 'GH2026001' },
  union: { id: 'u1', name: '市直机关示范工会', contact },
  roles: ['member', 'admin'],
  grants: [{ role: 'admin' }],
  badges: { groupRequests: 0, unreadMessages: 0 },
  uploadFolder: 'uploads/test',
})

beforeEach(() => {
  mockedCall.mockReset()
  jest.clearAllMocks()
})

const field = (container: HTMLElement, name: string) =>
  waitFor(() => {
    const el = container.querySelector(`.union-${name}-input input`)
    expect(el).toBeTruthy()
    return el as HTMLInputElement
  })
const type = (el: HTMLInputElement, value: string) =>
  act(async () => {
    fireEvent.input(el, { target: { value } })
  })

it('starts from the saved contact and saves the edit, trimmed', async () => {
  mockedCall.mockResolvedValueOnce(admin({ phone: '0571-87001234', place: '机关大楼 3 楼' }) as never)
  const { container } = render(<UnionContactPage />)
  const place = await field(container, 'place')
  expect(place.value).toBe('机关大楼 3 楼')
  await type(place, '  机关大楼 5 楼 502 室 ')
  mockedCall.mockResolvedValueOnce({ phone: '0571-87001234', place: '机关大楼 5 楼 502 室' } as never)
  await tapText('保存')
  expect(mockedCall).toHaveBeenLastCalledWith('member.setUnionContact', { phone: '0571-87001234', place: '机关大楼 5 楼 502 室' }, { silent: true })
  expect(taro.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' })
})

it('says what is wrong with a phone or an empty place and sends nothing', async () => {
  mockedCall.mockResolvedValueOnce(admin(null) as never)
  const { container } = render(<UnionContactPage />)
  await type(await field(container, 'phone'), '请打电话')
  await tapText('保存')
  expect(container.querySelector('.union-phone-error')?.textContent).toBe('电话格式不对，座机如 0571-87001234，手机为 11 位')
  expect(container.querySelector('.union-place-error')?.textContent).toBe('请填写办公地点')
  expect(mockedCall).toHaveBeenCalledTimes(1)
})

it('accepts office lines with an extension, local numbers and mobiles', () => {
  for (const phone of ['0571-87001234', '057187001234', '0571-87001234-805', '87001234', '13800000000', '0571 8700 1234']) {
    expect(checkContact({ phone, place: '办公室' })).toEqual({ value: { phone: phone.replace(/\s+/g, ''), place: '办公室' } })
  }
  for (const phone of ['12345', '02-1', '138000000001']) expect(checkContact({ phone, place: '办公室' })).toHaveProperty('errors.phone')
})
