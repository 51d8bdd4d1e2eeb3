import { lineForBenefit } from '@shared/domain/funds'
import type { Deps } from '../_lib/deps'
import type { CampaignDoc, VoucherDoc, VoucherRedemption } from '../_lib/documents'
import { adjustAvailable, post } from '../_lib/ledger'

export interface Actor {
  readonly id: string
  readonly name: string
}
export const SYSTEM: Actor = { id: 'system', name: '系统' }

/** Issued vouchers commit their face value on the campaign's line (one entry per batch, keyed by its first voucher). */
export async function commitIssued(deps: Deps, c: CampaignDoc, issued: readonly VoucherDoc[], by: Actor): Promise<void> {
  if (!issued.length) return
  const line = lineForBenefit(c.kind)
  const amount = issued.length * c.faceValue
  const { created } = await post(deps, {
    _id: `benefit-commit:${issued[0]._id}`,
    unionId: c.unionId,
    year: c.year,
    line,
    committed: amount,
    spent: 0,
    source: { type: 'benefit', id: c._id },
    memo: `${c.name}：发放 ${issued.length} 张`,
    by: by.id,
    byName: by.name,
  })
  if (created) await adjustAvailable(deps, c.unionId, c.year, line, -amount)
}

/** A redemption turns one voucher's commitment into money spent; posting it again (a retry) is the same entry. */
export async function spendRedeemed(deps: Deps, v: VoucherDoc, r: VoucherRedemption): Promise<void> {
  await post(deps, {
    _id: `benefit-spend:${v._id}`,
    unionId: v.unionId,
    year: v.year,
    line: lineForBenefit(v.kind),
    committed: -v.faceValue,
    spent: v.faceValue,
    source: { type: 'benefit', id: v.campaignId },
    memo: `${v.name}：${r.pointName} 核销${r.proxyReason ? '（代领）' : ''}`,
    by: r.by,
    byName: r.byName,
  })
}

/** After the redemption window, what was never redeemed is no longer owed: its commitment goes back to the line. */
export async function releaseUnredeemed(deps: Deps, c: CampaignDoc, outstanding: number): Promise<boolean> {
  const line = lineForBenefit(c.kind)
  const amount = outstanding * c.faceValue
  const { created } = await post(deps, {
    _id: `benefit-release:${c._id}`,
    unionId: c.unionId,
    year: c.year,
    line,
    committed: -amount,
    spent: 0,
    source: { type: 'benefit', id: c._id },
    memo: `${c.name}：过期未兑换 ${outstanding} 张`,
    by: SYSTEM.id,
    byName: SYSTEM.name,
  })
  if (created && amount) await adjustAvailable(deps, c.unionId, c.year, line, amount)
  return created
}
