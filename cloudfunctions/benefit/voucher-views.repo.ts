import type { VoucherView } from '@shared/contract'
import type { Deps } from '../_lib/deps'
import { CAMPAIGNS } from './campaigns.repo'
import { POINTS, toPointView } from './points.repo'
import type { CampaignDoc, PointDoc } from './records'
import { STOCK } from './stock.repo'
import { toVoucherView, VOUCHERS, type VoucherDoc } from './vouchers.repo'

type Joined = VoucherDoc & { readonly campaignRows: CampaignDoc[]; readonly stockRows: { _id: string; remaining: number }[]; readonly pointRows: PointDoc[] }

/**
 * Vouchers as members see them — with their campaign's options, the stock left of each and the
 * points' addresses — in one read: an aggregate on the vouchers with the rest joined on by lookups
 * (each states its limit). `where` picks the vouchers (one, or a member's), newest first.
 */
export async function voucherViews(deps: Deps, where: Record<string, unknown>, limit: number): Promise<{ doc: VoucherDoc; view: VoucherView }[]> {
  const res = await deps.db
    .collection(VOUCHERS)
    .aggregate()
    .match(where)
    .sort({ issuedAt: -1, _id: 1 })
    .limit(limit)
    .lookup({ from: CAMPAIGNS, let: { c: '$campaignId' }, pipeline: [{ $match: { $expr: { $eq: ['$_id', '$$c'] } } }, { $limit: 1 }], as: 'campaignRows' })
    // Only the count left: a stock's holders list grows with every choice.
    .lookup({
      from: STOCK,
      let: { c: '$campaignId' },
      pipeline: [{ $match: { $expr: { $eq: ['$campaignId', '$$c'] } } }, { $project: { remaining: 1 } }, { $limit: 50 }],
      as: 'stockRows',
    })
    .lookup({
      from: POINTS,
      let: { u: '$unionId', ids: '$points.id' },
      pipeline: [{ $match: { $expr: { $and: [{ $eq: ['$unionId', '$$u'] }, { $in: ['$_id', '$$ids'] }] } } }, { $limit: 20 }],
      as: 'pointRows',
    })
    .end()
  const now = deps.clock.now()
  return (res.data as Joined[]).map(({ campaignRows, stockRows, pointRows, ...doc }) => ({
    doc,
    view: toVoucherView(doc, campaignRows[0], new Map(stockRows.map((s) => [s._id, s.remaining])), new Map(pointRows.map((p) => [p._id, toPointView(p)])), now),
  }))
}
