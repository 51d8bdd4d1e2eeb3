/**
 * How an event's times fit together, and what changed when it is edited: pure rules the posting
 * and editing actions share (and the organizer's form can show before sending).
 */
import { dateTimeText, timeRangeText } from './time'

export type Allocation = 'fcfs' | 'lottery'

export interface Schedule {
  readonly startAt: Date
  readonly endAt: Date
  readonly signUpOpensAt: Date
  readonly signUpClosesAt: Date
  readonly cancelDeadline: Date
  readonly allocation: Allocation
  /** 抽签时间, for a lottery: after sign-up closes, before the start. */
  readonly drawAt: Date | null
  readonly capacity: number | null
}

export interface ScheduleProblem {
  readonly field: keyof Schedule
  readonly message: string
}

/** The first thing wrong with the times (and a lottery's needs), or null. */
export function scheduleProblem(s: Schedule): ScheduleProblem | null {
  if (s.endAt <= s.startAt) return { field: 'endAt', message: '结束时间要晚于开始时间' }
  if (s.signUpClosesAt <= s.signUpOpensAt) return { field: 'signUpClosesAt', message: '报名截止时间要晚于报名开始时间' }
  if (s.signUpClosesAt > s.startAt) return { field: 'signUpClosesAt', message: '报名截止时间不能晚于活动开始时间' }
  if (s.cancelDeadline > s.startAt) return { field: 'cancelDeadline', message: '取消截止时间不能晚于活动开始时间' }
  if (s.allocation === 'lottery') {
    if (s.capacity === null) return { field: 'capacity', message: '抽签活动需要设定名额' }
    if (!s.drawAt) return { field: 'drawAt', message: '请设定抽签时间' }
    if (s.drawAt < s.signUpClosesAt) return { field: 'drawAt', message: '抽签时间不能早于报名截止时间' }
    if (s.drawAt > s.startAt) return { field: 'drawAt', message: '抽签时间不能晚于活动开始时间' }
  }
  return null
}

export interface NoticeFields {
  readonly title: string
  readonly place: string
  readonly startAt: Date
  readonly endAt: Date
  readonly cancelDeadline: Date
  readonly drawAt?: Date | null
}

/** What a signed-up member needs to hear after an edit, in one line; null when nothing they rely on changed. */
export function changeNotice(before: NoticeFields, after: NoticeFields, now: Date): string | null {
  const parts: string[] = []
  const same = (a: Date | null | undefined, b: Date | null | undefined) => (a?.getTime() ?? null) === (b?.getTime() ?? null)
  if (before.title !== after.title) parts.push(`活动名称改为「${after.title}」`)
  if (!same(before.startAt, after.startAt) || !same(before.endAt, after.endAt)) parts.push(`时间改为 ${timeRangeText(after.startAt, after.endAt, now)}`)
  if (before.place !== after.place) parts.push(`地点改为 ${after.place}`)
  if (!same(before.cancelDeadline, after.cancelDeadline)) parts.push(`取消报名截止时间改为 ${dateTimeText(after.cancelDeadline, now)}`)
  if (after.drawAt && !same(before.drawAt, after.drawAt)) parts.push(`抽签时间改为 ${dateTimeText(after.drawAt, now)}`)
  return parts.length ? `${parts.join('；')}。` : null
}
