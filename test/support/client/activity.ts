import type { ActivityDetail } from '@shared/contract'
import { at, DAY, HOUR } from '../time'

/**
 * activity.get's answer for a plain event: a union-wide 重阳登山 a week ahead, first come first
 * served, sign-up open since yesterday, nothing asked, no cover, no contest, the caller not signed up.
 * Tests name what their case is about.
 */
export const activityDetail = (over: Partial<ActivityDetail> = {}): ActivityDetail => ({
  id: 'a1',
  title: '重阳登山',
  type: '登山',
  place: '凤凰山北门',
  startAt: at(7 * DAY),
  endAt: at(7 * DAY + 3 * HOUR),
  capacity: 20,
  confirmedCount: 0,
  organizer: '工会',
  myStatus: null,
  description: '',
  signUpOpensAt: at(-DAY),
  signUpClosesAt: at(6 * DAY),
  cancelDeadline: at(6 * DAY),
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
  scope: { kind: 'union' },
  status: 'open',
  enteredCount: null,
  checkedInAt: null,
  ...over,
})

const CONCERT: Partial<ActivityDetail> = { id: 'l1', title: '新年音乐会', type: '观演', place: '市音乐厅', capacity: 30 }

/** 新年音乐会 a week ahead, its 30 places given by lottery: sign-up open, drawn a day before it starts. */
export const lotteryDetail = (over: Partial<ActivityDetail> = {}): ActivityDetail =>
  activityDetail({ ...CONCERT, endAt: at(7 * DAY + 2 * HOUR), signUpClosesAt: at(5 * DAY), allocation: 'lottery', drawAt: at(5 * DAY + 2 * HOUR), ...over })

/** A 结对竞赛 between departments as the detail shows it, each team as [id, name, signed up, checked in]. */
export const departmentContest = (...teams: [string, string, number, number][]): ActivityDetail['contest'] => ({
  kind: 'department',
  teams: teams.map(([id, name, signedUp, checkedIn]) => ({ id, name, signedUp, checkedIn })),
})
