/** 会员名册: first page, 加载更多 appends the next, a search starts over, empty and FORBIDDEN states. */
jest.mock('@tarojs/taro', () => require('./mocks/taro'))
jest.mock('../../client/src/services/cloud', () => ({ ...jest.requireActual('../../client/src/services/cloud'), callAction: jest.fn() }))

import { act, render, screen } from '@testing-library/react'
import type { MemberRow } from '@shared/contract'
import * as taro from './mocks/taro'
import { ActionError } from '../../client/src/services/cloud'
import MembersPage from '../../client/src/packages/admin/members/index'
import { mockedCall } from '../support/client/serve'
import { tapText, type } from '../support/client/dom'

const row = (n: number): MemberRow => ({
  id: `m${n}`,
  name: `会员${n}`,
  gender: '',
  departmentId: 'd1',
  department: '办公室',
  memberNo: `GH${2026000 + n}`,
  phone: n % 2 ? `1390000${String(n).padStart(4, '0')}` : '',
  status: '在职',
  bound: n === 1,
})
const page = (from: number, count: number, total: number) => ({ items: Array.from({ length: count }, (_, i) => row(from + i)), total, page: 1, pageSize: 20 })

function serve(list: (input: Record<string, unknown>) => unknown) {
  mockedCall.mockImplementation((async (name: string, input: Record<string, unknown>) => {
    if (name === 'member.departments') return [{ id: 'd1', name: '办公室' }]
    if (name === 'member.list') return list(input)
    throw new Error(`unexpected ${name}`)
  }) as never)
}

beforeEach(() => {
  mockedCall.mockReset()
  jest.clearAllMocks()
})

it('shows 20, then appends the next page on 加载更多, then says it reached the end', async () => {
  serve((input) => (input.page === 1 ? page(1, 20, 25) : page(21, 5, 25)))
  const { container } = render(<MembersPage />)
  await screen.findByText('会员1')
  expect(container.querySelectorAll('.member-row')).toHaveLength(20)
  expect(container.querySelector('.member-row')?.textContent).toContain('办公室 · GH2026001 · 13900000001')
  expect(container.querySelector('.member-row__tag--bound')?.textContent).toBe('已绑定')
  expect(screen.getByText('共 25 人')).toBeTruthy()

  await tapText('加载更多（还有 5 人）')
  await screen.findByText('会员25')
  expect(container.querySelectorAll('.member-row')).toHaveLength(25)
  expect(mockedCall).toHaveBeenCalledWith('member.list', { page: 2, pageSize: 20 }, { silent: false })
  expect(screen.getByText('已经到底了')).toBeTruthy()

  await act(async () => {
    ;(container.querySelector('.member-row') as HTMLElement).click()
  })
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/member/index?id=m1' })
})

it('searches by 姓名 or 会员编号 from page 1 and says when nothing matches', async () => {
  serve((input) => (input.keyword ? page(1, 0, 0) : page(1, 3, 3)))
  const { container } = render(<MembersPage />)
  await screen.findByText('会员1')
  await type(container, '.members-search-input', ' 没有这个人 ')
  await tapText('搜索')
  await screen.findByText('没有找到符合条件的会员')
  expect(mockedCall).toHaveBeenLastCalledWith('member.list', { keyword: '没有这个人', page: 1, pageSize: 20 }, { silent: true })
})

it('offers the import when the roster is empty', async () => {
  serve(() => page(1, 0, 0))
  render(<MembersPage />)
  await screen.findByText('名册里还没有会员')
  await act(async () => {
    screen.getAllByText('导入名册').at(-1)!.click()
  })
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/import/index' })
})

it('shows only the reason to someone who is not an admin', async () => {
  serve(() => {
    throw new ActionError('FORBIDDEN', '您没有权限进行此操作')
  })
  const { container } = render(<MembersPage />)
  await screen.findByText('您没有权限进行此操作')
  expect(container.querySelector('.members-search')).toBeNull()
})
