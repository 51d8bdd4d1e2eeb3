/** The organizer's tools: 发布活动's defaults and checks, and the 签到 result line. */
import type { MeView } from '@shared/contract'
import { canPost } from '../../client/src/constants/activities'
import { createInputOf, defaultForm, newField, scopeOptions, setTime, type CreateForm } from '../../client/src/packages/organizer/create/form'
import { checkInErrorOf, checkInResultOf, typedCode } from '../../client/src/packages/organizer/checkin/result'

const me = (roles: MeView['roles'], grants: MeView['grants']): MeView => ({
  member: { id: 'm2', name: '李娜', department: '财务科', memberNo: 'GH2026002' },
  union: { id: 'u1', name: '市直机关示范工会' },
  roles,
  grants,
  badges: { groupRequests: 0 },
  uploadFolder: 'uploads/test',
})
const leader = me(['member', 'leader'], [{ role: 'member' }, { role: 'leader', scope: { kind: 'department', id: 'demo-dept-2', name: '财务科' } }, { role: 'leader', scope: { kind: 'group', id: 'g1', name: '羽毛球' } }])
const admin = me(['member', 'admin'], [{ role: 'admin' }])
const now = new Date('2026-11-21T10:00:00+08:00')

describe('who posts for whom', () => {
  it('offers 全会 to admins and each led department or group to leaders', () => {
    expect(scopeOptions(admin).map((s) => s.name)).toEqual(['全会活动'])
    expect(scopeOptions(leader)).toEqual([
      { key: 'department:demo-dept-2', scope: { kind: 'department', id: 'demo-dept-2' }, name: '财务科工会小组' },
      { key: 'group:g1', scope: { kind: 'group', id: 'g1' }, name: '羽毛球兴趣小组' },
    ])
    expect(canPost(leader)).toBe(true)
    expect(canPost(admin)).toBe(true)
    expect(canPost(me(['member', 'auditor'], [{ role: 'auditor' }]))).toBe(false)
  })
})

describe('发布活动', () => {
  const scopes = scopeOptions(admin)
  const filled = (over: Partial<CreateForm> = {}): CreateForm => ({ ...defaultForm(scopes, now), title: ' 重阳登山 ', type: '登山', place: '凤凰山北门', capacity: '2', ...over })

  it('defaults: a week ahead at 09:00, sign-up open now until 18:00 the day before', () => {
    const f = defaultForm(scopes, now)
    expect(f.times).toEqual({
      start: { date: '2026-11-28', time: '09:00' },
      end: { date: '2026-11-28', time: '12:00' },
      opens: { date: '2026-11-21', time: '10:00' },
      closes: { date: '2026-11-27', time: '18:00' },
      cancel: { date: '2026-11-27', time: '18:00' },
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
        audience: { kind: 'all' },
        fields: [],
      },
    })
  })

  it('moving the start moves the other times, except those set by hand', () => {
    let f = setTime(filled(), 'closes', { date: '2026-11-26', time: '12:00' }, now)
    f = setTime(f, 'start', { date: '2026-12-05', time: '14:00' }, now)
    expect(f.times.end).toEqual({ date: '2026-12-05', time: '17:00' })
    expect(f.times.cancel).toEqual({ date: '2026-12-04', time: '18:00' })
    expect(f.times.closes).toEqual({ date: '2026-11-26', time: '12:00' })
  })

  it('refuses what the server would, in its words', () => {
    const errors = (f: CreateForm) => ('errors' in createInputOf(f, scopes, now) ? (createInputOf(f, scopes, now) as { errors: object }).errors : {})
    expect(errors(filled({ title: ' ', type: '', place: '', capacity: '' }))).toEqual({ title: '请填写活动名称', type: '请选择活动类型', place: '请填写地点', capacity: '请填写名额，或选择「不限名额」' })
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
    expect(createInputOf(filled({ audience: 'departments', departmentIds: ['d1', 'd2'] }), scopes, now)).toMatchObject({ input: { audience: { kind: 'departments', departmentIds: ['d1', 'd2'] } } })
  })

  it('extra fields: choices need two options; blank options are dropped; keys stay unique', () => {
    const size = { ...newField([], 'single'), label: '衣服尺码', options: ['M', ' L ', ''] }
    const count = { ...newField([size], 'number'), label: '家属人数', required: false }
    expect([size.key, count.key]).toEqual(['f1', 'f2'])
    expect(createInputOf(filled({ fields: [size, count] }), scopes, now)).toMatchObject({
      input: { fields: [{ key: 'f1', label: '衣服尺码', type: 'single', required: true, options: ['M', 'L'] }, { key: 'f2', label: '家属人数', type: 'number', required: false }] },
    })
    const lonely = { ...size, options: ['M', ''] }
    expect(createInputOf(filled({ fields: [lonely] }), scopes, now)).toEqual({ errors: { field: { f1: '「衣服尺码」需要至少两个选项' } } })
    expect(createInputOf(filled({ fields: [{ ...count, label: '' }] }), scopes, now)).toEqual({ errors: { field: { f2: '请填写报名项的名称' } } })
  })
})

describe('签到 result', () => {
  it('reads big and clear', () => {
    expect(checkInResultOf({ name: '刘洋', department: '信息中心', alreadyCheckedIn: false, checkedIn: 1, confirmed: 2 })).toEqual({ kind: 'ok', text: '✓ 刘洋 · 信息中心 签到成功' })
    expect(checkInResultOf({ name: '刘洋', department: '信息中心', alreadyCheckedIn: true, checkedIn: 1, confirmed: 2 })).toEqual({ kind: 'again', text: '刘洋 · 信息中心 已签到过' })
    expect(checkInErrorOf('签到码已过期，请让对方刷新后再扫')).toEqual({ kind: 'error', text: '✗ 签到码已过期，请让对方刷新后再扫' })
    expect(typedCode('123 456 7')).toBe('123456')
  })
})
