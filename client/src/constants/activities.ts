/**
 * How events read to members: times in Shanghai, places left, my sign-up state, who it is for.
 * Pure functions of the contract's views (and `now`), shared by the 活动 pages and the organizer tools.
 */
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import type { ActivityCard, ActivityDetail, MeView } from '@shared/contract'
import type { Audience } from '@shared/domain/activity'

dayjs.extend(utc)

/**
 * Shanghai keeps +08:00 all year (no summer time), so a fixed offset shows union time on any phone
 * without the Intl time-zone data some WeChat runtimes lack.
 */
export const SHANGHAI_OFFSET_MINUTES = 480
export const SHANGHAI_OFFSET = '+08:00'

export const inShanghai = (at: string | number | Date) => dayjs(at).utcOffset(SHANGHAI_OFFSET_MINUTES)

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const

/** 「11月28日 周六」, with the year in front when it is not this year (in Shanghai). */
export function dayText(at: string | number | Date, now: Date = new Date()): string {
  const d = inShanghai(at)
  const year = d.year() === inShanghai(now).year() ? '' : `${d.year()}年`
  return `${year}${d.month() + 1}月${d.date()}日 ${WEEKDAYS[d.day()]}`
}

/** 「11月28日 周六 08:30」 */
export const dateTimeText = (at: string | number | Date, now: Date = new Date()): string => `${dayText(at, now)} ${inShanghai(at).format('HH:mm')}`

/** 「11月28日 周六 08:30–11:30」 on one day, else both ends in full. */
export function timeRangeText(startAt: string, endAt: string, now: Date = new Date()): string {
  const s = inShanghai(startAt)
  const e = inShanghai(endAt)
  if (s.format('YYYY-MM-DD') === e.format('YYYY-MM-DD')) return `${dateTimeText(startAt, now)}–${e.format('HH:mm')}`
  return `${dateTimeText(startAt, now)} 至 ${dateTimeText(endAt, now)}`
}

type Places = Pick<ActivityCard, 'capacity' | 'confirmedCount'> & { readonly waitlist?: boolean }

/**
 * 「剩 3 个名额」/「已满，可排队」/「名额已满」/「不限名额」. `waitlist` unknown (list cards do not
 * carry it) reads as 「名额已满」 without promising a place in line.
 */
export function placesText(a: Places): string {
  if (a.capacity === null) return '不限名额'
  const left = a.capacity - a.confirmedCount
  if (left > 0) return `剩 ${left} 个名额`
  return a.waitlist ? '已满，可排队' : '名额已满'
}

export const isFull = (a: Places): boolean => a.capacity !== null && a.confirmedCount >= a.capacity

/** The tag on a card or the detail page for the caller's own sign-up, or null for none. */
export function myStatusText(status: ActivityCard['myStatus'], waitingPosition: number | null = null): string | null {
  if (status === 'confirmed') return '已报名'
  if (status === 'waiting') return waitingPosition ? `排队第 ${waitingPosition} 位` : '排队中'
  return null
}

/** Who may sign up, in words. Department names come from `member.departments` when known. */
export function audienceText(audience: Audience, departmentName: (id: string) => string | undefined = () => undefined): string {
  const names = (ids: readonly string[]) => {
    const known = ids.map(departmentName).filter((n): n is string => Boolean(n))
    return known.length === ids.length ? known.join('、') : `${ids.length} 个部门`
  }
  switch (audience.kind) {
    case 'all':
      return '全体会员'
    case 'departments':
      return `${names(audience.departmentIds)}的会员`
    case 'group':
      return '本兴趣小组成员'
    case 'rule': {
      const parts: string[] = []
      if (audience.departmentIds.length) parts.push(names(audience.departmentIds))
      if (audience.statuses.length) parts.push(audience.statuses.join('、'))
      if (audience.genders.length === 1) parts.push(audience.genders[0] === '女' ? '女职工' : '男职工')
      return parts.length ? `仅${parts.join(' · ')}` : '全体会员'
    }
  }
}

/** Answers as one line for the organizer: 「衣服尺码：L；项目：羽毛球、乒乓球」. */
export function answersText(fields: ActivityDetail['fields'], answers: ActivityDetail['prefill']): string {
  const label = new Map(fields.map((f) => [f.key, f.label]))
  return Object.entries(answers)
    .filter(([, v]) => v !== '' && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${label.get(k) ?? k}：${Array.isArray(v) ? v.join('、') : String(v)}`)
    .join('；')
}

/** Leaders (of a department or an interest group) and admins may post events. */
export const canPost = (me: MeView | undefined): boolean =>
  Boolean(me && (me.roles.includes('admin') || me.grants.some((g) => g.role === 'leader' && (g.scope?.kind === 'department' || g.scope?.kind === 'group'))))

/** Links carry ids encoded; pages read them back (h5 may hand them over still encoded). */
export const withActivityId = (route: string, id: string): string => `${route}?id=${encodeURIComponent(id)}`

export function activityIdParam(raw: string | undefined): string {
  if (!raw) return ''
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}
