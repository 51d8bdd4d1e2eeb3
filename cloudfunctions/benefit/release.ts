import type { Deps } from '../_lib/deps'
import type { CampaignDoc } from '../_lib/documents'
import type { LedgerEntryDoc } from '../_lib/ledger'
import { readAll } from '../_lib/read-all'
import { entryKind, releaseKey, releaseUnredeemed } from './postings'

/**
 * Brings a campaign's releases to its unredeemed vouchers × face value: the first release, or what
 * a later count adds (a redemption cut before its status landed, a voucher finished after the
 * release). Safe to repeat: entries are keyed, and an equal count posts nothing.
 */
export async function reconcileRelease(deps: Deps, c: CampaignDoc): Promise<{ posted: boolean; outstanding: number; released: number }> {
  const outstanding = (await deps.db.collection('vouchers').where({ campaignId: c._id, status: 'issued' }).count()).total
  const entries = await readAll<LedgerEntryDoc>(deps.db.collection('ledger').where({ unionId: c.unionId, 'source.type': 'benefit', 'source.id': c._id, spent: 0 }).field({ _id: true, committed: true }), 1000, 10_000)
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
  const { db, clock } = deps
  const _ = db.command
  const ended = await readAll<CampaignDoc>(db.collection('campaigns').where({ redeemUntil: _.lt(new Date(clock.now().getTime() - timeLimitMs)), releasedAt: _.exists(false) }), 100, 1000)
  let released = 0
  for (const c of ended) {
    if ((await reconcileRelease(deps, c)).posted) released++
    await db.collection('campaigns').where({ _id: c._id }).update({ releasedAt: clock.now() })
  }
  return released
}
