/**
 * 发布活动 / 修改活动 (one page; `?id=` edits): pre-filled from the event, sent as activity.update
 * with the cover and contest kept, server refusals by the field, time problems shown before sending,
 * a lottery's draw time, a cover uploaded on picking.
 */
jest.mock('@tarojs/taro', () => require('./mocks/taro-activities'))
jest.mock('../../client/src/services/cloud', () => ({ ...jest.requireActual('../../client/src/services/cloud'), callAction: jest.fn(), uploadFile: jest.fn() }))

import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { ActivityDetail, MeView } from '@shared/contract'
import * as taro from './mocks/taro-activities'
import { ActionError, uploadFile } from '../../client/src/services/cloud'
import CreateActivityPage from '../../client/src/packages/organizer/create/index'
import { activityDetail, departmentContest } from '../support/client/activity'
import { click, text, type } from '../support/client/dom'
import { meView } from '../support/client/me'
import { lastInput, mockedCall, serve } from '../support/client/serve'

const mockedUpload = uploadFile as jest.MockedFunction<typeof uploadFile>

const DAY = 24 * 3600_000
/** A Shanghai wall-clock time `days` from today, as the server would send it back (UTC). */
const shanghai = (days: number, hhmm: string) => {
  const d = new Date(Date.now() + days * DAY + 8 * 3600_000).toISOString().slice(0, 10)
  return new Date(`${d}T${hhmm}:00+08:00`).toISOString()
}
const wall = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16) + ':00+08:00'

const me = meView(['member', 'leader'], {
  member: { id: 'demo-member-02', name: '李娜', department: '财务科', memberNo: 'GH2026002' },
  grants: [{ role: 'member' }, { role: 'leader', scope: { kind: 'department', id: 'demo-dept-2', name: '财务科' } }],
})

/** 财务科's 重阳登山 a week ahead (09:00–12:00 Shanghai), with a cover and a 结对竞赛 between two departments, as its organizer sees it. */
const event = (over: Partial<ActivityDetail> = {}): ActivityDetail =>
  activityDetail({
    startAt: shanghai(7, '09:00'),
    endAt: shanghai(7, '12:00'),
    organizer: '财务科工会小组',
    signUpOpensAt: shanghai(-1, '09:00'),
    signUpClosesAt: shanghai(6, '18:00'),
    cancelDeadline: shanghai(6, '18:00'),
    canManage: true,
    coverUrl: 'https://files.example/hill.jpg',
    cover: 'cloud://env/uploads/leader/hill.jpg',
    contest: departmentContest(['demo-dept-1', '办公室', 0, 0], ['demo-dept-2', '财务科', 0, 0]),
    ...over,
  })

const departments = [
  { id: 'demo-dept-1', name: '办公室' },
  { id: 'demo-dept-2', name: '财务科' },
]

beforeEach(() => {
  jest.clearAllMocks()
  mockedCall.mockReset()
  mockedUpload.mockReset()
})

describe('修改活动', () => {
  beforeEach(() => {
    taro.useRouter.mockReturnValue({ params: { id: 'a1' }, path: '/packages/organizer/create/index' })
  })

  it('pre-fills the event, sends activity.update with what changed and what stays, then goes back', async () => {
    serve({
      'activity.get': () => event(),
      'member.me': () => me,
      'member.departments': () => departments,
      'activity.update': (input) => ({ ...event(), place: input.place }),
    })
    const { container } = render(<CreateActivityPage />)
    await screen.findByText('保存修改')
    expect(taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '修改活动' })
    expect(text(container, '.create-organizer')).toBe('财务科工会小组')
    // No choosing who posts it when editing.
    expect(container.querySelector('.create-scope')).toBeNull()
    expect(container.querySelector('.create-cover__image')?.getAttribute('src')).toBe('https://files.example/hill.jpg')
    await waitFor(() =>
      expect(Array.from(container.querySelectorAll('.create-contest-team.org-chip--on')).map((c) => c.textContent)).toEqual(['办公室', '财务科']),
    )

    await type(container, '.create-place', '凤凰山南门')
    await click(screen.getByText('保存修改'))
    const e = event()
    expect(lastInput('activity.update')).toEqual({
      id: 'a1',
      title: '重阳登山',
      type: '登山',
      description: '',
      place: '凤凰山南门',
      startAt: wall(e.startAt),
      endAt: wall(e.endAt),
      signUpOpensAt: wall(e.signUpOpensAt),
      signUpClosesAt: wall(e.signUpClosesAt),
      cancelDeadline: wall(e.cancelDeadline),
      capacity: 20,
      waitlist: true,
      allocation: 'fcfs',
      drawAt: null,
      audience: { kind: 'all' },
      fields: [],
      cover: 'cloud://env/uploads/leader/hill.jpg',
      contest: { kind: 'department', teamIds: ['demo-dept-1', 'demo-dept-2'] },
    })
    expect(mockedCall).not.toHaveBeenCalledWith('activity.create', expect.anything(), expect.anything())
    expect(taro.showToast).toHaveBeenCalledWith({ title: '已保存修改', icon: 'success' })
    expect(taro.navigateBack).toHaveBeenCalled()
  })

  it('shows the server’s refusal by the field it names and above the button', async () => {
    serve({
      'activity.get': () => event({ confirmedCount: 3 }),
      'member.me': () => me,
      'member.departments': () => departments,
      'activity.update': () => {
        throw new ActionError('INVALID_ARGUMENT', '已有 3 人报名成功，名额不能少于 3', { field: 'capacity' })
      },
    })
    const { container } = render(<CreateActivityPage />)
    await screen.findByText('保存修改')
    // Sign-ups fix the questions and the way places are given.
    expect(text(container, '.create-allocation-field .create-locked')).toBe('先到先得（已有人报名，不能再修改）')
    expect(container.querySelector('.create-fields--locked')).not.toBeNull()
    expect(container.querySelector('.create-field-add')).toBeNull()

    await type(container, '.create-capacity', '2')
    await click(screen.getByText('保存修改'))
    expect(lastInput('activity.update')).toMatchObject({ id: 'a1', capacity: 2 })
    expect(text(container, '.create-places .org-field__error')).toBe('已有 3 人报名成功，名额不能少于 3')
    expect(text(container, '.create-failure')).toBe('已有 3 人报名成功，名额不能少于 3')
    expect(taro.navigateBack).not.toHaveBeenCalled()
  })

  it('a picked cover is uploaded at once and sent instead of the old one; removing it sends none', async () => {
    serve({ 'activity.get': () => event(), 'member.me': () => me, 'member.departments': () => departments, 'activity.update': () => event() })
    taro.chooseImage.mockResolvedValue({
      tempFiles: [{ path: 'blob:new-cover', size: 1000, originalFileObj: Object.assign(new Blob(['x']), { name: 'new.jpg' }) }],
    })
    mockedUpload.mockResolvedValue('cloud://env/uploads/test/new.jpg')
    const { container } = render(<CreateActivityPage />)
    await screen.findByText('保存修改')
    await click(screen.getByText('更换'))
    expect(mockedUpload).toHaveBeenCalledWith(expect.objectContaining({ name: 'new.jpg', preview: 'blob:new-cover' }))
    await waitFor(() => expect(container.querySelector('.create-cover__image')?.getAttribute('src')).toBe('blob:new-cover'))
    await click(screen.getByText('保存修改'))
    expect(lastInput('activity.update')).toMatchObject({ cover: 'cloud://env/uploads/test/new.jpg' })

    await click(screen.getByText('删除'))
    expect(container.querySelector('.create-cover-add')).not.toBeNull()
    await click(screen.getByText('保存修改'))
    expect(lastInput('activity.update')).toMatchObject({ cover: null })
  })

  it('a drawn lottery keeps its places and draw time', async () => {
    const drawAt = shanghai(6, '20:00')
    serve({
      'activity.get': () => event({ allocation: 'lottery', drawAt, drawnAt: new Date().toISOString(), confirmedCount: 20, contest: null }),
      'member.me': () => me,
      'member.departments': () => departments,
    })
    const { container } = render(<CreateActivityPage />)
    await screen.findByText('保存修改')
    expect(text(container, '.create-time--draw .create-locked')).toContain('已经抽签，不能再修改')
    expect(text(container, '.create-places .create-locked')).toBe('20 个名额（已经抽签，不能再修改）')
    expect(container.querySelector('.create-capacity')).toBeNull()
  })

  it('a lottery with entrants before its draw keeps its questions and the way places are given', async () => {
    serve({
      'activity.get': () =>
        event({
          allocation: 'lottery',
          drawAt: shanghai(6, '20:00'),
          confirmedCount: 0,
          enteredCount: 5,
          fields: [{ key: 'f1', label: '衣服尺码', type: 'single', required: true, options: ['M', 'L'] }],
          contest: null,
        }),
      'member.departments': () => departments,
      'activity.update': () => event(),
    })
    const { container } = render(<CreateActivityPage />)
    await screen.findByText('保存修改')
    expect(text(container, '.create-allocation-field .create-locked')).toBe('抽签（已有人报名，不能再修改）')
    expect(container.querySelector('.create-allocation')).toBeNull()
    expect(text(container, '.create-fields--locked .create-locked')).toBe('衣服尺码')
    expect(container.querySelector('.create-field-add')).toBeNull()
    // Not drawn yet: the places and the draw time may still change.
    expect(container.querySelector('.create-capacity')).not.toBeNull()
    expect(container.querySelector('.create-time--draw .create-locked')).toBeNull()
    await click(screen.getByText('保存修改'))
    expect(lastInput('activity.update')).toMatchObject({
      allocation: 'lottery',
      fields: [{ key: 'f1', label: '衣服尺码', type: 'single', required: true, options: ['M', 'L'] }],
    })
  })

  it('a lottery nobody has entered yet can still change how places are given', async () => {
    serve({
      'activity.get': () => event({ allocation: 'lottery', drawAt: shanghai(6, '20:00'), enteredCount: 0, contest: null }),
      'member.departments': () => departments,
    })
    const { container } = render(<CreateActivityPage />)
    await screen.findByText('保存修改')
    expect(container.querySelector('.create-allocation--fcfs')).not.toBeNull()
    expect(container.querySelector('.create-fields--locked')).toBeNull()
  })

  it('a group’s event may be made 仅本组成员 by its scope, whatever its organizer is called', async () => {
    serve({
      'activity.get': () => event({ organizer: '羽毛球兴趣小组', scope: { kind: 'group', id: 'demo-group-badminton' }, contest: null }),
      // Led by nobody here: the group comes from the event, not from the caller's grants.
      'member.me': () => me,
      'member.departments': () => departments,
      'activity.update': () => event(),
    })
    const { container } = render(<CreateActivityPage />)
    await screen.findByText('保存修改')
    await click(container.querySelector('.create-audience--group'))
    await click(screen.getByText('保存修改'))
    expect(lastInput('activity.update')).toMatchObject({ id: 'a1', audience: { kind: 'group', groupId: 'demo-group-badminton' } })
  })

  it('a department’s event named like a group offers no 仅本组成员', async () => {
    const groupLeader: MeView = { ...me, grants: [...me.grants, { role: 'leader', scope: { kind: 'group', id: 'demo-group-badminton', name: '羽毛球' } }] }
    serve({
      'activity.get': () => event({ organizer: '羽毛球兴趣小组', scope: { kind: 'department', id: 'demo-dept-2' } }),
      'member.me': () => groupLeader,
      'member.departments': () => departments,
    })
    const { container } = render(<CreateActivityPage />)
    await screen.findByText('保存修改')
    expect(container.querySelector('.create-audience--all')).not.toBeNull()
    expect(container.querySelector('.create-audience--group')).toBeNull()
  })

  it('only the organizer may edit', async () => {
    serve({ 'activity.get': () => event({ canManage: false }), 'member.me': () => me, 'member.departments': () => departments })
    render(<CreateActivityPage />)
    await screen.findByText('只有活动的组织者可以修改活动')
    expect(screen.queryByText('保存修改')).toBeNull()
  })
})

describe('发布活动', () => {
  beforeEach(() => {
    taro.useRouter.mockReturnValue({ params: {}, path: '/packages/organizer/create/index' })
  })

  it('shows a lottery’s time problems before sending, then posts it with its draw time', async () => {
    serve({ 'member.me': () => me, 'member.departments': () => departments, 'activity.create': () => ({ ...event(), id: 'new1' }) })
    const { container } = render(<CreateActivityPage />)
    await screen.findByText('发布活动', { selector: '.create-submit *' })
    // 先到先得 has no draw time.
    expect(container.querySelector('.create-time--draw')).toBeNull()

    await click(container.querySelector('.create-allocation--lottery'))
    expect(container.querySelector('.create-time--draw')).not.toBeNull()
    // No waitlist switch: a lottery's losers always wait in draw order.
    expect(container.querySelector('.create-waitlist')).toBeNull()
    await click(container.querySelector('.create-unlimited'))
    // The shared rule, shown while choosing, by the field it concerns.
    expect(text(container, '.create-places .org-field__error')).toBe('抽签活动需要设定名额')
    await click(container.querySelector('.create-unlimited'))

    await type(container, '.create-title', '新年音乐会')
    await click(screen.getByText('观演'))
    await type(container, '.create-place', '市音乐厅')
    await type(container, '.create-capacity', '30')
    expect(container.querySelector('.create-places .org-field__error')).toBeNull()
    await click(container.querySelector('.create-submit'))
    const input = lastInput('activity.create') as Record<string, unknown>
    expect(input).toMatchObject({
      key: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
      scope: { kind: 'department', id: 'demo-dept-2' },
      title: '新年音乐会',
      type: '观演',
      place: '市音乐厅',
      capacity: 30,
      allocation: 'lottery',
      waitlist: true,
      cover: null,
      contest: null,
    })
    // Two hours after sign-up closes (18:00 the day before).
    expect(input.drawAt).toMatch(/T20:00:00\+08:00$/)
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/activity/index?id=new1' })
  })

  it('a contest needs two teams before it is sent', async () => {
    serve({ 'member.me': () => me, 'member.departments': () => departments, 'activity.create': () => ({ ...event(), id: 'new2' }) })
    const { container } = render(<CreateActivityPage />)
    await screen.findByText('发布活动', { selector: '.create-submit *' })
    await type(container, '.create-title', '健步走')
    await click(screen.getByText('健步走'))
    await type(container, '.create-place', '江边步道')
    await click(container.querySelector('.create-unlimited'))
    // Taro's h5 Switch: toggle through its change event.
    const sw = await waitFor(() => {
      const el = container.querySelector('.create-contest-switch input')
      expect(el).toBeTruthy()
      return el as HTMLInputElement
    })
    await act(async () => {
      sw.checked = true
      fireEvent.change(sw)
    })
    await waitFor(() => expect(container.querySelector('.create-contest-team')).not.toBeNull())
    await click(container.querySelector('.create-contest-team[data-team-id="demo-dept-1"]'))
    await click(container.querySelector('.create-submit'))
    expect(text(container, '.create-contest .org-field__error')).toBe('结对竞赛请至少选择 2 个部门')
    expect(lastInput('activity.create')).toBeUndefined()

    await click(container.querySelector('.create-contest-team[data-team-id="demo-dept-2"]'))
    await click(container.querySelector('.create-submit'))
    expect(lastInput('activity.create')).toMatchObject({
      title: '健步走',
      capacity: null,
      waitlist: false,
      contest: { kind: 'department', teamIds: ['demo-dept-1', 'demo-dept-2'] },
    })
  })
})
