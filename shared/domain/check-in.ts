/**
 * When a member can be checked in: attendance is a record of being there, so check-in belongs to
 * the event — it opens a while before the start (people arrive early) and closes when the event
 * ends. A check-in days before, or after the event, would count attendance that did not happen.
 */
import { dateTimeText } from './time'

/** How long before the start the organizer can begin checking people in. */
export const CHECK_IN_OPENS_MINUTES_BEFORE = 120

export interface CheckInTimes {
  readonly startAt: Date
  readonly endAt: Date
}

export interface CheckInWindow {
  readonly opensAt: Date
  readonly closesAt: Date
}

export function checkInWindow(e: CheckInTimes, minutesBefore = CHECK_IN_OPENS_MINUTES_BEFORE): CheckInWindow {
  return { opensAt: new Date(e.startAt.getTime() - minutesBefore * 60_000), closesAt: e.endAt }
}

export type CheckInPhase = 'not-yet' | 'open' | 'closed'

/** Where `at` falls: before the window, in it (both ends included), or after the event ended. */
export function checkInPhase(e: CheckInTimes, at: Date): CheckInPhase {
  const w = checkInWindow(e)
  if (at.getTime() < w.opensAt.getTime()) return 'not-yet'
  if (at.getTime() > w.closesAt.getTime()) return 'closed'
  return 'open'
}

export const isWithinCheckIn = (e: CheckInTimes, at: Date): boolean => checkInPhase(e, at) === 'open'

/** null while check-in is open, else why not, with the time (Shanghai) — the organizer reads it at the door. */
export function checkInRefusal(e: CheckInTimes, now: Date): string | null {
  const phase = checkInPhase(e, now)
  if (phase === 'not-yet') return `签到将于 ${dateTimeText(checkInWindow(e).opensAt, now)} 开始（活动开始前 ${CHECK_IN_OPENS_MINUTES_BEFORE / 60} 小时）`
  if (phase === 'closed') return `活动已于 ${dateTimeText(e.endAt, now)} 结束，签到已关闭`
  return null
}
