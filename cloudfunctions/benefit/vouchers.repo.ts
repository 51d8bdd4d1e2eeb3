import type { OptionView, PointView, VoucherView } from '@shared/contract'
import { birthdayVoucherWindow, voucherState } from '@shared/domain/benefits'
import { notFound } from '../_lib/app-error'
import type { Deps } from '../_lib/deps'
import type { MemberDoc } from '../_lib/documents'
import type { CallerMember } from '../_lib/membership'
import { insertMissing } from '../_lib/insert-missing'
import { readAll } from '../_lib/read-all'
import { stockId, type CampaignDoc } from './campaigns.repo'
import type { VoucherDoc, VoucherRedemption } from './records'
import { readPage } from '../_lib/read-page'
export type { VoucherDoc, VoucherRedemption } from './records'

/**
 * Vouchers: one member's share of a campaign. This file is the only code that names the
 * `vouchers` collection; handlers, timers and the issuing, release and repair jobs ask it.
 */
export const VOUCHERS = 'vouchers'

const vouchers = (deps: Deps) => deps.db.collection(VOUCHERS)

/** The natural key: one voucher per member per campaign, and for cake vouchers one per member per year whatever the campaign. */
export const voucherId = (c: Pick<CampaignDoc, '_id' | 'unionId' | 'kind' | 'year'>, memberId: string): string =>
  c.kind === 'cake' ? `cake:${c.unionId}:${c.year}:${memberId}` : `${c._id}:${memberId}`

export const voucherById = async (deps: Deps, id: string): Promise<VoucherDoc | undefined> =>
  (await vouchers(deps).doc(id).get()).data[0] as VoucherDoc | undefined

/** A voucher of the caller's union (redeemers, the office); another union's voucher does not exist here. */
export async function loadUnionVoucher(deps: Deps, me: CallerMember, id: string): Promise<VoucherDoc> {
  const v = await voucherById(deps, id)
  if (!v || v.unionId !== me.unionId) throw notFound('不是本工会的券')
  return v
}

/** A member's own voucher; anyone else's does not exist for them. */
export async function loadOwnVoucher(deps: Deps, me: CallerMember, id: string): Promise<VoucherDoc> {
  const v = await voucherById(deps, id)
  if (!v || v.unionId !== me.unionId || v.memberId !== me.member._id) throw notFound('没有找到这张券')
  return v
}

/**
 * Single use, in one conditional write that also answers the voucher: from `issued` to `redeemed`
 * only while it is this union's, still within its window and redeemable at the point. null when
 * any of that is not so (used meanwhile, expired, another union's, gone): nothing was written.
 */
export async function redeemIfIssued(deps: Deps, unionId: string, id: string, pointId: string, redemption: VoucherRedemption): Promise<VoucherDoc | null> {
  const _ = deps.db.command
  const res = await vouchers(deps)
    .where(
      _.and([
        { _id: id, unionId, status: 'issued', 'points.id': pointId, redeemFrom: _.lte(redemption.at), redeemUntil: _.gte(redemption.at) },
        // A gift must have been chosen where there is a choice (redeemRefusal's last rule).
        _.or([{ needsChoice: false }, { optionId: _.neq(null) }]),
      ]),
    )
    .updateAndReturn({ status: 'redeemed', redeemedAt: redemption.at, redemption: _.set(redemption) })
  return res.updated === 1 && res.doc ? (res.doc as VoucherDoc) : null
}

/** The choice switches only if nobody changed the voucher since it was read. */
export async function switchOption(deps: Deps, v: VoucherDoc, option: { id: string; name: string }, at: Date): Promise<boolean> {
  const res = await vouchers(deps)
    .where({ _id: v._id, status: 'issued', optionId: v.optionId })
    .update({ optionId: option.id, optionName: option.name, chosenAt: at })
  return res.updated === 1
}

/** One page of a campaign's vouchers for the office, by department and name. */
export async function campaignVoucherPage(
  deps: Deps,
  campaignId: string,
  search: string | undefined,
  page: number,
  pageSize: number,
  escape: (s: string) => string,
) {
  const { db } = deps
  const query = vouchers(deps).where({ campaignId, ...(search ? { memberName: db.RegExp({ regexp: escape(search) }) } : {}) })
  const order = [
    ['departmentId', 'asc'],
    ['memberName', 'asc'],
  ] as const
  return readPage<VoucherDoc>(query, order, page, pageSize)
}

export const campaignVouchers = (deps: Deps, campaignId: string, max = 100_000): Promise<VoucherDoc[]> =>
  readAll<VoucherDoc>(vouchers(deps).where({ campaignId }).orderBy('departmentId', 'asc').orderBy('memberName', 'asc'), 1000, max)

/** A redeemer's own redemptions, latest first. */
export async function redemptionsBy(deps: Deps, unionId: string, memberId: string, page: number, pageSize: number) {
  return readPage<VoucherDoc>(vouchers(deps).where({ unionId, 'redemption.by': memberId }), [['redeemedAt', 'desc']], page, pageSize)
}

/** Everything redeemed at one point between two instants, oldest first (the shop's invoice). */
export const redeemedAt = (deps: Deps, unionId: string, pointId: string, from: Date, to: Date): Promise<VoucherDoc[]> =>
  readAll<VoucherDoc>(
    vouchers(deps)
      .where({ unionId, 'redemption.pointId': pointId, redeemedAt: deps.db.command.gte(from).and(deps.db.command.lte(to)) })
      .orderBy('redeemedAt', 'asc'),
  )

// —— issuing passes ——

/** Inserts whichever of these are not there yet (see insertMissing: a crash may cut between rounds). */
export const insertVouchers = (deps: Deps, docs: readonly VoucherDoc[]): Promise<void> => insertMissing(deps, VOUCHERS, docs)

/** Which of these natural keys are taken already. */
export async function existingVoucherIds(deps: Deps, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set()
  const rows = (
    await vouchers(deps)
      .where({ _id: deps.db.command.in([...ids]) })
      .field({ _id: true })
      .limit(ids.length)
      .get()
  ).data as VoucherDoc[]
  return new Set(rows.map((v) => v._id))
}

/** What one pass inserted, read back by its stamp. */
export const vouchersOfPass = (deps: Deps, campaignId: string, pass: string) =>
  readAll<Pick<VoucherDoc, '_id' | 'unionId' | 'memberId' | 'name' | 'needsChoice' | 'settled'>>(
    vouchers(deps).where({ campaignId, issuePass: pass }).field({ _id: true, unionId: true, memberId: true, name: true, needsChoice: true, settled: true }),
    1000,
    10_000,
  )

/** Marks a pass's vouchers settled; answers how many this call flipped. */
export async function settleVouchersOfPass(deps: Deps, campaignId: string, pass: string): Promise<number> {
  const res = await vouchers(deps).where({ campaignId, issuePass: pass, settled: false }).update({ settled: true })
  return res.updated ?? 0
}

/** Passes with vouchers still unsettled, stamped before `cutoff`. */
export async function stalePasses(deps: Deps, campaignId: string, cutoff: Date): Promise<Set<string>> {
  const rows = (
    await vouchers(deps)
      .where({ campaignId, settled: false, issuedAt: deps.db.command.lt(cutoff) })
      .field({ issuePass: true })
      .limit(1000)
      .get()
  ).data as VoucherDoc[]
  return new Set(rows.map((v) => v.issuePass!))
}

export const outstandingCount = async (deps: Deps, campaignId: string): Promise<number> =>
  (await vouchers(deps).where({ campaignId, status: 'issued' }).count()).total

/** Per campaign × option: how many vouchers, and per campaign how many are redeemed (one aggregate each). */
export async function campaignCounts(deps: Deps, campaigns: readonly CampaignDoc[]) {
  const _ = deps.db.command
  const $ = _.aggregate
  const ids = campaigns.map((c) => c._id)
  // Aggregates state their limit (CloudBase returns only 20 rows otherwise): one row per campaign ×
  // (each option, or none chosen yet) for the first, one per campaign for the second.
  const optionRows = campaigns.reduce((n, c) => n + c.options.length + 1, 0)
  const [byOption, redeemed] = await Promise.all([
    vouchers(deps)
      .aggregate()
      .match({ campaignId: _.in(ids) })
      .group({ _id: { c: '$campaignId', o: '$optionId' }, n: $.sum(1) })
      .limit(optionRows)
      .end(),
    vouchers(deps)
      .aggregate()
      .match({ campaignId: _.in(ids), status: 'redeemed' })
      .group({ _id: '$campaignId', n: $.sum(1) })
      .limit(ids.length)
      .end(),
  ])
  return {
    byOption: byOption.data as { _id: { c: string; o: string | null }; n: number }[],
    redeemed: redeemed.data as { _id: string; n: number }[],
  }
}

/** The vouchers that chose one option (the stock repair counts them). */
export const choseOption = (deps: Deps, campaignId: string, optionId: string) =>
  readAll<Pick<VoucherDoc, '_id'>>(vouchers(deps).where({ campaignId, optionId }).field({ _id: true }), 1000, 100_000)

// —— reminders ——

export const expiringBetween = (deps: Deps, from: Date, to: Date) =>
  readAll<VoucherDoc>(
    vouchers(deps).where({ status: 'issued', remindedAt: null, redeemUntil: deps.db.command.gt(from).and(deps.db.command.lte(to)) }),
    500,
    20_000,
  )

export async function markReminded(deps: Deps, ids: readonly string[], at: Date): Promise<void> {
  for (let i = 0; i < ids.length; i += 500)
    await vouchers(deps)
      .where({ _id: deps.db.command.in(ids.slice(i, i + 500)), remindedAt: null })
      .update({ remindedAt: at })
}

export const choiceClosingBetween = (deps: Deps, from: Date, to: Date) =>
  readAll<VoucherDoc>(
    vouchers(deps).where({ status: 'issued', needsChoice: true, optionId: null, claimClosesAt: deps.db.command.gt(from).and(deps.db.command.lte(to)) }),
    500,
    20_000,
  )

// —— views ——

export const optionViews = (c: CampaignDoc, stock: ReadonlyMap<string, number>): OptionView[] =>
  c.options.map((o) => ({
    id: o.id,
    name: o.name,
    supplier: o.supplier,
    povertyRelief: o.povertyRelief,
    remaining: o.stock === null ? null : (stock.get(stockId(c._id, o.id)) ?? 0),
  }))

export function toVoucherView(
  v: VoucherDoc,
  c: CampaignDoc | undefined,
  stock: ReadonlyMap<string, number>,
  points: ReadonlyMap<string, PointView>,
  now: Date,
): VoucherView {
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
