import { lineForBenefit } from '@shared/domain/funds'
import type { Deps } from '../_lib/deps'
import type { CampaignDoc } from './campaigns.repo'
import type { VoucherDoc, VoucherRedemption } from './vouchers.repo'
import { adjustAvailable, post, type LedgerEntryDoc } from '../_lib/ledger'

export interface Actor {
  readonly id: string
  readonly name: string
}
export const SYSTEM: Actor = { id: 'system', name: '系统' }

/**
 * Natural keys of a campaign's entries. A commitment belongs to one issuing pass and carries the
 * exact number of vouchers that pass inserted (read back by its stamp), so a pass finished twice —
 * by its retry, the next pass or the repair job — is the same entry. Entries of the first version
 * were keyed `benefit-commit:<first voucher>` per batch; they still count as commitments.
 */
export const issueKey = (campaignId: string, pass: string) => `benefit-issue:${campaignId}:${pass}`
export const spendKey = (voucherId: string) => `benefit-spend:${voucherId}`
/** The first release is keyed by the campaign; one the repair job adds later, by the count it brings the total to. */
export const releaseKey = (campaignId: string, totalCount?: number) =>
  totalCount === undefined ? `benefit-release:${campaignId}` : `benefit-release:${campaignId}:to-${totalCount}`

export type BenefitEntryKind = 'commit' | 'spend' | 'release'
export const entryKind = (e: Pick<LedgerEntryDoc, '_id'>): BenefitEntryKind | null =>
  e._id.startsWith('benefit-issue:') || e._id.startsWith('benefit-commit:')
    ? 'commit'
    : e._id.startsWith('benefit-spend:')
      ? 'spend'
      : e._id.startsWith('benefit-release:')
        ? 'release'
        : null

/** Posts a commitment (or its correction) on the campaign's line and moves the line's remainder the first time. */
async function postCommitment(deps: Deps, c: CampaignDoc, _id: string, amount: number, memo: string, by: Actor): Promise<boolean> {
  const line = lineForBenefit(c.kind)
  const { created } = await post(deps, {
    _id,
    unionId: c.unionId,
    year: c.year,
    line,
    committed: amount,
    spent: 0,
    source: { type: 'benefit', id: c._id },
    memo,
    by: by.id,
    byName: by.name,
  })
  // A crash between the two leaves the remainder behind the ledger; funds' hourly repair closes it.
  if (created) await adjustAvailable(deps, c.unionId, c.year, line, -amount)
  return created
}

/** One issuing pass's vouchers commit their face value on the campaign's line: exactly `count` of them. */
export const commitPass = (deps: Deps, c: CampaignDoc, pass: string, count: number, by: Actor): Promise<boolean> =>
  postCommitment(deps, c, issueKey(c._id, pass), count * c.faceValue, `${c.name}：发放 ${count} 张`, by)

/**
 * The repair job's correction when the commitments of a campaign differ from its vouchers (a pass
 * lost before stamping, or entries of the first version): keyed by the voucher count it brings the
 * total to, so running the repair again on the same state is the same entry.
 */
export const commitCorrection = (deps: Deps, c: CampaignDoc, totalCount: number, amount: number): Promise<boolean> =>
  postCommitment(deps, c, issueKey(c._id, `repair-${totalCount}`), amount, `${c.name}：补记发放承诺（共 ${totalCount} 张）`, SYSTEM)

/** A redemption turns one voucher's commitment into money spent; posting it again (a retry) is the same entry. */
export async function spendRedeemed(deps: Deps, v: VoucherDoc, r: VoucherRedemption): Promise<boolean> {
  const { created } = await post(deps, {
    _id: spendKey(v._id),
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
  return created
}

/**
 * After the redemption window, what was never redeemed is no longer owed: its commitment goes back
 * to the line. `outstanding` vouchers are released in all; `alreadyReleased` of them were by earlier
 * entries (the first release, keyed by the campaign; later ones keyed by the total they reach).
 */
export async function releaseUnredeemed(deps: Deps, c: CampaignDoc, outstanding: number, alreadyReleased = 0): Promise<boolean> {
  const count = outstanding - alreadyReleased
  if (count === 0 && alreadyReleased > 0) return false
  const line = lineForBenefit(c.kind)
  const amount = count * c.faceValue
  const { created } = await post(deps, {
    _id: alreadyReleased === 0 ? releaseKey(c._id) : releaseKey(c._id, outstanding),
    unionId: c.unionId,
    year: c.year,
    line,
    committed: -amount,
    spent: 0,
    source: { type: 'benefit', id: c._id },
    memo: alreadyReleased === 0 ? `${c.name}：过期未兑换 ${count} 张` : `${c.name}：补记过期未兑换 ${count} 张（共 ${outstanding} 张）`,
    by: SYSTEM.id,
    byName: SYSTEM.name,
  })
  if (created && amount) await adjustAvailable(deps, c.unionId, c.year, line, amount)
  return created
}
