/** 导入名册: upload → report → 确认导入 loops importApply with progress, and can resume after a failure. */
jest.mock('@tarojs/taro', () => require('./mocks/taro'))
jest.mock('../../client/src/services/cloud', () => ({
  ...jest.requireActual('../../client/src/services/cloud'),
  callAction: jest.fn(),
  uploadFile: jest.fn(),
}))

import { act, fireEvent, render, screen } from '@testing-library/react'
import type { ImportReport } from '@shared/contract'
import * as taro from './mocks/taro'
import { ActionError, uploadFile } from '../../client/src/services/cloud'
import ImportPage from '../../client/src/packages/admin/import/index'
import { mockedCall } from '../support/client/serve'
import { meView, ZHANG_WEI } from '../support/client/me'
import { tapText } from '../support/client/dom'

const mockedUpload = uploadFile as jest.MockedFunction<typeof uploadFile>
const admin = meView(['member', 'admin'], { member: ZHANG_WEI })
const report = (over: Partial<ImportReport> = {}): ImportReport => ({
  jobId: 'job-1',
  fileName: '名册.csv',
  total: 2500,
  valid: 2500,
  problems: [],
  problemCount: 0,
  toCreate: 2000,
  toUpdate: 500,
  unchanged: 0,
  newDepartments: ['工会办公室'],
  canApply: true,
  ...over,
})

/** Answers by action name, in order, so the test reads like the conversation with the server. */
function serve(answers: Record<string, Array<unknown | Error>>) {
  mockedCall.mockImplementation((async (name: string) => {
    const next = answers[name]?.shift()
    if (next === undefined) throw new Error(`unexpected call ${name}`)
    if (next instanceof Error) throw next
    return next
  }) as never)
}

async function pick(container: HTMLElement, name = '名册.csv') {
  const input = container.querySelector('.import-file-input') as HTMLInputElement
  expect(input).toBeTruthy()
  const file = new File(['姓名,部门,会员编号\n'], name, { type: 'text/csv' })
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  await act(async () => {
    fireEvent.change(input)
  })
  return file
}

beforeEach(() => {
  mockedCall.mockReset()
  mockedUpload.mockReset()
  jest.clearAllMocks()
})

it('applies chunk by chunk with progress, resumes after a failure, then summarises', async () => {
  mockedUpload.mockResolvedValue('cloud://local/uploads/x.csv')
  serve({
    'member.me': [admin],
    'member.importCheck': [report()],
    'member.importApply': [
      { jobId: 'job-1', processed: 1000, total: 2500, done: false },
      new ActionError('NETWORK', '网络不太好，请稍后再试'),
      { jobId: 'job-1', processed: 2000, total: 2500, done: false },
      { jobId: 'job-1', processed: 2500, total: 2500, done: true },
    ],
  })
  const { container } = render(<ImportPage />)
  await screen.findByText('选择文件')

  const file = await pick(container)
  await screen.findByText('确认导入')
  expect(mockedUpload).toHaveBeenCalledWith({ name: '名册.csv', blob: file, size: file.size })
  expect(mockedCall).toHaveBeenCalledWith('member.importCheck', { fileId: 'cloud://local/uploads/x.csv', fileName: '名册.csv' })
  expect(container.querySelector('.import-total')?.textContent).toBe('共 2500 行，其中 2500 行可导入')
  expect(container.querySelector('.import-new-departments')?.textContent).toContain('工会办公室')

  await tapText('确认导入')
  await screen.findByText('继续导入')
  expect(container.querySelector('.import-progress__text')?.textContent).toBe('已导入 1000 / 2500')
  expect(container.querySelector('.import-failed')?.textContent).toContain('网络不太好')

  await tapText('继续导入')
  await screen.findByText('导入完成')
  expect(container.querySelector('.import-done .import-progress__text')?.textContent).toBe('已导入 2500 / 2500')
  expect(container.querySelector('.import-summary')?.textContent).toContain('新增 2000 人，更新 500 人')
  expect(mockedCall.mock.calls.filter(([n]) => n === 'member.importApply')).toHaveLength(4)
})

it('lists problems with row and column and offers no apply button', async () => {
  mockedUpload.mockResolvedValue('cloud://local/uploads/x.csv')
  serve({
    'member.me': [admin],
    'member.importCheck': [
      report({
        valid: 1,
        total: 2,
        canApply: false,
        problemCount: 1,
        problems: [{ row: 3, column: '手机号', message: '手机号应为 11 位数字，不是「12345」' }],
      }),
    ],
  })
  const { container } = render(<ImportPage />)
  await screen.findByText('选择文件')
  await pick(container)
  await screen.findByText('发现 1 处问题，请修改文件后重新上传')
  expect(container.querySelector('.import-problem')?.textContent).toBe('第 3 行 · 手机号手机号应为 11 位数字，不是「12345」')
  expect(screen.queryByText('确认导入')).toBeNull()
})

it('refuses other file types before uploading', async () => {
  serve({ 'member.me': [admin] })
  const { container } = render(<ImportPage />)
  await screen.findByText('选择文件')
  await pick(container, '名册.xls')
  expect(mockedUpload).not.toHaveBeenCalled()
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringContaining('请选择 .xlsx 或 .csv') }))
})

it('tells a member who is not an admin that the page is not for them', async () => {
  serve({ 'member.me': [{ ...admin, roles: ['member'] }] })
  render(<ImportPage />)
  await screen.findByText('您没有权限访问此页面')
  expect(screen.queryByText('选择文件')).toBeNull()
})
