/**
 * Benefit rules as pure functions: what a voucher's state is for its holder, who is eligible for a
 * campaign, and the caps a campaign's face value must respect.
 */
import type { MemberStatus } from './roster'
import { formatMoney } from './money'
import { dateTimeText, inShanghai } from './time'

export const BENEFIT_KINDS = ['cake', 'holiday', 'other'] as const
export type BenefitKind = (typeof BENEFIT_KINDS)[number]
export const BENEFIT_KIND_LABELS: Readonly<Record<BenefitKind, string>> = { cake: '蛋糕券', holiday: '节日慰问品', other: '其他福利' }

/** 生日慰问品 ≤ 300 元 (seed 004, 五要贺). */
export const CAKE_CAP_FEN = 30_000
/** 节日慰问品: all of a member's holiday gifts in one calendar year together (the national rule for 基层工会经费). */
export const HOLIDAY_YEAR_CAP_FEN = 200_000

/** null when the face value is allowed, else why not, with both numbers. */
export function faceValueProblem(kind: BenefitKind, faceValue: number, holidayTotalThisYear: number): string | null {
  if (!Number.isSafeInteger(faceValue) || faceValue <= 0) return '面值要大于 0'
  if (kind === 'cake' && faceValue > CAKE_CAP_FEN) return `生日蛋糕券面值不能超过 ${formatMoney(CAKE_CAP_FEN)} 元（填写的是 ${formatMoney(faceValue)} 元）`
  if (kind === 'holiday' && holidayTotalThisYear + faceValue > HOLIDAY_YEAR_CAP_FEN) {
    return `全年节日慰问品合计不能超过 ${formatMoney(HOLIDAY_YEAR_CAP_FEN)} 元：本年已发 ${formatMoney(holidayTotalThisYear)} 元，最多还能发 ${formatMoney(Math.max(0, HOLIDAY_YEAR_CAP_FEN - holidayTotalThisYear))} 元`
  }
  return null
}

export interface Eligibility {
  /** Whose membership status qualifies (在职 always; 退休 when the campaign includes retirees). */
  readonly includeRetired: boolean
  /** Empty means every department. */
  readonly departmentIds: readonly string[]
}

export const isEligible = (e: Eligibility, m: { readonly status: MemberStatus; readonly departmentId: string }): boolean =>
  (m.status === '在职' || (m.status === '退休' && e.includeRetired)) && (e.departmentIds.length === 0 || e.departmentIds.includes(m.departmentId))

export type VoucherState = 'choose' | 'ready' | 'used' | 'expired' | 'upcoming'

export interface VoucherFacts {
  readonly status: 'issued' | 'redeemed'
  readonly needsChoice: boolean
  readonly optionId: string | null
  readonly claimClosesAt: Date
  readonly redeemFrom: Date
  readonly redeemUntil: Date
}

/** How the holder sees a voucher now: still to choose a gift, ready to show, used, or expired. */
export function voucherState(v: VoucherFacts, now: Date): VoucherState {
  if (v.status === 'redeemed') return 'used'
  if (now > v.redeemUntil) return 'expired'
  if (v.needsChoice && !v.optionId) return now > v.claimClosesAt ? 'expired' : 'choose'
  if (now < v.redeemFrom) return 'upcoming'
  return 'ready'
}

/** Why a voucher cannot be redeemed now (the holder's screen and the redeemer's refusal), or null. */
export function redeemRefusal(v: VoucherFacts, now: Date): string | null {
  if (v.status === 'redeemed') return '该券已使用'
  if (now > v.redeemUntil) return `该券已于 ${dateTimeText(v.redeemUntil, now)} 过期`
  if (now < v.redeemFrom) return `该券 ${dateTimeText(v.redeemFrom, now)} 起才能使用`
  if (v.needsChoice && !v.optionId) return '还没有选择礼品，请先在「福利」里选择'
  return null
}

/** 王芳 → 王*芳, 欧阳娜娜 → 欧**娜, 李娜 → 李*: enough for a clerk to match a face, not a roster. */
export function maskName(name: string): string {
  const chars = [...name]
  if (chars.length <= 1) return name
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}

export interface VoucherWindow {
  readonly claimClosesAt: Date
  readonly redeemFrom: Date
  readonly redeemUntil: Date
}

/**
 * A birthday cake voucher is the member's for their birthday: usable from the month it is issued
 * (the birth month, or later for a member who joined after it) to the end of the following month,
 * never outside the campaign's own window — not a voucher valid all year for everyone at once.
 */
export function birthdayVoucherWindow(campaign: VoucherWindow, issuedAt: Date): VoucherWindow {
  const month = inShanghai(issuedAt).startOf('month')
  const from = new Date(Math.max(campaign.redeemFrom.getTime(), month.toDate().getTime()))
  const until = new Date(Math.min(campaign.redeemUntil.getTime(), month.add(2, 'month').toDate().getTime() - 1000))
  return { redeemFrom: from, redeemUntil: until, claimClosesAt: new Date(Math.min(campaign.claimClosesAt.getTime(), until.getTime())) }
}

/**
 * The voucher-code screen asks for a fresh code — and with it the voucher's state — this often: two
 * calls a minute. The code lives 60 s, so the one on screen always has at least 30 s left for a
 * clerk to scan or type it; a longer period (say 50 s) would save a call but leave a clerk typing
 * the digits 10 s, and show 已使用 up to 50 s after the confirmation instead of 30 s.
 */
export const VOUCHER_CODE_REFRESH_SECONDS = 30
