import type { OptionView, PointView, VoucherView } from '@shared/contract'
import { birthdayVoucherWindow, voucherState } from '@shared/domain/benefits'
import { shanghaiYear } from '@shared/domain/time'
import { notFound } from '../_lib/app-error'
import type { Deps } from '../_lib/deps'
import type { CampaignDoc, MemberDoc, OptionStockDoc, PointDoc, VoucherDoc } from '../_lib/documents'
import type { CallerMember } from '../_lib/membership'

/** The natural key: one voucher per member per campaign, and for cake vouchers one per member per year whatever the campaign. */
export const voucherId = (c: Pick<CampaignDoc, '_id' | 'unionId' | 'kind' | 'year'>, memberId: string): string =>
  c.kind === 'cake' ? `cake:${c.unionId}:${c.year}:${memberId}` : `${c._id}:${memberId}`

export const stockId = (campaignId: string, optionId: string) => `${campaignId}:${optionId}`

export const campaignYear = (redeemFrom: Date) => shanghaiYear(redeemFrom)

export async function loadCampaign(deps: Deps, me: CallerMember, id: string): Promise<CampaignDoc> {
  const c = (await deps.db.collection('campaigns').doc(id).get()).data[0] as CampaignDoc | undefined
  if (!c || c.unionId !== me.unionId) throw notFound('没有找到这个福利发放')
  return c
}

/** A member's own voucher; anyone else's does not exist for them. */
export async function loadOwnVoucher(deps: Deps, me: CallerMember, id: string): Promise<VoucherDoc> {
  const v = (await deps.db.collection('vouchers').doc(id).get()).data[0] as VoucherDoc | undefined
  if (!v || v.unionId !== me.unionId || v.memberId !== me.member._id) throw notFound('没有找到这张券')
  return v
}

/** Stock left per option of these campaigns (options without a stock are unlimited). */
export async function remainingStock(deps: Deps, campaigns: readonly CampaignDoc[]): Promise<Map<string, number>> {
  const ids = campaigns.flatMap((c) => c.options.filter((o) => o.stock !== null).map((o) => stockId(c._id, o.id)))
  if (!ids.length) return new Map()
  const rows = (await deps.db.collection('option_stock').where({ _id: deps.db.command.in(ids) }).limit(ids.length).get()).data as OptionStockDoc[]
  return new Map(rows.map((r) => [r._id, r.remaining]))
}

export const optionViews = (c: CampaignDoc, stock: ReadonlyMap<string, number>): OptionView[] =>
  c.options.map((o) => ({ id: o.id, name: o.name, supplier: o.supplier, povertyRelief: o.povertyRelief, remaining: o.stock === null ? null : (stock.get(stockId(c._id, o.id)) ?? 0) }))

export async function pointViews(deps: Deps, unionId: string, ids: readonly string[]): Promise<Map<string, PointView>> {
  if (!ids.length) return new Map()
  const rows = (await deps.db.collection('redeem_points').where({ _id: deps.db.command.in([...new Set(ids)]), unionId }).limit(100).get()).data as PointDoc[]
  return new Map(rows.map((p) => [p._id, { id: p._id, name: p.name, address: p.address }]))
}

export function toVoucherView(v: VoucherDoc, c: CampaignDoc | undefined, stock: ReadonlyMap<string, number>, points: ReadonlyMap<string, PointView>, now: Date): VoucherView {
  const options = c ? optionViews(c, stock) : []
  return {
    id: v._id,
    kind: v.kind,
    name: v.name,
    faceValue: v.faceValue,
    state: voucherState(v, now),
    options,
    optionId: v.optionId,
    optionName: options.find((o) => o.id === v.optionId)?.name ?? null,
    claimClosesAt: v.claimClosesAt.toISOString(),
    redeemFrom: v.redeemFrom.toISOString(),
    redeemUntil: v.redeemUntil.toISOString(),
    points: v.points.map((p) => points.get(p.id) ?? { id: p.id, name: p.name, address: '' }),
    redeemed: v.redemption ? { at: v.redemption.at.toISOString(), pointName: v.redemption.pointName, proxy: v.redemption.proxyReason !== null } : null,
  }
}

/** A new voucher for a member, as the campaign stands. A single-option campaign needs no choice. */
export function newVoucher(c: CampaignDoc, m: MemberDoc, now: Date): VoucherDoc {
  const single = c.options.length === 1
  // Birthday vouchers are the member's for their birthday, not the whole campaign's year.
  const window = c.autoBirthday ? birthdayVoucherWindow(c, now) : c
  return {
    _id: voucherId(c, m._id),
    unionId: c.unionId,
    campaignId: c._id,
    kind: c.kind,
    name: c.name,
    year: c.year,
    faceValue: c.faceValue,
    memberId: m._id,
    memberName: m.name,
    departmentId: m.departmentId,
    departmentName: m.departmentName,
    needsChoice: !single,
    optionId: single ? c.options[0].id : null,
    optionName: single ? c.options[0].name : null,
    status: 'issued',
    claimClosesAt: window.claimClosesAt,
    redeemFrom: window.redeemFrom,
    redeemUntil: window.redeemUntil,
    points: c.points,
    issuedAt: now,
    redeemedAt: null,
    redemption: null,
    remindedAt: null,
  }
}
