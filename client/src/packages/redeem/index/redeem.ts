/**
 * The clerk's side of a redemption, as pure steps: which point, the typed code, one requestId per
 * confirmation (reused on a retry, so a retry never redeems twice), what the answer means, and the
 * 对账 range and totals.
 */
import { newRequestId } from '@shared/domain/request-id'
import type { PointView, Redemption } from '@shared/contract'
import { ActionError } from '../../../services/cloud'
import { formatShanghai } from '@shared/domain/time'
import { whenText } from '../../../pages/benefits/view'

/** Storage key of the point the clerk served last (one phone usually stays at one counter). */
export const POINT_STORAGE_KEY = 'redeem.pointId'

/** The point remembered if the clerk still serves it, else the first one, else none. */
export function pickPoint(points: readonly PointView[], remembered: unknown): string {
  if (typeof remembered === 'string' && points.some((p) => p.id === remembered)) return remembered
  return points[0]?.id ?? ''
}

export { typedCode } from '../../../components/CodeEntry/typed-code'

/** A requestId the contract accepts: the project's one request-id maker. */
export { newRequestId }

/** One confirmation of one previewed voucher: its ticket and the requestId every try of it sends. */
export interface RedeemAttempt {
  readonly ticket: string
  readonly requestId: string
}

/** The attempt for a ticket: the same one again while it is for the same ticket, else a fresh requestId. */
export function attemptFor(ticket: string, previous?: RedeemAttempt, makeId: () => string = () => newRequestId()): RedeemAttempt {
  if (previous && previous.ticket === ticket) return previous
  return { ticket, requestId: makeId() }
}

export type RedeemOutcome =
  | { readonly kind: 'done'; readonly redemption: Redemption }
  /** The server said no (already used, expired, wrong point…): its sentence, shown large. */
  | { readonly kind: 'refused'; readonly code: string; readonly message: string }
  /** No answer, so nobody knows whether it went through: try again with the same attempt. */
  | { readonly kind: 'unknown'; readonly message: string }

/** Errors where the write may or may not have happened: the network, or a reply that was not ours. */
export const isUnknownOutcome = (e: unknown): boolean => e instanceof ActionError && (e.code === 'NETWORK' || e.code === 'INTERNAL')

export const UNKNOWN_MESSAGE = '网络不太好，不确定是否核销成功。请点「重试」确认，不会重复核销'

/** Sends one try of an attempt and says what the answer means. */
export async function redeemWith(attempt: RedeemAttempt, send: (input: { ticket: string; requestId: string }) => Promise<Redemption>): Promise<RedeemOutcome> {
  try {
    const redemption = await send({ ticket: attempt.ticket, requestId: attempt.requestId })
    return { kind: 'done', redemption }
  } catch (e) {
    if (isUnknownOutcome(e)) return { kind: 'unknown', message: UNKNOWN_MESSAGE }
    const err = e instanceof ActionError ? e : new ActionError('INTERNAL', String(e))
    return { kind: 'refused', code: err.code, message: err.message }
  }
}

/** 「9月28日 周一 10:15 · 后勤服务中心」 with 「代领：…」 when the office recorded it. */
export const redemptionWhereText = (r: Redemption): string => `${whenText(r.redeemedAt)} · ${r.pointName}`

/** The default 对账 range: from the 1st of this month to today, Shanghai dates. */
export function defaultRange(now: Date = new Date()): { from: string; to: string } {
  const today = formatShanghai(now, 'YYYY-MM-DD')
  return { from: `${today.slice(0, 8)}01`, to: today }
}

/** 对账 totals. */
export const settlementTotals = (days: readonly { count: number; amount: number }[]): { count: number; amount: number } =>
  days.reduce((t, d) => ({ count: t.count + d.count, amount: t.amount + d.amount }), { count: 0, amount: 0 })
