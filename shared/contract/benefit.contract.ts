import * as z from 'zod/mini'
import { defineAction } from './define'
import { calendarDate, text, whole } from './schemas'
import type { Words } from './wording'
import type { Page } from './member.contract'
import { BENEFIT_KINDS, type BenefitKind, type VoucherState } from '../domain/benefits'

const ADMIN = { kind: 'member', roles: ['admin'] } as const
const ANY_MEMBER = { kind: 'member' } as const
const STAFF = { kind: 'member', roles: ['admin', 'redeemer'] } as const

const id = z.string().check(z.minLength(1), z.maxLength(120), z.regex(/^[A-Za-z0-9_:-]+$/))
const page = z._default(z.number().check(z.int(), z.minimum(1), z.maximum(10000)), 1)
const pageSize = z._default(z.number().check(z.int(), z.minimum(1), z.maximum(100)), 20)
const instant = z.iso.datetime({ offset: true })
const date = calendarDate
const name = (max: number, words?: Words) => text({ min: 1, max, words })
/** The benefit forms' texts: a campaign's name, a gift's name and supplier, a point's name and address, 代领's reason, a search of the 领取名单. */
export const BENEFIT_TEXT_MAX = { campaign: 40, option: 30, supplier: 40, point: 30, address: 60, proxyReason: 60, voucherSearch: 20 } as const
/** Money travels as integer 分. */
const fen = z.number().check(z.int(), z.minimum(1), z.maximum(100_000_000))

export interface PointView {
  readonly id: string
  readonly name: string
  readonly address: string
}

export interface OptionView {
  readonly id: string
  readonly name: string
  readonly supplier: string
  /** 消费扶贫: bought from a poverty-relief supplier. */
  readonly povertyRelief: boolean
  /** Left to choose; null when unlimited. */
  readonly remaining: number | null
}

export interface CampaignView {
  readonly id: string
  readonly kind: BenefitKind
  readonly name: string
  readonly year: number
  readonly faceValue: number
  readonly options: readonly (OptionView & { readonly stock: number | null; readonly chosen: number })[]
  readonly includeRetired: boolean
  readonly departmentIds: readonly string[]
  readonly claimClosesAt: string
  readonly redeemFrom: string
  readonly redeemUntil: string
  readonly points: readonly PointView[]
  readonly autoBirthday: boolean
  readonly progress: { readonly eligible: number; readonly issued: number; readonly chosen: number; readonly redeemed: number; readonly outstanding: number }
}

export interface VoucherView {
  readonly id: string
  readonly kind: BenefitKind
  readonly name: string
  readonly faceValue: number
  readonly state: VoucherState
  readonly options: readonly OptionView[]
  readonly optionId: string | null
  readonly optionName: string | null
  readonly claimClosesAt: string
  readonly redeemFrom: string
  readonly redeemUntil: string
  readonly points: readonly PointView[]
  readonly redeemed: { readonly at: string; readonly pointName: string; readonly proxy: boolean } | null
}

export interface RedeemCode {
  /** Signed, carries its expiry; drawn as the QR code and refreshed every 30 seconds. */
  readonly token: string
  /** Six digits a clerk can type; expires with the token. */
  readonly shortCode: string
  readonly expiresAt: string
  /**
   * The voucher as it stands with this code, so the code screen follows it from its one call per
   * refresh. When the voucher cannot be used (used, expired, not yet, no gift chosen) there is no
   * code: the refusal's `details.voucher` carries the voucher instead (已使用 with when and where).
   */
  readonly voucher: VoucherView
}

export interface VoucherPreview {
  readonly campaignName: string
  readonly kind: BenefitKind
  readonly faceValue: number
  readonly optionName: string | null
  /** Partly masked: 王*芳. */
  readonly memberName: string
  readonly department: string
  readonly pointName: string
  /** Confirms this redemption at this point by this redeemer for two minutes. */
  readonly ticket: string
}

export interface Redemption {
  readonly voucherId: string
  readonly campaignName: string
  readonly optionName: string | null
  readonly memberName: string
  readonly pointName: string
  readonly redeemedAt: string
  readonly proxy: { readonly reason: string } | null
}

export interface VoucherRow {
  readonly id: string
  readonly memberName: string
  readonly department: string
  readonly optionName: string | null
  readonly state: VoucherState
  readonly redeemed: { readonly at: string; readonly pointName: string; readonly by: string; readonly proxyReason: string | null } | null
}

export const MAX_OPTIONS = 10
export const MAX_POINTS = 20
const MAX_STOCK = 1_000_000
const NOT_A_STOCK = '库存请填写正整数，不限就留空'

const OptionSchema = z.strictObject({
  name: name(BENEFIT_TEXT_MAX.option),
  /** Empty on the form (null): no limit. */
  stock: z._default(
    z.nullable(whole({ min: 1, max: MAX_STOCK, words: { format: NOT_A_STOCK, below: NOT_A_STOCK, above: `库存不能超过 ${MAX_STOCK}` } })),
    null,
  ),
  supplier: z._default(z.string().check(z.trim(), z.maxLength(BENEFIT_TEXT_MAX.supplier)), ''),
  povertyRelief: z._default(z.boolean(), false),
})

/** The gifts: named apart, and a stock only where there is a choice to run out of. */
const options = z.array(OptionSchema).check(
  z.minLength(1, { error: '请至少添加一种礼品' }),
  z.maxLength(MAX_OPTIONS, { error: `礼品最多 ${MAX_OPTIONS} 种` }),
  z.superRefine((list, ctx) => {
    const seen = new Set<string>()
    list.forEach((o, i) => {
      if (seen.has(o.name)) ctx.issues.push({ code: 'custom', input: o.name, path: [i, 'name'], message: '礼品名称不能重复' })
      seen.add(o.name)
    })
    if (list.length === 1 && list[0].stock !== null)
      ctx.issues.push({ code: 'custom', input: list[0].stock, path: [0, 'stock'], message: '只有一种礼品时不需要设库存（人人都有）' })
  }),
)

/** 新建福利, as the admin's form checks it too: the windows in order, the places to redeem. */
export const CreateCampaignSchema = z
  .strictObject({
    kind: z.enum(BENEFIT_KINDS),
    name: name(BENEFIT_TEXT_MAX.campaign, { missing: '请填写福利名称' }),
    faceValue: fen,
    options,
    includeRetired: z._default(z.boolean(), true),
    departmentIds: z._default(z.array(id).check(z.maxLength(100)), []),
    claimClosesAt: instant,
    redeemFrom: instant,
    redeemUntil: instant,
    pointIds: z.array(id).check(z.minLength(1, { error: '请至少选择一个兑换点' }), z.maxLength(MAX_POINTS, { error: `兑换点最多 ${MAX_POINTS} 个` })),
    autoBirthday: z._default(z.boolean(), false),
  })
  .check(
    z.refine((c) => !(Date.parse(c.redeemUntil) <= Date.parse(c.redeemFrom)), { path: ['redeemUntil'], error: '兑换截止时间要晚于兑换开始时间' }),
    z.refine((c) => !(Date.parse(c.claimClosesAt) > Date.parse(c.redeemUntil)), { path: ['claimClosesAt'], error: '选择截止时间不能晚于兑换截止时间' }),
  )

const BENEFIT_LABELS = {
  id: '活动',
  kind: '福利类型',
  name: '名称',
  faceValue: '面值',
  options: '礼品选项',
  'options.name': '礼品名称',
  stock: '库存',
  supplier: '供应商',
  includeRetired: '含退休会员',
  departmentIds: '部门',
  claimClosesAt: '选择截止时间',
  redeemFrom: '兑换开始时间',
  redeemUntil: '兑换截止时间',
  pointIds: '兑换点',
  autoBirthday: '生日当月自动发放',
  voucherId: '券',
  optionId: '礼品',
  code: '券码',
  pointId: '兑换点',
  ticket: '确认凭据',
  requestId: '请求编号',
  reason: '代领原因',
  address: '地址',
  from: '开始日期',
  to: '结束日期',
  search: '姓名',
}

export const benefitActions = {
  /** Shops and pick-up places; redeemers are assigned to them on the member page (核销员 + 兑换点). */
  'benefit.savePoint': defineAction<PointView>()(
    z.strictObject({
      id: z.optional(id),
      name: name(BENEFIT_TEXT_MAX.point),
      address: z._default(z.string().check(z.trim(), z.maxLength(BENEFIT_TEXT_MAX.address)), ''),
    }),
    ADMIN,
    BENEFIT_LABELS,
  ),
  /** Admins see every point; a redeemer the points they serve. */
  'benefit.points': defineAction<readonly PointView[]>()(z.strictObject({}), STAFF, BENEFIT_LABELS),
  'benefit.createCampaign': defineAction<CampaignView>()(CreateCampaignSchema, ADMIN, BENEFIT_LABELS),
  'benefit.campaigns': defineAction<Page<CampaignView>>()(z.strictObject({ page, pageSize }), ADMIN, BENEFIT_LABELS),
  'benefit.campaign': defineAction<CampaignView>()(z.strictObject({ id }), ADMIN, BENEFIT_LABELS),
  /** Issues one batch to eligible members who have none yet; call again until `done` (the page shows progress). */
  'benefit.issue': defineAction<{ readonly issuedNow: number; readonly issued: number; readonly eligible: number; readonly done: boolean }>()(
    z.strictObject({ id }),
    ADMIN,
    BENEFIT_LABELS,
  ),
  'benefit.vouchers': defineAction<Page<VoucherRow>>()(
    z.strictObject({ id, search: z.optional(z.string().check(z.trim(), z.maxLength(BENEFIT_TEXT_MAX.voucherSearch))), page, pageSize }),
    ADMIN,
    BENEFIT_LABELS,
  ),
  'benefit.export': defineAction<{ readonly url: string; readonly count: number }>()(z.strictObject({ id }), ADMIN, BENEFIT_LABELS),
  /** 代领: the office records that someone collected a member's gift for them, with the reason. */
  'benefit.proxyRedeem': defineAction<Redemption>()(
    z.strictObject({ voucherId: id, pointId: id, reason: name(BENEFIT_TEXT_MAX.proxyReason) }),
    ADMIN,
    BENEFIT_LABELS,
  ),

  'benefit.mine': defineAction<readonly VoucherView[]>()(z.strictObject({}), ANY_MEMBER, BENEFIT_LABELS),
  /** Choosing holds one of the option's stock; changing gives the old one back. */
  'benefit.choose': defineAction<VoucherView>()(z.strictObject({ voucherId: id, optionId: id }), ANY_MEMBER, BENEFIT_LABELS),
  'benefit.code': defineAction<RedeemCode>()(z.strictObject({ voucherId: id }), ANY_MEMBER, BENEFIT_LABELS),

  /** The clerk scans or types the code: sees what to hand over before confirming. */
  'benefit.inspect': defineAction<VoucherPreview>()(
    z.strictObject({ code: z.string().check(z.trim(), z.minLength(6), z.maxLength(400)), pointId: id }),
    STAFF,
    BENEFIT_LABELS,
  ),
  /** One conditional write; a retry with the same requestId gets the same answer, anything else ALREADY_REDEEMED with when, where, by whom. */
  'benefit.redeem': defineAction<Redemption>()(
    z.strictObject({ ticket: z.string().check(z.minLength(10), z.maxLength(400)), requestId: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/)) }),
    STAFF,
    BENEFIT_LABELS,
  ),
  'benefit.redemptions': defineAction<Page<Redemption>>()(z.strictObject({ page, pageSize }), STAFF, BENEFIT_LABELS),
  /** 对账: redemptions per day at one point, as a spreadsheet and as rows. */
  'benefit.settlement': defineAction<{
    readonly url: string
    readonly days: readonly { readonly date: string; readonly count: number; readonly amount: number }[]
  }>()(z.strictObject({ pointId: id, from: date, to: date }), STAFF, BENEFIT_LABELS),
}
