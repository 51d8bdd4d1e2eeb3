/** The organizer's tools: 发布活动 / 修改活动's defaults and checks, the export's columns, and the 签到 result line. */
import type { MeView } from '@shared/contract'
import { canPost } from '../../client/src/constants/activities'
import {
  createInputOf,
  defaultForm,
  editLocksOf,
  errorKeyOf,
  formFromDetail,
  newField,
  scheduleProblemOf,
  scopeOptions,
  setTime,
  updateInputOf,
  type CreateForm,
} from '../../client/src/packages/organizer/create/form'
import { coverOf, MAX_COVER_BYTES } from '../../client/src/packages/organizer/create/cover'
import { exportColumnsOf } from '../../client/src/packages/organizer/attendees/columns'
import { checkInErrorOf, checkInResultOf, typedCode } from '../../client/src/packages/organizer/checkin/result'
import { activityDetail, departmentContest } from '../support/client/activity'
import { meView } from '../support/client/me'

/** 李娜 of 财务科 with the roles and grants given. */
const me = (roles: MeView['roles'], grants: MeView['grants']) =>
  meView(roles, { member: { id: 'm2', name: '李娜', department: '财务科', memberNo: 'GH2026002' }, grants })
const leader = me(
  ['member', 'leader'],
  [
    { role: 'member' },
    { role: 'leader', scope: { kind: 'department', id: 'demo-dept-2', name: '财务科' } },
    { role: 'leader', scope: { kind: 'group', id: 'g1', name: '羽毛球' } },
  ],
)
const admin = me(['member', 'admin'], [{ role: 'admin' }])
const now = new Date('2026-11-21T10:00:00+08:00')

describe('who posts for whom', () => {
  it('offers 全会 to admins and each led department or group to leaders', () => {
    expect(scopeOptions(admin).map((s) => s.name)).toEqual(['全会活动'])
    expect(scopeOptions(leader)).toEqual([
      { key: 'department:demo-dept-2', scope: { kind: 'department', id: 'demo-dept-2' }, name: '财务科工会小组' },
      { key: 'group:g1', scope: { kind: 'group', id: 'g1' }, name: '羽毛球兴趣小组' },
    ])
    // A group that no longer exists is not offered (its grant says 已删除的小组).
    const withGone = me(['member', 'leader'], [...leader.grants, { role: 'leader', scope: { kind: 'group', id: 'g9', name: '已删除的小组', gone: true } }])
    expect(scopeOptions(withGone).map((s) => s.name)).toEqual(['财务科工会小组', '羽毛球兴趣小组'])
    expect(canPost(leader)).toBe(true)
    expect(canPost(admin)).toBe(true)
    expect(canPost(me(['member', 'auditor'], [{ role: 'auditor' }]))).toBe(false)
  })
})

describe('发布活动', () => {
  const scopes = scopeOptions(admin)
  const filled = (over: Partial<CreateForm> = {}): CreateForm => ({
    ...defaultForm(scopes, now),
    title: ' 重阳登山 ',
    type: '登山',
    place: '凤凰山北门',
    capacity: '2',
    ...over,
  })

  it('defaults: a week ahead at 09:00, sign-up open now until 18:00 the day before', () => {
    const f = defaultForm(scopes, now)
    expect(f.times).toEqual({
      start: { date: '2026-11-28', time: '09:00' },
      end: { date: '2026-11-28', time: '12:00' },
      opens: { date: '2026-11-21', time: '10:00' },
      closes: { date: '2026-11-27', time: '18:00' },
      cancel: { date: '2026-11-27', time: '18:00' },
      // Used only for a lottery: two hours after sign-up closes.
      draw: { date: '2026-11-27', time: '20:00' },
    })
    const res = createInputOf(filled(), scopes, now)
    expect(res).toEqual({
      input: {
        scope: { kind: 'union' },
        title: '重阳登山',
        type: '登山',
        description: '',
        place: '凤凰山北门',
        startAt: '2026-11-28T09:00:00+08:00',
        endAt: '2026-11-28T12:00:00+08:00',
        signUpOpensAt: '2026-11-21T10:00:00+08:00',
        signUpClosesAt: '2026-11-27T18:00:00+08:00',
        cancelDeadline: '2026-11-27T18:00:00+08:00',
        capacity: 2,
        waitlist: true,
        allocation: 'fcfs',
        drawAt: null,
        audience: { kind: 'all' },
        fields: [],
        cover: null,
        contest: null,
      },
    })
  })

  it('moving the start moves the other times, except those set by hand', () => {
    let f = setTime(filled(), 'closes', { date: '2026-11-26', time: '12:00' }, now)
    f = setTime(f, 'start', { date: '2026-12-05', time: '14:00' }, now)
    expect(f.times.end).toEqual({ date: '2026-12-05', time: '17:00' })
    expect(f.times.cancel).toEqual({ date: '2026-12-04', time: '18:00' })
    expect(f.times.closes).toEqual({ date: '2026-11-26', time: '12:00' })
    // The draw follows sign-up closing until set by hand.
    expect(f.times.draw).toEqual({ date: '2026-11-26', time: '14:00' })
    f = setTime(f, 'draw', { date: '2026-11-26', time: '19:30' }, now)
    f = setTime(f, 'closes', { date: '2026-11-26', time: '10:00' }, now)
    expect(f.times.draw).toEqual({ date: '2026-11-26', time: '19:30' })
  })

  it('refuses what the server would, in its words', () => {
    const errors = (f: CreateForm) => ('errors' in createInputOf(f, scopes, now) ? (createInputOf(f, scopes, now) as { errors: object }).errors : {})
    expect(errors(filled({ title: ' ', type: '', place: '', capacity: '' }))).toEqual({
      title: '请填写活动名称',
      type: '请选择活动类型',
      place: '请填写地点',
      capacity: '请填写名额，或选择「不限名额」',
    })
    expect(errors(filled({ capacity: '0' }))).toEqual({ capacity: '名额请填写 1 到 10000 之间的整数' })
    const times = filled().times
    expect(errors(filled({ times: { ...times, end: times.start } }))).toEqual({ end: '结束时间要晚于开始时间' })
    expect(errors(filled({ times: { ...times, closes: { date: '2026-11-29', time: '09:00' } } }))).toEqual({ closes: '报名截止时间不能晚于活动开始时间' })
    expect(errors(filled({ times: { ...times, cancel: { date: '2026-11-29', time: '09:00' } } }))).toEqual({ cancel: '取消截止时间不能晚于活动开始时间' })
    expect(errors(filled({ times: { ...times, start: { date: '2026-11-20', time: '09:00' } } }))).toMatchObject({ start: '开始时间已经过了，请重新选择' })
    expect(errors(filled({ audience: 'departments' }))).toEqual({ audience: '请至少选择一个部门' })
  })

  it('unlimited places mean no waitlist; women-only and department audiences', () => {
    const res = createInputOf(filled({ unlimited: true, audience: 'women' }), scopes, now)
    expect(res).toMatchObject({ input: { capacity: null, waitlist: false, audience: { kind: 'rule', genders: ['女'], departmentIds: [], statuses: [] } } })
    expect(createInputOf(filled({ audience: 'departments', departmentIds: ['d1', 'd2'] }), scopes, now)).toMatchObject({
      input: { audience: { kind: 'departments', departmentIds: ['d1', 'd2'] } },
    })
  })

  it('extra fields: choices need two options; blank options are dropped; keys stay unique', () => {
    const size = { ...newField([], 'single'), label: '衣服尺码', options: ['M', ' L ', ''] }
    const count = { ...newField([size], 'number'), label: '家属人数', required: false }
    expect([size.key, count.key]).toEqual(['f1', 'f2'])
    expect(createInputOf(filled({ fields: [size, count] }), scopes, now)).toMatchObject({
      input: {
        fields: [
          { key: 'f1', label: '衣服尺码', type: 'single', required: true, options: ['M', 'L'] },
          { key: 'f2', label: '家属人数', type: 'number', required: false },
        ],
      },
    })
    const lonely = { ...size, options: ['M', ''] }
    expect(createInputOf(filled({ fields: [lonely] }), scopes, now)).toEqual({ errors: { field: { f1: '「衣服尺码」需要至少两个选项' } } })
    expect(createInputOf(filled({ fields: [{ ...count, label: '' }] }), scopes, now)).toEqual({ errors: { field: { f2: '请填写报名项的名称' } } })
  })
})

describe('抽签, cover and 结对竞赛', () => {
  const scopes = scopeOptions(leader)
  const filled = (over: Partial<CreateForm> = {}): CreateForm => ({
    ...defaultForm(scopes, now),
    title: '羽毛球友谊赛',
    type: '球类比赛',
    place: '机关活动中心',
    capacity: '16',
    ...over,
  })

  it('a lottery sends its draw time and always keeps a waitlist', () => {
    expect(createInputOf(filled({ allocation: 'lottery', waitlist: false }), scopes, now)).toMatchObject({
      input: { scope: { kind: 'department', id: 'demo-dept-2' }, allocation: 'lottery', drawAt: '2026-11-27T20:00:00+08:00', capacity: 16, waitlist: true },
    })
    // 先到先得 sends no draw time, whatever the form held.
    expect(createInputOf(filled(), scopes, now)).toMatchObject({ input: { allocation: 'fcfs', drawAt: null } })
  })

  it('shows the shared schedule rule’s problems before sending, on the field they concern', () => {
    const times = filled().times
    expect(scheduleProblemOf(filled())).toBeNull()
    expect(scheduleProblemOf(filled({ allocation: 'lottery', unlimited: true }))).toEqual({ key: 'capacity', message: '抽签活动需要设定名额' })
    expect(scheduleProblemOf(filled({ allocation: 'lottery', times: { ...times, draw: { date: '2026-11-27', time: '17:00' } } }))).toEqual({
      key: 'draw',
      message: '抽签时间不能早于报名截止时间',
    })
    expect(scheduleProblemOf(filled({ allocation: 'lottery', times: { ...times, draw: { date: '2026-11-28', time: '10:00' } } }))).toEqual({
      key: 'draw',
      message: '抽签时间不能晚于活动开始时间',
    })
    // A draw time left over from trying 抽签 does not matter for 先到先得.
    expect(scheduleProblemOf(filled({ times: { ...times, draw: { date: '2026-11-28', time: '10:00' } } }))).toBeNull()
    expect(scheduleProblemOf(filled({ times: { ...times, end: times.start } }))).toEqual({ key: 'end', message: '结束时间要晚于开始时间' })
    const errors = createInputOf(filled({ allocation: 'lottery', capacity: '' }), scopes, now)
    expect(errors).toEqual({ errors: { capacity: '抽签活动需要设定名额' } })
  })

  it('sends the uploaded cover, and a contest of two to ten teams', () => {
    expect(createInputOf(filled({ cover: 'cloud://env/uploads/abc/cover.jpg', coverPreview: 'blob:x' }), scopes, now)).toMatchObject({
      input: { cover: 'cloud://env/uploads/abc/cover.jpg' },
    })
    expect(createInputOf(filled({ contestOn: true, contestKind: 'department', contestTeamIds: ['d1'] }), scopes, now)).toEqual({
      errors: { contest: '结对竞赛请至少选择 2 个部门' },
    })
    expect(
      createInputOf(filled({ contestOn: true, contestKind: 'group', contestTeamIds: Array.from({ length: 11 }, (_, i) => `g${i}`) }), scopes, now),
    ).toEqual({
      errors: { contest: '结对竞赛最多选择 10 个兴趣小组' },
    })
    expect(createInputOf(filled({ contestOn: true, contestKind: 'group', contestTeamIds: ['g1', 'g2'] }), scopes, now)).toMatchObject({
      input: { contest: { kind: 'group', teamIds: ['g1', 'g2'] } },
    })
    // Switched off: no contest, whatever was picked.
    expect(createInputOf(filled({ contestOn: false, contestTeamIds: ['g1', 'g2'] }), scopes, now)).toMatchObject({ input: { contest: null } })
  })

  it('a picked picture becomes a file to upload, unless it is too large', () => {
    const file = new Blob(['x']) as Blob & { name?: string }
    file.name = 'hill.png'
    expect(coverOf({ path: 'blob:1', size: 1, originalFileObj: file })).toEqual({ cover: { name: 'hill.png', blob: file, preview: 'blob:1' } })
    expect(coverOf({ path: 'wxfile://tmp/abc.jpg', size: 1 })).toEqual({
      cover: { name: 'abc.jpg', path: 'wxfile://tmp/abc.jpg', preview: 'wxfile://tmp/abc.jpg' },
    })
    expect(coverOf({ path: 'wxfile://tmp/big.jpg', size: MAX_COVER_BYTES + 1 })).toEqual({ problem: '图片超过 10 MB，请换一张小一些的' })
    expect(coverOf(undefined)).toEqual({ problem: '没有读到这张图片，请重新选择' })
  })
})

describe('修改活动', () => {
  const event = activityDetail({
    title: '羽毛球友谊赛',
    type: '球类比赛',
    place: '机关活动中心',
    startAt: '2026-11-28T01:00:00.000Z',
    endAt: '2026-11-28T04:00:00.000Z',
    capacity: 16,
    organizer: '羽毛球兴趣小组',
    description: '自带球拍',
    signUpOpensAt: '2026-11-20T01:00:00.000Z',
    signUpClosesAt: '2026-11-27T10:00:00.000Z',
    cancelDeadline: '2026-11-27T10:00:00.000Z',
    fields: [{ key: 'f1', label: '水平', type: 'single', required: true, options: ['新手', '熟练'] }],
    canManage: true,
    allocation: 'lottery',
    drawAt: '2026-11-27T12:00:00.000Z',
    coverUrl: 'https://files.example/cover.jpg?sign=1',
    cover: 'cloud://env/uploads/leader/cover.jpg',
    contest: departmentContest(['d1', '财务科', 0, 0], ['d2', '信息中心', 0, 0]),
    scope: { kind: 'group', id: 'g1' },
    enteredCount: 0,
  })

  it('pre-fills the event in Shanghai time and sends it back unchanged, with its id, cover and contest', () => {
    const form = formFromDetail(event)
    expect(form.times).toEqual({
      start: { date: '2026-11-28', time: '09:00' },
      end: { date: '2026-11-28', time: '12:00' },
      opens: { date: '2026-11-20', time: '09:00' },
      closes: { date: '2026-11-27', time: '18:00' },
      cancel: { date: '2026-11-27', time: '18:00' },
      draw: { date: '2026-11-27', time: '20:00' },
    })
    expect(form).toMatchObject({ coverPreview: 'https://files.example/cover.jpg?sign=1', contestOn: true, contestTeamIds: ['d1', 'd2'], groupId: 'g1' })
    expect(updateInputOf({ ...form, place: ' 机关活动中心二楼 ' }, event, now)).toEqual({
      input: {
        id: 'a1',
        title: '羽毛球友谊赛',
        type: '球类比赛',
        description: '自带球拍',
        place: '机关活动中心二楼',
        startAt: '2026-11-28T09:00:00+08:00',
        endAt: '2026-11-28T12:00:00+08:00',
        signUpOpensAt: '2026-11-20T09:00:00+08:00',
        signUpClosesAt: '2026-11-27T18:00:00+08:00',
        cancelDeadline: '2026-11-27T18:00:00+08:00',
        capacity: 16,
        waitlist: true,
        allocation: 'lottery',
        drawAt: '2026-11-27T20:00:00+08:00',
        audience: { kind: 'all' },
        fields: [{ key: 'f1', label: '水平', type: 'single', required: true, options: ['新手', '熟练'] }],
        cover: 'cloud://env/uploads/leader/cover.jpg',
        contest: { kind: 'department', teamIds: ['d1', 'd2'] },
      },
    })
  })

  it('moving the start no longer moves the other times; an event under way keeps its start', () => {
    const form = formFromDetail(event)
    expect(setTime(form, 'start', { date: '2026-11-29', time: '09:00' }, now).times.end).toEqual({ date: '2026-11-28', time: '12:00' })
    // Started an hour ago: the unchanged start is fine, a new one in the past is not.
    const later = new Date('2026-11-28T10:00:00+08:00')
    expect(updateInputOf({ ...formFromDetail({ ...event, allocation: 'fcfs', drawAt: null }), place: '体育馆' }, event, later)).toMatchObject({
      input: { place: '体育馆' },
    })
    const moved = setTime(formFromDetail({ ...event, allocation: 'fcfs', drawAt: null }), 'start', { date: '2026-11-28', time: '09:30' }, later)
    expect(updateInputOf(moved, event, later)).toMatchObject({ errors: { start: '开始时间已经过了，请重新选择' } })
  })

  it('keeps audiences the form cannot build, and a group’s own audience', () => {
    const rule = { kind: 'rule' as const, genders: [], departmentIds: [], statuses: ['退休' as const] }
    const kept = formFromDetail({ ...event, audience: rule })
    expect(kept).toMatchObject({ audience: 'kept', keptAudience: rule })
    expect(updateInputOf(kept, event, now)).toMatchObject({ input: { audience: rule } })
    const women = formFromDetail({ ...event, audience: { kind: 'rule', genders: ['女'], departmentIds: [], statuses: [] } })
    expect(women.audience).toBe('women')
    const group = formFromDetail({ ...event, audience: { kind: 'group', groupId: 'demo-group-badminton' } })
    expect(updateInputOf(group, event, now)).toMatchObject({ input: { audience: { kind: 'group', groupId: 'demo-group-badminton' } } })
    // The group it was posted for comes from its scope, not from the organizer's name.
    expect(formFromDetail({ ...event, organizer: '摄影兴趣小组', scope: { kind: 'group', id: 'g-photo' } }).groupId).toBe('g-photo')
    expect(updateInputOf({ ...formFromDetail({ ...event, scope: { kind: 'group', id: 'g-photo' } }), audience: 'group' }, event, now)).toMatchObject({
      input: { audience: { kind: 'group', groupId: 'g-photo' } },
    })
    // A department's or the union's event: no 仅本组成员 to offer, even named like a group.
    expect(formFromDetail({ ...event, organizer: '羽毛球兴趣小组', scope: { kind: 'department', id: 'demo-dept-2' } }).groupId).toBeNull()
    expect(formFromDetail({ ...event, scope: { kind: 'union' } }).groupId).toBeNull()
  })

  it('locks what sign-ups and a draw fix, and places the server’s refusals on the form', () => {
    expect(editLocksOf({ confirmedCount: 0, enteredCount: null, drawnAt: null })).toEqual({ signedUp: false, drawn: false })
    expect(editLocksOf({ confirmedCount: 0, enteredCount: 0, drawnAt: null })).toEqual({ signedUp: false, drawn: false })
    expect(editLocksOf({ confirmedCount: 3, enteredCount: null, drawnAt: null })).toEqual({ signedUp: true, drawn: false })
    // In the lottery before the draw: they answered the questions too.
    expect(editLocksOf({ confirmedCount: 0, enteredCount: 2, drawnAt: null })).toEqual({ signedUp: true, drawn: false })
    expect(editLocksOf({ confirmedCount: 0, enteredCount: null, drawnAt: '2026-11-27T12:00:00.000Z' })).toEqual({ signedUp: true, drawn: true })
    expect(errorKeyOf('drawAt')).toBe('draw')
    expect(errorKeyOf('allocation')).toBe('allocation')
    expect(errorKeyOf('capacity')).toBe('capacity')
    expect(errorKeyOf('waitlist')).toBe('capacity')
    expect(errorKeyOf('contest')).toBe('contest')
    expect(errorKeyOf('cover')).toBe('cover')
    expect(errorKeyOf('fields.0.label')).toBe('fields')
    expect(errorKeyOf(undefined)).toBeUndefined()
  })
})

describe('导出名单', () => {
  it('offers the standard columns, then the event’s own questions', () => {
    expect(exportColumnsOf([{ key: 'f1', label: '衣服尺码' }])).toEqual([
      { key: 'name', label: '姓名' },
      { key: 'department', label: '部门' },
      { key: 'status', label: '状态' },
      { key: 'signedAt', label: '报名时间' },
      { key: 'checkedInAt', label: '签到时间' },
      { key: 'f1', label: '衣服尺码' },
    ])
  })
})

describe('签到 result', () => {
  it('reads big and clear', () => {
    expect(checkInResultOf({ name: '刘洋', department: '信息中心', alreadyCheckedIn: false, checkedIn: 1, confirmed: 2 })).toEqual({
      kind: 'ok',
      text: '✓ 刘洋 · 信息中心 签到成功',
    })
    expect(checkInResultOf({ name: '刘洋', department: '信息中心', alreadyCheckedIn: true, checkedIn: 1, confirmed: 2 })).toEqual({
      kind: 'again',
      text: '刘洋 · 信息中心 已签到过',
    })
    expect(checkInErrorOf('签到码已过期，请让对方刷新后再扫')).toEqual({ kind: 'error', text: '✗ 签到码已过期，请让对方刷新后再扫' })
    expect(typedCode('123 456 7')).toBe('123456')
  })
})
