import type { Deps } from '../_lib/deps'
import { entriesOfSource } from '../_lib/ledger'
import { campaignsToRelease, markReleased, type CampaignDoc } from './campaigns.repo'
import { entryKind, releaseKey, releaseUnredeemed } from './postings'
import { outstandingCount } from './vouchers.repo'

/**
 * Brings a campaign's releases to its unredeemed vouchers × face value: the first release, or what
 * a later count adds (a redemption cut before its status landed, a voucher finished after the
 * release). Safe to repeat: entries are keyed, and an equal count posts nothing.
 */
export async function reconcileRelease(deps: Deps, c: CampaignDoc): Promise<{ posted: boolean; outstanding: number; released: number }> {
  const outstanding = await outstandingCount(deps, c._id)
  const entries = await entriesOfSource(deps, c.unionId, { type: 'benefit', id: c._id }, true)
  const releases = entries.filter((e) => entryKind(e) === 'release')
  const released = c.faceValue ? -releases.reduce((sum, e) => sum + e.committed, 0) / c.faceValue : 0
  const first = releases.some((e) => e._id === releaseKey(c._id))
  if (first && released === outstanding) return { posted: false, outstanding, released }
  return { posted: await releaseUnredeemed(deps, c, outstanding, first ? released : 0), outstanding, released }
}

/**
 * Campaigns past their redemption window give back what was never redeemed. Only once the window
 * has been closed longer than the time limit, so a redemption that passed its check just before the
 * end has landed; `releasedAt` is set after the entry, so a run cut between them repeats harmlessly.
 */
export async function releaseExpired(deps: Deps, timeLimitMs: number): Promise<number> {
  const { clock } = deps
  const ended = await campaignsToRelease(deps, new Date(clock.now().getTime() - timeLimitMs))
  let released = 0
  for (const c of ended) {
    if ((await reconcileRelease(deps, c)).posted) released++
    await markReleased(deps, c._id, clock.now())
  }
  return released
}
