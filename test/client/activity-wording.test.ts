/** How events read on the 活动 tab and the detail page: places left, my status, Shanghai times, the next step. */
import type { ActivityDetail } from '@shared/contract'
import { audienceText, dateTimeText, myStatusText, placesText, timeRangeText } from '../../client/src/constants/activities'
import { signUpViewOf } from '../../client/src/pages/activity/state'

describe('places left', () => {
  it('counts what is left, says when it is full (and whether one can queue), or that there is no limit', () => {
    expect(placesText({ capacity: 10, confirmedCount: 7 })).toBe('剩 3 个名额')
    expect(placesText({ capacity: 10, confirmedCount: 9 })).toBe('剩 1 个名额')
    expect(placesText({ capacity: 2, confirmedCount: 2, waitlist: true })).toBe('已满，可排队')
    expect(placesText({ capacity: 2, confirmedCount: 2, waitlist: false })).toBe('名额已满')
    // List cards do not say whether there is a waitlist: no promise of a place in line.
    expect(placesText({ capacity: 2, confirmedCount: 2 })).toBe('名额已满')
    expect(placesText({ capacity: null, confirmedCount: 120 })).toBe('不限名额')
  })

  it('names my own sign-up', () => {
    expect(myStatusText('confirmed')).toBe('已报名')
    expect(myStatusText('waiting', 2)).toBe('排队第 2 位')
    expect(myStatusText('waiting')).toBe('排队中')
    expect(myStatusText('cancelled')).toBeNull()
    expect(myStatusText(null)).toBeNull()
  })
})

describe('times in Shanghai, whatever the phone’s zone', () => {
  const now = new Date('2026-11-21T12:00:00Z')
  it('shows day, weekday and time; the year only when it is not this year', () => {
    expect(dateTimeText('2026-11-28T00:30:00Z', now)).toBe('11月28日 周六 08:30')
    expect(dateTimeText('2026-11-27T16:30:00Z', now)).toBe('11月28日 周六 00:30')
    expect(dateTimeText('2027-01-02T09:00:00+08:00', now)).toBe('2027年1月2日 周六 09:00')
    expect(timeRangeText('2026-11-28T08:30:00+08:00', '2026-11-28T11:30:00+08:00', now)).toBe('11月28日 周六 08:30–11:30')
    expect(timeRangeText('2026-11-28T08:30:00+08:00', '2026-11-29T17:00:00+08:00', now)).toBe('11月28日 周六 08:30 至 11月29日 周日 17:00')
  })

  it('says who may take part', () => {
    const names = new Map([['d2', '财务科']])
    expect(audienceText({ kind: 'all' })).toBe('全体会员')
    expect(audienceText({ kind: 'departments', departmentIds: ['d2'] }, (id) => names.get(id))).toBe('财务科的会员')
    expect(audienceText({ kind: 'departments', departmentIds: ['d2', 'd9'] }, (id) => names.get(id))).toBe('2 个部门的会员')
    expect(audienceText({ kind: 'rule', genders: ['女'], departmentIds: [], statuses: [] })).toBe('仅女职工')
  })
})

describe('the action area of the detail page', () => {
  const now = new Date('2026-11-21T12:00:00+08:00')
  const base: ActivityDetail = {
    id: 'a1',
    title: '重阳登山',
    type: '登山',
    place: '凤凰山北门',
    startAt: '2026-11-28T08:30:00+08:00',
    endAt: '2026-11-28T11:30:00+08:00',
    capacity: 2,
    confirmedCount: 0,
    organizer: '工会',
    myStatus: null,
    description: '',
    signUpOpensAt: '2026-11-20T09:00:00+08:00',
    signUpClosesAt: '2026-11-27T18:00:00+08:00',
    cancelDeadline: '2026-11-27T18:00:00+08:00',
    waitlist: true,
    audience: { kind: 'all' },
    fields: [],
    signUpBlockedReason: null,
    waitingPosition: null,
    prefill: {},
    canManage: false,
    allocation: 'fcfs',
    drawAt: null,
    drawnAt: null,
    coverUrl: null,
    cover: null,
    contest: null,
    groupName: null,
  }
  const view = (over: Partial<ActivityDetail>, at = now) => signUpViewOf({ ...base, ...over }, at)

  it('offers 报名 straight away, through the form when there are questions, or to queue when full', () => {
    expect(view({})).toMatchObject({ kind: 'open', label: '我要报名', form: false, note: '报名截止：11月27日 周五 18:00' })
    expect(view({ fields: [{ key: 'size', label: '尺码', type: 'single', required: true, options: ['M', 'L'] }] })).toMatchObject({ kind: 'open', form: true, label: '填写报名信息' })
    expect(view({ confirmedCount: 2 })).toMatchObject({ kind: 'open', label: '名额已满，排队报名' })
    expect(view({ confirmedCount: 2, waitlist: false })).toEqual({ kind: 'blocked', reason: '名额已满' })
  })

  it('gives the server’s reason when sign-up is not possible', () => {
    expect(view({ signUpBlockedReason: '本活动只面向女职工' })).toEqual({ kind: 'blocked', reason: '本活动只面向女职工' })
  })

  it('confirmed or waiting: cancelling until the deadline, then the deadline shown', () => {
    expect(view({ myStatus: 'confirmed' })).toEqual({ kind: 'confirmed', canCancel: true, note: '11月27日 周五 18:00 前可以取消' })
    expect(view({ myStatus: 'waiting', waitingPosition: 1 })).toMatchObject({ kind: 'waiting', position: 1, canCancel: true })
    const late = new Date('2026-11-27T19:00:00+08:00')
    expect(view({ myStatus: 'confirmed' }, late)).toEqual({ kind: 'confirmed', canCancel: false, note: '取消截止时间 11月27日 周五 18:00 已过，如需取消请联系组织者' })
    expect(view({ myStatus: 'waiting', waitingPosition: 3 }, late)).toMatchObject({ canCancel: false, position: 3 })
  })
})
