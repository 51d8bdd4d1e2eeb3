import type { CampaignView } from '@shared/contract'
import type { Deps } from '../_lib/deps'
import { eligibleCount, stockId, type CampaignDoc } from './campaigns.repo'
import { pointViews } from './points.repo'
import { remainingStock } from './stock.repo'
import { campaignCounts, optionViews } from './vouchers.repo'

/**
 * Campaigns with their progress, counted from the vouchers themselves: one aggregate per question
 * for the whole page (issued, chosen per option, redeemed), plus the eligible count per campaign.
 */
export async function campaignViews(deps: Deps, campaigns: readonly CampaignDoc[]): Promise<CampaignView[]> {
  if (!campaigns.length) return []
  const [counts, stock, points, eligible] = await Promise.all([
    campaignCounts(deps, campaigns),
    remainingStock(deps, campaigns),
    pointViews(
      deps,
      campaigns[0].unionId,
      campaigns.flatMap((c) => c.points.map((p) => p.id)),
    ),
    Promise.all(campaigns.map((c) => eligibleCount(deps, c))),
  ])
  const chosen = new Map<string, number>()
  const issued = new Map<string, number>()
  for (const row of counts.byOption) {
    issued.set(row._id.c, (issued.get(row._id.c) ?? 0) + row.n)
    if (row._id.o) chosen.set(stockId(row._id.c, row._id.o), row.n)
  }
  const redeemedBy = new Map(counts.redeemed.map((r) => [r._id, r.n]))
  return campaigns.map((c, i) => {
    const options = optionViews(c, stock).map((o, j) => ({ ...o, stock: c.options[j].stock, chosen: chosen.get(stockId(c._id, o.id)) ?? 0 }))
    const total = issued.get(c._id) ?? 0
    const used = redeemedBy.get(c._id) ?? 0
    return {
      id: c._id,
      kind: c.kind,
      name: c.name,
      year: c.year,
      faceValue: c.faceValue,
      options,
      includeRetired: c.includeRetired,
      departmentIds: c.departmentIds,
      claimClosesAt: c.claimClosesAt.toISOString(),
      redeemFrom: c.redeemFrom.toISOString(),
      redeemUntil: c.redeemUntil.toISOString(),
      points: c.points.map((p) => points.get(p.id) ?? { id: p.id, name: p.name, address: '' }),
      autoBirthday: c.autoBirthday,
      progress: {
        eligible: eligible[i],
        issued: total,
        chosen: c.options.length === 1 ? total : options.reduce((sum, o) => sum + o.chosen, 0),
        redeemed: used,
        outstanding: total - used,
      },
    }
  })
}
