/** uploadFile: h5 posts the raw file to the local platform's /local/upload; weapp uses wx.cloud.uploadFile. */
jest.mock('@tarojs/taro', () => require('./mocks/taro'))

import * as taro from './mocks/taro'
import { ActionError, LOCAL_OPENID_KEY, UPLOAD_FAILED_MESSAGE, uploadCloudPath, uploadFile } from '../../client/src/services/cloud'

const fetchMock = jest.fn()
const respond = (status: number, body: unknown) =>
  fetchMock.mockResolvedValueOnce({
    ok: status >= 200 && status < 300,
    status,
    json: () => (body === undefined ? Promise.reject(new Error('not json')) : Promise.resolve(body)),
  })

beforeEach(() => {
  jest.clearAllMocks()
  fetchMock.mockReset()
  ;(globalThis as unknown as { fetch: unknown }).fetch = fetchMock
  taro.getStorageSync.mockImplementation((key: string) => (key === LOCAL_OPENID_KEY ? 'demo-admin' : ''))
  process.env.TARO_ENV = 'h5'
})

describe('uploadFile on h5 (local platform)', () => {
  const blob = new Blob(['姓名,部门,会员编号\n'], { type: 'text/csv' })

  it('posts the file body with the demo openid and answers the fileId', async () => {
    respond(200, { fileId: 'cloud://local.bucket/uploads/demo-admin/x-roster.csv' })
    await expect(uploadFile({ name: '名册 2026.csv', blob })).resolves.toBe('cloud://local.bucket/uploads/demo-admin/x-roster.csv')
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe(`/local/upload?name=${encodeURIComponent('名册 2026.csv')}`)
    expect(init).toMatchObject({ method: 'POST', headers: { 'x-local-openid': 'demo-admin' } })
    expect(init.body).toBe(blob)
    expect(taro.showToast).not.toHaveBeenCalled()
  })

  it('passes on the server’s Chinese refusal (e.g. too large) as an ActionError with a toast', async () => {
    respond(413, { ok: false, error: { code: 'INVALID_ARGUMENT', message: '文件太大了，不能超过 20 MB' } })
    const err = await uploadFile({ name: 'big.xlsx', blob }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ActionError)
    expect(err).toMatchObject({ code: 'INVALID_ARGUMENT', message: '文件太大了，不能超过 20 MB' })
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '文件太大了，不能超过 20 MB', icon: 'none' }))
  })

  it('says the upload failed when the network does, and stays quiet when asked', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'))
    await expect(uploadFile({ name: 'a.csv', blob }, { silent: true })).rejects.toMatchObject({ code: 'NETWORK', message: UPLOAD_FAILED_MESSAGE })
    expect(taro.showToast).not.toHaveBeenCalled()

    respond(502, undefined)
    await expect(uploadFile({ name: 'a.csv', blob })).rejects.toMatchObject({ code: 'NETWORK', message: '文件没有传上去，请检查网络后重试' })
    expect(taro.showToast).toHaveBeenCalledTimes(1)
  })

  it('refuses a picked file without content before sending anything', async () => {
    await expect(uploadFile({ name: 'a.csv' }, { silent: true })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
    expect(fetchMock).not.toHaveBeenCalled()
  })
})

describe('uploadFile on weapp (CloudBase)', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
  })
  afterAll(() => {
    process.env.TARO_ENV = 'h5'
  })

  it('uploads the temporary file under uploads/ and answers the fileID', async () => {
    taro.cloud.uploadFile.mockResolvedValueOnce({ fileID: 'cloud://env.bucket/uploads/1-abc-roster.xlsx', statusCode: 200, errMsg: 'cloud.uploadFile:ok' })
    await expect(uploadFile({ name: 'roster.xlsx', path: 'wxfile://tmp_1.xlsx' })).resolves.toBe('cloud://env.bucket/uploads/1-abc-roster.xlsx')
    const arg = taro.cloud.uploadFile.mock.calls[0][0]
    expect(arg.filePath).toBe('wxfile://tmp_1.xlsx')
    expect(arg.cloudPath).toMatch(/^uploads\/\d+-[a-z0-9]+-roster\.xlsx$/)
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('turns an SDK failure into the upload message', async () => {
    taro.cloud.uploadFile.mockRejectedValueOnce({ errMsg: 'cloud.uploadFile:fail network' })
    await expect(uploadFile({ name: 'roster.xlsx', path: 'wxfile://tmp_1.xlsx' })).rejects.toMatchObject({ code: 'NETWORK', message: UPLOAD_FAILED_MESSAGE })
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: UPLOAD_FAILED_MESSAGE }))
  })
})

it('builds cloud paths that never collide and keep only safe characters', () => {
  expect(uploadCloudPath('会员名册 (2026).xlsx', 1700000000000, 0.123456789)).toBe('uploads/1700000000000-4fzzzxjy-_2026_.xlsx')
  expect(uploadCloudPath('roster.csv', 1, 0.5)).toMatch(/^uploads\/1-i-roster\.csv$/)
  expect(uploadCloudPath('', 1, 0.5)).toBe('uploads/1-i-file')
})
