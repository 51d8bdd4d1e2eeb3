/**
 * How 首页's items read: where I stand in an event, what a voucher wants of me and by when, how a
 * request of mine stands. Pure functions of member.home's items and `now`, tested without a page.
 */
import type { HomeActivity, HomeRequest, HomeVoucher } from '@shared/contract'
import { dateTimeText, isDrawnLottery, myStatusText, timeRangeText } from '../../constants/activities'

const DAY_MS = 24 * 3600_000
/** A voucher this close to its end is flagged (as the 券到期前 3 天 reminder says). */
export const EXPIRING_WITHIN_MS = 3 * DAY_MS

/** 「已报名」「排队第 2 位」「已报名抽签」「中签」「未中签，候补第 1 位」. */
export const activityStatusText = (a: HomeActivity): string => myStatusText(a.myStatus, a.waitingPosition, isDrawnLottery(a)) ?? ''

/** The line under an event: when, where, and for a lottery not yet drawn, when the draw is. */
export function activityLine(a: HomeActivity, now: Date = new Date()): string {
  const when = `${timeRangeText(a.startAt, a.endAt, now)}\n${a.place}`
  if (a.myStatus === 'entered' && a.drawAt) return `${when}\n${dateTimeText(a.drawAt, now)} 抽签`
  return when
}

export const isExpiringSoon = (v: HomeVoucher, now: Date = new Date()): boolean =>
  v.state === 'ready' && new Date(v.redeemUntil).getTime() - now.getTime() <= EXPIRING_WITHIN_MS

/** A gift: 「请在 12月11日 周五 17:00 前选择」; a voucher: 「12月31日 周四 23:59 前使用」. */
export function voucherLine(v: HomeVoucher, now: Date = new Date()): string {
  if (v.state === 'choose') return `请在 ${dateTimeText(v.claimClosesAt, now)} 前选择礼品`
  return `${v.optionName ? `${v.optionName} · ` : ''}${dateTimeText(v.redeemUntil, now)} 前使用`
}

/** Whose request: mine, or the colleague's I reported. */
export const requestWho = (r: HomeRequest): string => (r.forName ? `为${r.forName}申报` : '本人申请')
