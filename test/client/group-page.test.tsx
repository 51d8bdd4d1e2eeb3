/** The group page: the join dialog (phone off unless ticked), states after joining, union groups, leader tools, 纪实 photos. */
jest.mock('@tarojs/taro', () => require('./mocks/taro-groups'))
jest.mock('../../client/src/services/cloud', () => ({ ...jest.requireActual('../../client/src/services/cloud'), callAction: jest.fn() }))

import { act, render, screen, waitFor } from '@testing-library/react'
import type { GroupDetail, GroupRecordView, RosterEntry } from '@shared/contract'
import * as taro from './mocks/taro-groups'
import { ActionError } from '../../client/src/services/cloud'
import GroupPage from '../../client/src/pages/group/index'
import { calendarDayText } from '@shared/domain/time'
import { mockedCall } from '../support/client/serve'
import { hideFindDOMNodeWarnings } from '../support/client/dom'

const detail = (over: Partial<GroupDetail> = {}): GroupDetail => ({
  id: 'g1',
  kind: 'interest',
  name: '摄影',
  description: '周末外拍',
  myDecision: null,
  memberCount: 2,
  sizeLimit: 10,
  joinPolicy: 'approval',
  myStatus: null,
  iLead: false,
  leaders: [{ memberId: 'm2', name: '李娜' }],
  pendingCount: null,
  ...over,
})
const entry = (memberId: string, name: string, department: string, isLeader = false): RosterEntry => ({
  memberId,
  name,
  department,
  joinedAt: '2026-11-01',
  isLeader,
})
const page = <T,>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 20 })

interface World {
  group: GroupDetail
  roster?: RosterEntry[]
  records?: GroupRecordView[]
  me?: string
  join?: (input: { id: string; shareContact: boolean }) => unknown
}

function serve(world: World) {
  mockedCall.mockImplementation((async (name: string, input: Record<string, unknown>) => {
    switch (name) {
      case 'group.get':
        return world.group
      case 'group.roster':
        return page(world.roster ?? [entry('m2', '李娜', '财务科', true)])
      case 'group.records':
        return page(world.records ?? [])
      case 'member.me':
        return {
          member: { id: world.me ?? 'm4', name: '刘洋', department: '信息中心', memberNo: 'GH4' },
          union: { id: 'u', name: '工会' },
          roles: ['member'],
          grants: [],
        }
      case 'group.join':
        return world.join!(input as { id: string; shareContact: boolean })
      case 'group.leave':
        return { left: true }
      default:
        throw new Error(`unexpected ${name}`)
    }
  }) as never)
}

const dialog = () => document.querySelector('.join-dialog') as HTMLElement | null
const click = async (el: Element | null | undefined) => {
  expect(el).toBeTruthy()
  await act(async () => {
    ;(el as HTMLElement).click()
  })
}

hideFindDOMNodeWarnings()

beforeEach(() => {
  mockedCall.mockReset()
  jest.clearAllMocks()
  taro.useRouter.mockReturnValue({ params: { id: 'g1' }, path: '/pages/group/index' })
})

it('asks before applying, with the phone not shared unless ticked, then shows 待组长审核', async () => {
  const world: World = { group: detail() }
  world.join = () => {
    world.group = detail({ myStatus: 'pending' })
    return { status: 'pending' }
  }
  serve(world)
  const { container } = render(<GroupPage />)
  await screen.findByText('申请加入')
  expect(container.querySelector('.group-fact--leaders')?.textContent).toContain('李娜')
  expect(container.querySelector('.group-fact--policy')?.textContent).toContain('需组长审核')
  expect(container.querySelector('.group-fact--count')?.textContent).toContain('2 / 10 人')
  expect(taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '摄影' })

  await click(container.querySelector('.group-join--join'))
  await waitFor(() => expect(dialog()?.textContent).toContain('允许组长查看我的手机号'))
  expect(dialog()!.textContent).toContain('只能看到你的姓名和部门')
  expect(dialog()!.querySelector('.join-share-contact')?.className).not.toContain('nut-checkbox-active')

  await click(dialog()!.querySelector('.nut-dialog-footer-ok'))
  expect(mockedCall).toHaveBeenCalledWith('group.join', { id: 'g1', shareContact: false })
  await screen.findByText('待组长审核')
  expect(screen.getByText('撤回申请')).toBeTruthy()
  expect(taro.showToast).toHaveBeenCalledWith({ title: '已提交，等待组长审核', icon: 'none' })
})

it('sends shareContact only when the member ticks it, and shows 已加入 for an open group', async () => {
  const world: World = { group: detail({ joinPolicy: 'open' }) }
  world.join = () => {
    world.group = detail({ joinPolicy: 'open', myStatus: 'active', memberCount: 3 })
    return { status: 'active' }
  }
  serve(world)
  const { container } = render(<GroupPage />)
  await click(await screen.findByText('加入'))
  await waitFor(() => expect(dialog()).toBeTruthy())
  expect(dialog()!.textContent).toContain('加入「摄影」')
  await click(dialog()!.querySelector('.join-share-contact'))
  expect(dialog()!.querySelector('.join-share-contact')?.className).toContain('nut-checkbox-active')
  await click(screen.getByText('确认加入'))
  expect(mockedCall).toHaveBeenCalledWith('group.join', { id: 'g1', shareContact: true })
  await screen.findByText('已加入')
  expect(container.querySelector('.group-fact--count')?.textContent).toContain('3 / 10 人')
  expect(screen.getByText('退出小组')).toBeTruthy()
})

it('closes the dialog and shows the group as full when the last seat went meanwhile', async () => {
  const world: World = { group: detail({ joinPolicy: 'open', memberCount: 9 }) }
  world.join = () => {
    world.group = detail({ joinPolicy: 'open', memberCount: 10 })
    throw new ActionError('FULL', '小组人数已满')
  }
  serve(world)
  render(<GroupPage />)
  await click(await screen.findByText('加入'))
  await waitFor(() => expect(dialog()).toBeTruthy())
  await click(screen.getByText('确认加入'))
  await screen.findByText('已满员')
  expect(screen.getByText('满员')).toBeTruthy()
})

it('confirms before leaving', async () => {
  serve({ group: detail({ myStatus: 'active' }) })
  taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
  render(<GroupPage />)
  await click(await screen.findByText('退出小组'))
  expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '退出小组', content: expect.stringContaining('需要重新申请') }))
  expect(mockedCall).not.toHaveBeenCalledWith('group.leave', expect.anything())
  await click(screen.getByText('退出小组'))
  await waitFor(() => expect(mockedCall).toHaveBeenCalledWith('group.leave', { id: 'g1' }))
})

it('has no join button for a union group and lists its members with their departments only', async () => {
  taro.useRouter.mockReturnValue({ params: { id: 'dept%3Ad4' }, path: '/pages/group/index' })
  serve({
    group: detail({ id: 'dept:d4', kind: 'department', name: '信息中心工会小组', myStatus: 'active', sizeLimit: null, memberCount: 2 }),
    roster: [entry('m4', '刘洋', '信息中心'), entry('m9', '赵敏', '信息中心')],
  })
  const { container } = render(<GroupPage />)
  await waitFor(() => expect(container.querySelectorAll('.roster-row')).toHaveLength(2))
  expect(mockedCall).toHaveBeenCalledWith('group.get', { id: 'dept:d4' }, { silent: true })
  expect(container.querySelector('.group-join__button')).toBeNull()
  expect(container.querySelector('.group-fact--policy')?.textContent).toContain('按部门自动组成')
  expect(container.querySelector('.roster-row__name')?.textContent).toBe('刘洋')
  expect(container.querySelector('.roster-row__department')?.textContent).toBe('信息中心')
  expect(container.querySelector('.group-manage')).toBeNull()
  expect(screen.getByText('还没有活动纪实')).toBeTruthy()
})

it('gives the group’s leader the tools, with the waiting count, and no 退出小组', async () => {
  serve({ group: detail({ myStatus: 'active', iLead: true, pendingCount: 3 }), me: 'm2' })
  const { container } = render(<GroupPage />)
  await screen.findByText('入组申请')
  expect(container.querySelector('.group-pending-badge')?.textContent).toBe('3')
  await waitFor(() => expect(screen.getByText('我是组长')).toBeTruthy())
  expect(screen.queryByText('退出小组')).toBeNull()
  await click(container.querySelector('.group-manage--requests'))
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/leader/requests/index?id=g1' })
})

it('opens a 纪实 photo in the image viewer with the record’s other photos', async () => {
  serve({
    group: detail({ myStatus: 'active' }),
    records: [{ id: 'r1', title: '秋季外拍', date: '2026-10-12', text: '去了植物园', photoUrls: ['https://x/a.jpg', 'https://x/b.jpg'], author: '李娜' }],
  })
  const { container } = render(<GroupPage />)
  await screen.findByText('秋季外拍')
  expect(container.querySelector('.record-card__date')?.textContent).toBe(calendarDayText('2026-10-12', new Date()))
  const photos = container.querySelectorAll('.record-card__photo')
  expect(photos).toHaveLength(2)
  await click(photos[1])
  expect(taro.previewImage).toHaveBeenCalledWith({ current: 'https://x/b.jpg', urls: ['https://x/a.jpg', 'https://x/b.jpg'] })
})

it('says so when the group does not exist', async () => {
  mockedCall.mockImplementation((async (name: string) => {
    if (name === 'member.me') return undefined
    throw new ActionError('NOT_FOUND', '没有找到这个小组')
  }) as never)
  render(<GroupPage />)
  await screen.findByText('没有找到这个小组')
})
