/**
 * How benefit vouchers read to members and clerks: states, money, windows, where and when a gift was
 * collected. Pure functions of the contract's views (and `now`), shared by 福利, 出示券码, the
 * redeemer's and the admin's pages.
 */
import type { OptionView, PointView, VoucherView } from '@shared/contract'
import { BENEFIT_KIND_LABELS, type BenefitKind, type VoucherState } from '@shared/domain/benefits'
import { yuanText } from '@shared/domain/money'
import { dateTimeText, periodText } from '@shared/domain/time'

export { BENEFIT_KIND_LABELS }

/** The order the 福利 tab lists vouchers in: what needs the member first. */
export const STATE_ORDER: readonly VoucherState[] = ['choose', 'ready', 'upcoming', 'used', 'expired']

export const STATE_LABELS: Readonly<Record<VoucherState, string>> = {
  choose: '待选择',
  ready: '可使用',
  upcoming: '未开始',
  used: '已使用',
  expired: '已过期',
}

export const kindLabel = (kind: BenefitKind): string => BENEFIT_KIND_LABELS[kind] ?? '福利'

/** 分 → 「1,200.00 元」 (the shared money style). */
export { yuanText }

/** A moment in the house style, 「9月28日 周一 10:15」 (shared/domain/time.ts), against the phone's now. */
export const whenText = (at: string | number | Date, now: Date = new Date()): string => dateTimeText(at, now)

/** 「9月20日—10月8日」 for whole days, else with times. */
export const redeemWindowText = (v: Pick<VoucherView, 'redeemFrom' | 'redeemUntil'>, now: Date = new Date()): string =>
  periodText(v.redeemFrom, v.redeemUntil, now)

/** 「后勤服务中心（行政楼一层）、好利来（人民路店）」. */
export const pointsText = (points: readonly PointView[]): string => points.map((p) => (p.address ? `${p.name}（${p.address}）` : p.name)).join('、')

/** 「剩 12 份」/「不限」/「售罄」. */
export function remainingText(o: Pick<OptionView, 'remaining'>): string {
  if (o.remaining === null) return '不限'
  return o.remaining > 0 ? `剩 ${o.remaining} 份` : '售罄'
}

/** An option the member cannot pick now (sold out), unless it is the one already held. */
export const isSoldOut = (o: Pick<OptionView, 'remaining'>): boolean => o.remaining !== null && o.remaining <= 0

/** 「9月28日 周一 10:15 在 后勤服务中心 领取」, with 「（代领）」 when the office recorded it for the member. */
export function usedText(redeemed: NonNullable<VoucherView['redeemed']>, now: Date = new Date()): string {
  return `${whenText(redeemed.at, now)} 在 ${redeemed.pointName} 领取${redeemed.proxy ? '（代领）' : ''}`
}

/** Several options and the choosing window still open: the member may (re)choose. */
export function canChoose(v: Pick<VoucherView, 'state' | 'options' | 'claimClosesAt'>, now: Date = new Date()): boolean {
  if (v.state !== 'choose' && v.state !== 'ready' && v.state !== 'upcoming') return false
  if (v.options.length < 2) return false
  return now.getTime() <= new Date(v.claimClosesAt).getTime()
}

/** Vouchers by state, in STATE_ORDER, leaving out states with none. */
export function groupByState(vouchers: readonly VoucherView[]): Array<{ state: VoucherState; vouchers: VoucherView[] }> {
  return STATE_ORDER.map((state) => ({ state, vouchers: vouchers.filter((v) => v.state === state) })).filter((g) => g.vouchers.length > 0)
}

/** One line under the voucher's name telling the member what to do next. */
export function nextStepText(v: VoucherView, now: Date = new Date()): string {
  switch (v.state) {
    case 'choose':
      return `请在 ${whenText(v.claimClosesAt, now)} 前选择礼品`
    case 'ready':
      return '到兑换点出示券码即可领取'
    case 'upcoming':
      return `${whenText(v.redeemFrom, now)} 起可以兑换`
    case 'used':
      return v.redeemed ? usedText(v.redeemed, now) : '已领取'
    case 'expired':
      return !v.optionId && v.options.length > 1 && now.getTime() > new Date(v.claimClosesAt).getTime() && now.getTime() <= new Date(v.redeemUntil).getTime()
        ? '选择时间已过，没有选择礼品'
        : `已于 ${whenText(v.redeemUntil, now)} 过期`
  }
}

/** 「123 456」, as the code screens show the six digits. */
export { spacedCode } from '../../components/RotatingCode/code-text'
