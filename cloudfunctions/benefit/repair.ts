import { shanghaiYear } from '@shared/domain/time'
import type { Deps } from '../_lib/deps'
import { budgetId, entriesOfSource, isYearClosed } from '../_lib/ledger'
import { campaignsOfYears, type CampaignDoc } from './campaigns.repo'
import { repairStock } from './stock.repo'
import { campaignVouchers } from './vouchers.repo'
import { finishDeadPasses } from './issue'
import { commitCorrection, entryKind, issueKey, spendKey, spendRedeemed, SYSTEM } from './postings'
import { reconcileRelease } from './release'

export interface BenefitRepairs {
  /** Vouchers of dead issuing passes given their commitment and notice. */
  readonly passes: number
  readonly commitments: number
  readonly spends: number
  readonly releases: number
  readonly stock: number
}

/**
 * The daily repair: for every campaign of this year and last (while its year is open), the books
 * and the gift stock are made to agree with the vouchers — committed for every issued voucher,
 * spent for every redeemed one, released for every one that expired unredeemed; each option's
 * stock = its stock − the vouchers that chose it. Missing entries are added under natural keys,
 * counters are corrected conditionally, and each repair is logged.
 */
export async function repairBenefits(deps: Deps, timeLimitMs: number): Promise<BenefitRepairs> {
  const year = shanghaiYear(deps.clock.now())
  const campaigns = await campaignsOfYears(deps, [year - 1, year])
  const closed = new Map<string, boolean>()
  const isClosed = async (c: CampaignDoc) => {
    const id = budgetId(c.unionId, c.year)
    if (!closed.has(id)) closed.set(id, await isYearClosed(deps, c.unionId, c.year))
    return closed.get(id)!
  }
  const total = { passes: 0, commitments: 0, spends: 0, releases: 0, stock: 0 }
  for (const c of campaigns) {
    if (await isClosed(c)) continue
    total.passes += await finishDeadPasses(deps, c, SYSTEM, timeLimitMs)
    const books = await repairBooks(deps, c)
    total.commitments += books.commitments
    total.spends += books.spends
    total.releases += books.releases
    total.stock += await repairStock(deps, c, timeLimitMs)
  }
  return total
}

/**
 * Ledger against vouchers for one campaign. The ledger is read before the vouchers: a pass commits
 * after inserting, so a commitment seen here has its vouchers in the later read. Passes with any
 * unsettled voucher (dead ones were just finished; the rest are still under way) are left out on
 * both sides.
 */
async function repairBooks(deps: Deps, c: CampaignDoc): Promise<{ commitments: number; spends: number; releases: number }> {
  const entries = await entriesOfSource(deps, c.unionId, { type: 'benefit', id: c._id })
  const vouchers = await campaignVouchers(deps, c._id)
  const open = new Set(vouchers.filter((v) => v.settled === false).map((v) => v.issuePass!))
  const openKeys = new Set([...open].map((p) => issueKey(c._id, p)))
  const counted = vouchers.filter((v) => !(v.issuePass && open.has(v.issuePass)))
  const committed = entries.filter((e) => entryKind(e) === 'commit' && !openKeys.has(e._id)).reduce((sum, e) => sum + e.committed, 0)
  const expected = counted.length * c.faceValue
  let commitments = 0
  if (committed !== expected && (await commitCorrection(deps, c, counted.length, expected - committed))) {
    commitments++
    deps.log('warn', 'benefit-commitment-repaired', { campaignId: c._id, vouchers: counted.length, from: committed, to: expected })
  }
  const spent = new Set(entries.filter((e) => entryKind(e) === 'spend').map((e) => e._id))
  let spends = 0
  for (const v of vouchers) {
    if (v.status !== 'redeemed' || !v.redemption || spent.has(spendKey(v._id))) continue
    if (await spendRedeemed(deps, v, v.redemption)) {
      spends++
      deps.log('warn', 'benefit-spend-repaired', { campaignId: c._id, voucherId: v._id })
    }
  }
  let releases = 0
  if (c.releasedAt) {
    const r = await reconcileRelease(deps, c)
    if (r.posted) {
      releases++
      deps.log('warn', 'benefit-release-repaired', { campaignId: c._id, outstanding: r.outstanding, releasedBefore: r.released })
    }
  }
  return { commitments, spends, releases }
}
