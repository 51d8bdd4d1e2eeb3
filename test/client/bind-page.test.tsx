/** 绑定会员身份: field messages before sending, the server's refusal kept on screen, 我的 after success. */
jest.mock('@tarojs/taro', () => require('./mocks/taro'))
jest.mock('../../client/src/services/cloud', () => ({ ...jest.requireActual('../../client/src/services/cloud'), callAction: jest.fn() }))

import { act, render, screen } from '@testing-library/react'
import * as taro from './mocks/taro'
import { ActionError } from '../../client/src/services/cloud'
import BindPage from '../../client/src/pages/bind/index'
import { mockedCall } from '../support/client/serve'
import { type } from '../support/client/dom'
import { meView } from '../support/client/me'

const me = meView(['member'], { member: { id: 'm6', name: '杨帆', department: '人事科', memberNo: 'GH2026006' } })

const submit = async (container: HTMLElement) => {
  await act(async () => {
    ;(container.querySelector('.bind-submit') as HTMLElement).click()
  })
}

beforeEach(() => {
  mockedCall.mockReset()
  jest.clearAllMocks()
})

async function renderUnbound() {
  mockedCall.mockRejectedValueOnce(new ActionError('NOT_BOUND', '请先绑定会员身份'))
  const view = render(<BindPage />)
  await screen.findByText('邀请码', { selector: '.bind-tab' })
  return view
}

it('explains why and how the answers are used', async () => {
  const { container } = await renderUnbound()
  expect(screen.getByText('绑定后才能报名活动、领取福利')).toBeTruthy()
  expect(container.querySelector('.bind-privacy')?.textContent).toContain('只用于核对会员身份')
})

it('checks the code before sending, then binds with the stored form of the code and opens 我的', async () => {
  const { container } = await renderUnbound()
  await submit(container)
  expect(container.querySelector('.bind-field__error')?.textContent).toBe('请输入邀请码')
  expect(mockedCall).toHaveBeenCalledTimes(1) // member.me only

  await type(container, '.bind-code-input', 'xexw-7ydr')
  expect(container.querySelector('.bind-field__error')).toBeNull()
  mockedCall.mockResolvedValueOnce(me as never)
  await submit(container)
  expect(mockedCall).toHaveBeenLastCalledWith('member.bindByCode', { code: 'XEXW7YDR' }, { silent: true })
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '绑定成功' }))
  expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' })
})

it('keeps the form and shows the server’s sentence when the profile does not match', async () => {
  const { container } = await renderUnbound()
  await act(async () => {
    ;(container.querySelector('.bind-tab-profile') as HTMLElement).click()
  })
  await submit(container)
  expect(Array.from(container.querySelectorAll('.bind-field__error')).map((n) => n.textContent)).toEqual(['请输入会员编号', '请输入姓名', '请输入手机号后四位'])

  await type(container, '.bind-member-no-input', 'GH2026006')
  await type(container, '.bind-name-input', '杨帆')
  await type(container, '.bind-phone-input', '1234')
  mockedCall.mockRejectedValueOnce(new ActionError('NOT_FOUND', '会员信息不匹配，请核对后再试'))
  await submit(container)
  expect(mockedCall).toHaveBeenLastCalledWith('member.bindByProfile', { memberNo: 'GH2026006', name: '杨帆', phoneLast4: '1234' }, { silent: true })
  expect(container.querySelector('.bind-error')?.textContent).toBe('会员信息不匹配，请核对后再试')
  // Said once, above the button: no toast repeating it on top of the form.
  expect(taro.showToast).not.toHaveBeenCalled()
  expect(taro.switchTab).not.toHaveBeenCalled()
  expect((container.querySelector('.bind-member-no-input input') as HTMLInputElement).value).toBe('GH2026006')
})

it('tells an already bound user who they are instead of showing the form', async () => {
  mockedCall.mockResolvedValueOnce(me as never)
  render(<BindPage />)
  await screen.findByText('你已绑定为 杨帆')
  expect(screen.queryByText('会员信息', { selector: '.bind-tab' })).toBeNull()
})
