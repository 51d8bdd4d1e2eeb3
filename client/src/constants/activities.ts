/**
 * How events read to members: times in Shanghai, places left, my sign-up state, who it is for.
 * Pure functions of the contract's views (and `now`), shared by the 活动 pages and the organizer tools.
 */
import type { ActivityCard, ActivityDetail, MeView } from '@shared/contract'
import type { Audience } from '@shared/domain/activity'
import * as time from '@shared/domain/time'

// The one house date style lives in shared/domain/time.ts; these give it the phone's `now`.
export { inShanghai, SHANGHAI_OFFSET, SHANGHAI_OFFSET_MINUTES } from '@shared/domain/time'

/** 「11月28日 周六」, with the year in front when it is not this year (in Shanghai). */
export const dayText = (at: string | number | Date, now: Date = new Date()): string => time.dayText(at, now)

/** 「11月28日 周六 08:30」 */
export const dateTimeText = (at: string | number | Date, now: Date = new Date()): string => time.dateTimeText(at, now)

/** 「11月28日 周六 08:30—11:30」 on one day, 「11月28日 08:30—11月29日 17:00」 across days. */
export const timeRangeText = (startAt: string, endAt: string, now: Date = new Date()): string => time.timeRangeText(startAt, endAt, now)

type Places = Pick<ActivityCard, 'capacity' | 'confirmedCount'> & { readonly waitlist?: boolean } & Partial<Pick<ActivityCard, 'allocation' | 'drawnAt'>>

/** A lottery not drawn yet: places are not taken one by one, the draw gives them all at once. */
const awaitingDraw = (a: Places): boolean => a.allocation === 'lottery' && !a.drawnAt

/**
 * 「剩 3 个名额」/「已满，可排队」/「名额已满」/「不限名额」, or 「30 个名额，抽签决定」 before a
 * lottery's draw. `waitlist` unknown (list cards do not carry it) reads as 「名额已满」 without
 * promising a place in line.
 */
export function placesText(a: Places): string {
  if (a.capacity === null) return '不限名额'
  if (awaitingDraw(a)) return `${a.capacity} 个名额，抽签决定`
  const left = a.capacity - a.confirmedCount
  if (left > 0) return `剩 ${left} 个名额`
  return a.waitlist ? '已满，可排队' : '名额已满'
}

export const isFull = (a: Places): boolean => a.capacity !== null && !awaitingDraw(a) && a.confirmedCount >= a.capacity

/** How many are in a lottery before its draw: 「已有 12 人报名抽签」, 「还没有人报名抽签」; null when not counted. */
export function enteredText(enteredCount: number | null): string | null {
  if (enteredCount === null) return null
  return enteredCount > 0 ? `已有 ${enteredCount} 人报名抽签` : '还没有人报名抽签'
}

/** A lottery that has been drawn: its places were given by the draw, its waitlist is 候补. */
export const isDrawnLottery = (a: Pick<ActivityCard, 'allocation' | 'drawnAt'>): boolean => a.allocation === 'lottery' && a.drawnAt !== null

/**
 * The tag on a card or the detail page for the caller's own sign-up, or null for none. In a
 * lottery: 已报名抽签 before the draw, then 中签 or 未中签，候补第 N 位.
 */
export function myStatusText(status: ActivityCard['myStatus'], waitingPosition: number | null = null, drawnLottery = false): string | null {
  if (status === 'entered') return '已报名抽签'
  if (status === 'confirmed') return drawnLottery ? '中签' : '已报名'
  if (status === 'waiting') {
    if (drawnLottery) return waitingPosition ? `未中签，候补第 ${waitingPosition} 位` : '未中签，候补中'
    return waitingPosition ? `排队第 ${waitingPosition} 位` : '排队中'
  }
  return null
}

/** How places are given, in one line: 「先到先得」 or 「抽签：11月27日 周五 20:00 抽签，名额 30 个」. */
export function allocationText(
  a: Pick<ActivityCard, 'allocation' | 'drawAt' | 'drawnAt' | 'capacity'> & { readonly waitlist?: boolean },
  now: Date = new Date(),
): string {
  if (a.allocation !== 'lottery') {
    if (a.capacity === null) return '先到先得，不限名额'
    return a.waitlist === false ? '先到先得，报满即止' : '先到先得，报满后可排队候补'
  }
  const places = a.capacity === null ? '' : `，名额 ${a.capacity} 个`
  if (a.drawnAt) return `抽签：已于 ${dateTimeText(a.drawnAt, now)} 抽签${places}`
  return `抽签：${a.drawAt ? `${dateTimeText(a.drawAt, now)} 抽签` : '抽签时间待定'}${places}`
}

/** The 抽签 badge's words on a card: when it will be drawn, or that it has been. */
export function lotteryBadgeText(a: Pick<ActivityCard, 'allocation' | 'drawAt' | 'drawnAt'>, now: Date = new Date()): string | null {
  if (a.allocation !== 'lottery') return null
  if (a.drawnAt) return '已抽签'
  return a.drawAt ? `${dateTimeText(a.drawAt, now)} 抽签` : '抽签'
}

/**
 * Who may sign up, in words. Department names come from `member.departments` when known; a group
 * event names its group when the detail carries it (`groupName`).
 */
export function audienceText(
  audience: Audience,
  departmentName: (id: string) => string | undefined = () => undefined,
  groupName: string | null = null,
): string {
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
      return groupName ? `「${groupName}」兴趣小组成员` : '本兴趣小组成员'
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

export { withId, idParam } from './routes'
