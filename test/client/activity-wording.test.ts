/** How events read on the 活动 tab and the detail page: places left, my status, Shanghai times, the next step. */
import type { ActivityDetail } from '@shared/contract'
import {
  allocationText,
  audienceText,
  dateTimeText,
  enteredText,
  isFull,
  lotteryBadgeText,
  myStatusText,
  placesText,
  timeRangeText,
} from '../../client/src/constants/activities'
import { canDrawNow, canEdit, signedUpToast, signUpViewOf } from '../../client/src/pages/activity/state'
import { contestBars, drawSummaryText } from '../../client/src/pages/activity/lottery'
import { activityDetail } from '../support/client/activity'

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

  it('in a lottery: 已报名抽签 before the draw, then 中签 or 未中签 with the place on the waitlist', () => {
    expect(myStatusText('entered')).toBe('已报名抽签')
    expect(myStatusText('confirmed', null, true)).toBe('中签')
    expect(myStatusText('waiting', 3, true)).toBe('未中签，候补第 3 位')
    // Cards do not carry the position.
    expect(myStatusText('waiting', null, true)).toBe('未中签，候补中')
  })

  it('a lottery before its draw has places to give, not places left', () => {
    expect(placesText({ capacity: 10, confirmedCount: 0, allocation: 'lottery', drawnAt: null })).toBe('10 个名额，抽签决定')
    expect(isFull({ capacity: 10, confirmedCount: 0, allocation: 'lottery', drawnAt: null })).toBe(false)
    // Drawn: counted like any other event.
    expect(placesText({ capacity: 10, confirmedCount: 10, waitlist: true, allocation: 'lottery', drawnAt: '2026-11-27T20:00:00+08:00' })).toBe('已满，可排队')
  })

  it('counts who is in a lottery before its draw', () => {
    expect(enteredText(12)).toBe('已有 12 人报名抽签')
    expect(enteredText(0)).toBe('还没有人报名抽签')
    // Not a lottery, or drawn: not counted.
    expect(enteredText(null)).toBeNull()
  })
})

describe('how places are given', () => {
  const now = new Date('2026-11-21T12:00:00+08:00')
  it('explains 先到先得 and 抽签 with its time and places', () => {
    expect(allocationText({ allocation: 'fcfs', drawAt: null, drawnAt: null, capacity: 20, waitlist: true }, now)).toBe('先到先得，报满后可排队候补')
    expect(allocationText({ allocation: 'fcfs', drawAt: null, drawnAt: null, capacity: 20, waitlist: false }, now)).toBe('先到先得，报满即止')
    expect(allocationText({ allocation: 'fcfs', drawAt: null, drawnAt: null, capacity: null }, now)).toBe('先到先得，不限名额')
    expect(allocationText({ allocation: 'lottery', drawAt: '2026-11-27T20:00:00+08:00', drawnAt: null, capacity: 30 }, now)).toBe(
      '抽签：11月27日 周五 20:00 抽签，名额 30 个',
    )
    expect(allocationText({ allocation: 'lottery', drawAt: '2026-11-27T20:00:00+08:00', drawnAt: '2026-11-27T20:03:00+08:00', capacity: 30 }, now)).toBe(
      '抽签：已于 11月27日 周五 20:03 抽签，名额 30 个',
    )
  })

  it('badges a lottery card with its draw time, or that it is drawn', () => {
    expect(lotteryBadgeText({ allocation: 'fcfs', drawAt: null, drawnAt: null }, now)).toBeNull()
    expect(lotteryBadgeText({ allocation: 'lottery', drawAt: '2026-11-27T20:00:00+08:00', drawnAt: null }, now)).toBe('11月27日 周五 20:00 抽签')
    expect(lotteryBadgeText({ allocation: 'lottery', drawAt: '2026-11-27T20:00:00+08:00', drawnAt: '2026-11-27T20:01:00+08:00' }, now)).toBe('已抽签')
  })

  it('sums up a draw and scales the 结对竞赛 bars to the leading team', () => {
    expect(drawSummaryText({ entrants: 32, places: 10, winners: Array(10).fill({ name: '', department: '' }), waitlisted: 22 })).toBe(
      '32 人报名抽签，10 个名额：10 人中签，22 人候补',
    )
    expect(drawSummaryText({ entrants: 3, places: 10, winners: Array(3).fill({ name: '', department: '' }), waitlisted: 0 })).toBe(
      '3 人报名抽签，10 个名额：3 人中签',
    )
    expect(drawSummaryText({ entrants: 0, places: 10, winners: [], waitlisted: 0 })).toBe('10 个名额，没有人报名抽签')
    const bars = contestBars({
      kind: 'department',
      teams: [
        { id: 'd1', name: '财务科', signedUp: 8, checkedIn: 6 },
        { id: 'd2', name: '信息中心', signedUp: 4, checkedIn: 1 },
        { id: 'd3', name: '', signedUp: 0, checkedIn: 0 },
      ],
    })
    expect(bars.map((b) => [b.name, b.signedPercent, b.checkedPercent])).toEqual([
      ['财务科', 100, 75],
      ['信息中心', 50, 13],
      ['未知队伍', 0, 0],
    ])
    expect(contestBars({ kind: 'group', teams: [{ id: 'g1', name: '羽毛球', signedUp: 0, checkedIn: 0 }] })[0].signedPercent).toBe(0)
  })
})

describe('times in Shanghai, whatever the phone’s zone', () => {
  const now = new Date('2026-11-21T12:00:00Z')
  it('shows day, weekday and time; the year only when it is not this year', () => {
    expect(dateTimeText('2026-11-28T00:30:00Z', now)).toBe('11月28日 周六 08:30')
    expect(dateTimeText('2026-11-27T16:30:00Z', now)).toBe('11月28日 周六 00:30')
    expect(dateTimeText('2027-01-02T09:00:00+08:00', now)).toBe('2027年1月2日 周六 09:00')
    expect(timeRangeText('2026-11-28T08:30:00+08:00', '2026-11-28T11:30:00+08:00', now)).toBe('11月28日 周六 08:30—11:30')
    expect(timeRangeText('2026-11-28T08:30:00+08:00', '2026-11-29T17:00:00+08:00', now)).toBe('11月28日 08:30—11月29日 17:00')
  })

  it('says who may take part', () => {
    const names = new Map([['d2', '财务科']])
    expect(audienceText({ kind: 'all' })).toBe('全体会员')
    expect(audienceText({ kind: 'departments', departmentIds: ['d2'] }, (id) => names.get(id))).toBe('财务科的会员')
    expect(audienceText({ kind: 'departments', departmentIds: ['d2', 'd9'] }, (id) => names.get(id))).toBe('2 个部门的会员')
    expect(audienceText({ kind: 'rule', genders: ['女'], departmentIds: [], statuses: [] })).toBe('仅女职工')
    expect(audienceText({ kind: 'group', groupId: 'g1' })).toBe('本兴趣小组成员')
    expect(audienceText({ kind: 'group', groupId: 'g1' }, undefined, '羽毛球')).toBe('「羽毛球」兴趣小组成员')
  })
})

describe('the action area of the detail page', () => {
  const now = new Date('2026-11-21T12:00:00+08:00')
  const base = activityDetail({
    startAt: '2026-11-28T08:30:00+08:00',
    endAt: '2026-11-28T11:30:00+08:00',
    capacity: 2,
    signUpOpensAt: '2026-11-20T09:00:00+08:00',
    signUpClosesAt: '2026-11-27T18:00:00+08:00',
    cancelDeadline: '2026-11-27T18:00:00+08:00',
  })
  const view = (over: Partial<ActivityDetail>, at = now) => signUpViewOf({ ...base, ...over }, at)

  it('offers 报名 straight away, through the form when there are questions, or to queue when full', () => {
    expect(view({})).toMatchObject({ kind: 'open', label: '我要报名', form: false, note: '报名截止：11月27日 周五 18:00' })
    expect(view({ fields: [{ key: 'size', label: '尺码', type: 'single', required: true, options: ['M', 'L'] }] })).toMatchObject({
      kind: 'open',
      form: true,
      label: '填写报名信息',
    })
    expect(view({ confirmedCount: 2 })).toMatchObject({ kind: 'open', label: '名额已满，排队报名' })
    expect(view({ confirmedCount: 2, waitlist: false })).toEqual({ kind: 'blocked', reason: '名额已满' })
  })

  it('gives the server’s reason when sign-up is not possible', () => {
    expect(view({ signUpBlockedReason: '本活动只面向女职工' })).toEqual({ kind: 'blocked', reason: '本活动只面向女职工' })
  })

  it('confirmed or waiting: cancelling until the deadline, then the deadline shown', () => {
    expect(view({ myStatus: 'confirmed' })).toEqual({ kind: 'confirmed', status: '已报名', canCancel: true, note: '11月27日 周五 18:00 前可以取消' })
    expect(view({ myStatus: 'waiting', waitingPosition: 1 })).toMatchObject({ kind: 'waiting', status: '排队第 1 位', position: 1, canCancel: true })
    const late = new Date('2026-11-27T19:00:00+08:00')
    expect(view({ myStatus: 'confirmed' }, late)).toEqual({
      kind: 'confirmed',
      status: '已报名',
      canCancel: false,
      note: '取消截止时间 11月27日 周五 18:00 已过，如需取消请联系组织者',
    })
    expect(view({ myStatus: 'waiting', waitingPosition: 3 }, late)).toMatchObject({ canCancel: false, position: 3 })
  })

  it('checked in: 已签到 with the time, no cancelling even before the deadline', () => {
    expect(view({ myStatus: 'confirmed', checkedInAt: '2026-11-28T08:41:00+08:00' })).toEqual({
      kind: 'checked-in',
      status: '已签到',
      note: '11月28日 周六 08:41 签到，出勤已记录',
    })
  })

  describe('a lottery', () => {
    const lottery: Partial<ActivityDetail> = {
      allocation: 'lottery',
      capacity: 10,
      drawAt: '2026-11-27T20:00:00+08:00',
      signUpClosesAt: '2026-11-27T18:00:00+08:00',
      cancelDeadline: '2026-11-28T08:00:00+08:00',
    }

    it('offers 报名参加抽签 with the draw time and the places', () => {
      expect(view(lottery)).toEqual({
        kind: 'open',
        label: '报名参加抽签',
        form: false,
        note: '报名截止：11月27日 周五 18:00；11月27日 周五 20:00 抽签，10 个名额；今年抽签落选过的会员优先中签',
      })
      expect(view({ ...lottery, fields: [{ key: 'size', label: '尺码', type: 'single', required: true, options: ['M', 'L'] }] })).toMatchObject({
        label: '报名参加抽签',
        form: true,
      })
    })

    it('entered: 退出抽签 until the draw time, then waiting for the result', () => {
      expect(view({ ...lottery, myStatus: 'entered' })).toEqual({
        kind: 'entered',
        status: '已报名抽签',
        canCancel: true,
        note: '11月27日 周五 20:00 抽签，结果会通知您；抽签前可以退出抽签',
      })
      expect(view({ ...lottery, myStatus: 'entered' }, new Date('2026-11-27T20:00:00+08:00'))).toEqual({
        kind: 'entered',
        status: '已报名抽签',
        canCancel: false,
        note: '抽签时间已到，正在等待抽签结果，出结果后会通知您',
      })
      // A cancel deadline before the draw ends withdrawing earlier.
      expect(view({ ...lottery, myStatus: 'entered', cancelDeadline: '2026-11-21T10:00:00+08:00' })).toMatchObject({ canCancel: false })
    })

    it('drawn: 中签, or 未中签 with the place on the waitlist', () => {
      const drawn = { ...lottery, drawnAt: '2026-11-27T20:01:00+08:00', confirmedCount: 10 }
      expect(view({ ...drawn, myStatus: 'confirmed' })).toMatchObject({ kind: 'confirmed', status: '中签', canCancel: true })
      expect(view({ ...drawn, myStatus: 'waiting', waitingPosition: 4 })).toMatchObject({ kind: 'waiting', status: '未中签，候补第 4 位', position: 4 })
    })

    it('says what signing up gave, and lets the organizer draw once the time has come', () => {
      expect(signedUpToast({ status: 'entered', waitingPosition: null })).toEqual({ title: '已报名抽签，抽签后通知您', icon: 'none' })
      expect(signedUpToast({ status: 'confirmed', waitingPosition: null })).toEqual({ title: '报名成功', icon: 'success' })
      expect(signedUpToast({ status: 'waiting', waitingPosition: 2 })).toEqual({ title: '已进入排队，第 2 位', icon: 'none' })
      const organizer = { ...base, ...lottery, canManage: true }
      expect(canDrawNow(organizer, now)).toBe(false)
      expect(canDrawNow(organizer, new Date('2026-11-27T20:00:00+08:00'))).toBe(true)
      expect(canDrawNow({ ...organizer, drawnAt: '2026-11-27T20:01:00+08:00' }, new Date('2026-11-27T21:00:00+08:00'))).toBe(false)
      expect(canDrawNow({ ...organizer, canManage: false }, new Date('2026-11-27T20:00:00+08:00'))).toBe(false)
      expect(canEdit(organizer, now)).toBe(true)
      expect(canEdit(organizer, new Date('2026-11-28T12:00:00+08:00'))).toBe(false)
      expect(canEdit({ ...organizer, canManage: false }, now)).toBe(false)
      // A cancelled event, known by its status whatever the sign-up reason says.
      const cancelled = { ...organizer, status: 'cancelled' as const, signUpBlockedReason: '报名已截止' }
      expect(canEdit(cancelled, now)).toBe(false)
      expect(canDrawNow(cancelled, new Date('2026-11-27T20:00:00+08:00'))).toBe(false)
    })
  })
})
