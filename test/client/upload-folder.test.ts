/** In WeChat, uploads go to the caller's own folder named by member.me, which functions check before attaching a file. */
jest.mock('@tarojs/taro', () => require('./mocks/taro'))

import * as taro from './mocks/taro'
import { callAction, forgetUploadFolder, uploadCloudPath, uploadFile } from '../../client/src/services/cloud'

const me = { member: { id: 'm2', name: '李娜' }, uploadFolder: 'uploads/oLiNa' }
const uploaded = { fileID: 'cloud://env.bucket/uploads/oLiNa/1-a-p.jpg', statusCode: 200, errMsg: 'ok' }

beforeEach(() => {
  jest.clearAllMocks()
  taro.cloud.callFunction.mockReset()
  taro.cloud.uploadFile.mockReset()
  forgetUploadFolder()
  process.env.TARO_ENV = 'weapp'
})
afterAll(() => {
  process.env.TARO_ENV = 'h5'
})

it('asks member.me once for the folder, then uploads into it', async () => {
  taro.cloud.callFunction.mockResolvedValue({ result: { ok: true, data: me }, errMsg: 'ok' })
  taro.cloud.uploadFile.mockResolvedValue(uploaded)
  await uploadFile({ name: 'p.jpg', path: 'http://tmp/p.jpg' })
  await uploadFile({ name: 'q.jpg', path: 'http://tmp/q.jpg' })
  expect(taro.cloud.callFunction).toHaveBeenCalledTimes(1)
  expect(taro.cloud.callFunction).toHaveBeenCalledWith({ name: 'member', data: { action: 'me', data: {} } })
  const paths = taro.cloud.uploadFile.mock.calls.map((c) => (c as unknown as [{ cloudPath: string }])[0].cloudPath)
  expect(paths[0]).toMatch(/^uploads\/oLiNa\/\d+-[a-z0-9]+-p\.jpg$/)
  expect(paths[1]).toMatch(/^uploads\/oLiNa\/\d+-[a-z0-9]+-q\.jpg$/)
})

it('remembers the folder from a member.me the app made anyway', async () => {
  taro.cloud.callFunction.mockResolvedValueOnce({ result: { ok: true, data: me }, errMsg: 'ok' })
  await callAction('member.me', {})
  taro.cloud.uploadFile.mockResolvedValue(uploaded)
  await uploadFile({ name: 'p.jpg', path: 'http://tmp/p.jpg' })
  expect(taro.cloud.callFunction).toHaveBeenCalledTimes(1)
  expect((taro.cloud.uploadFile.mock.calls[0] as unknown as [{ cloudPath: string }])[0].cloudPath).toMatch(/^uploads\/oLiNa\//)
})

it('still uploads (to the shared folder, without a toast) when member.me cannot answer', async () => {
  taro.cloud.callFunction.mockRejectedValueOnce({ errMsg: 'cloud.callFunction:fail' })
  taro.cloud.uploadFile.mockResolvedValue(uploaded)
  await uploadFile({ name: 'roster.xlsx', path: 'wxfile://tmp_1.xlsx' })
  expect((taro.cloud.uploadFile.mock.calls[0] as unknown as [{ cloudPath: string }])[0].cloudPath).toMatch(/^uploads\/\d+-/)
  expect(taro.showToast).not.toHaveBeenCalled()
  expect(uploadCloudPath('p.jpg', 1, 0.5, 'uploads/o1/')).toBe('uploads/o1/1-i-p.jpg')
})
