/** callAction: the one path from the client to the backend (h5 via Taro.request, weapp via wx.cloud). */
jest.mock('@tarojs/taro', () => require('./mocks/taro'))

import * as taro from './mocks/taro'
import { ERROR_MESSAGES } from '@shared/contract/errors'
import { ActionError, callAction, LOCAL_OPENID_KEY, NETWORK_MESSAGE } from '../../client/src/services/cloud'

const me = { member: { id: 'm1', name: '刘洋', department: '信息中心' }, union: { id: 'u1', name: '市直机关示范工会' }, roles: ['member'] }

const answer = (statusCode: number, data: unknown) => taro.request.mockResolvedValueOnce({ statusCode, data, header: {}, errMsg: 'request:ok' })
const lastRequest = () => taro.request.mock.calls.at(-1)![0]

beforeEach(() => {
  jest.clearAllMocks()
  taro.getStorageSync.mockImplementation(() => '')
  process.env.TARO_ENV = 'h5'
})

describe('callAction on h5 (local emulator)', () => {
  it('posts {action, data} to /fn/<function> and returns the data of an ok envelope', async () => {
    answer(200, { ok: true, data: me })
    await expect(callAction('member.me', {})).resolves.toEqual(me)
    const req = lastRequest()
    expect(req).toMatchObject({ url: '/fn/member', method: 'POST', data: { action: 'me', data: {} } })
    expect(taro.showToast).not.toHaveBeenCalled()
  })

  it('sends the stored demo openid as x-local-openid', async () => {
    taro.getStorageSync.mockImplementation((key: string) => (key === LOCAL_OPENID_KEY ? 'demo-member' : ''))
    answer(200, { ok: true, data: me })
    await callAction('member.me', {})
    expect(lastRequest().header['x-local-openid']).toBe('demo-member')
  })

  it('sends no openid header until a demo account is picked', async () => {
    answer(200, { ok: true, data: me })
    await callAction('member.me', {})
    expect(lastRequest().header).not.toHaveProperty('x-local-openid')
  })

  it('turns ok:false into an ActionError and toasts the server’s Chinese message', async () => {
    answer(403, { ok: false, error: { code: 'NOT_BOUND', message: '请先绑定会员身份后再查看', details: { hint: 'bind' } } })
    const err = await callAction('member.me', {}).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ActionError)
    expect(err).toMatchObject({ code: 'NOT_BOUND', message: '请先绑定会员身份后再查看', details: { hint: 'bind' } })
    expect(taro.showToast).toHaveBeenCalledTimes(1)
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请先绑定会员身份后再查看', icon: 'none' }))
  })

  it('falls back to the shared Chinese message when the server sent none', async () => {
    answer(429, { ok: false, error: { code: 'RATE_LIMITED', message: '' } })
    await expect(callAction('member.me', {})).rejects.toMatchObject({ code: 'RATE_LIMITED', message: ERROR_MESSAGES.RATE_LIMITED })
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: ERROR_MESSAGES.RATE_LIMITED }))
  })

  it('stays quiet when asked to (the page shows the error itself)', async () => {
    answer(401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '无法确认您的身份' } })
    await expect(callAction('member.me', {}, { silent: true })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
    expect(taro.showToast).not.toHaveBeenCalled()
  })

  it('says the network is poor when no answer arrives', async () => {
    taro.request.mockRejectedValueOnce(new Error('request:fail Failed to fetch'))
    await expect(callAction('member.me', {})).rejects.toMatchObject({ code: 'NETWORK', message: NETWORK_MESSAGE })
    expect(NETWORK_MESSAGE).toBe('网络不太好，请稍后再试')
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络不太好，请稍后再试', icon: 'none' }))
  })

  it('treats a body that is not an envelope (e.g. a proxy error page) as a server fault', async () => {
    answer(502, '<html>Bad Gateway</html>')
    await expect(callAction('member.me', {})).rejects.toMatchObject({ code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL })
  })
})

describe('callAction on weapp (CloudBase)', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
  })
  afterAll(() => {
    process.env.TARO_ENV = 'h5'
  })

  it('calls the cloud function with {action, data}, initialising wx.cloud once', async () => {
    taro.cloud.callFunction.mockResolvedValue({ result: { ok: true, data: me }, errMsg: 'cloud.callFunction:ok' })
    await expect(callAction('member.me', {})).resolves.toEqual(me)
    await callAction('member.me', {})
    expect(taro.cloud.callFunction).toHaveBeenCalledWith({ name: 'member', data: { action: 'me', data: {} } })
    expect(taro.cloud.init).toHaveBeenCalledTimes(1)
    expect(taro.request).not.toHaveBeenCalled()
  })

  it('reads the envelope from result and toasts failures', async () => {
    taro.cloud.callFunction.mockResolvedValueOnce({ result: { ok: false, error: { code: 'FORBIDDEN', message: '只有管理员可以操作' } }, errMsg: 'ok' })
    await expect(callAction('member.me', {})).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '只有管理员可以操作' }))
  })

  it('maps a failed cloud call to the network message', async () => {
    taro.cloud.callFunction.mockRejectedValueOnce({ errMsg: 'cloud.callFunction:fail Error: errCode: -404011' })
    await expect(callAction('member.me', {})).rejects.toMatchObject({ code: 'NETWORK' })
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络不太好，请稍后再试' }))
  })
})
