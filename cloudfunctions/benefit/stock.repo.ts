import { AppError } from '../_lib/app-error'
import type { Deps } from '../_lib/deps'
import { stockId, type CampaignDoc, type CampaignOption } from './campaigns.repo'
import { choseOption } from './vouchers.repo'
import type { OptionStockDoc } from './records'
export type { OptionStockDoc } from './records'

/**
 * Gift stock is a counter with its holders beside it, in one document: taking one decrements
 * `remaining` and adds the voucher to `holders` in the same conditional write, giving one back
 * does the reverse. So a choice cut by a crash and tried again finds its own hold instead of
 * taking a second, and a give-back is done once whoever repeats it.
 */

export const STOCK = 'option_stock'

type Hold = NonNullable<OptionStockDoc['holders']>[number]

/** A new campaign's stocked options, each starting full. */
export async function insertStocks(deps: Deps, c: CampaignDoc): Promise<void> {
  const stocks: OptionStockDoc[] = c.options
    .filter((o) => o.stock !== null)
    .map((o) => ({ _id: stockId(c._id, o.id), unionId: c.unionId, campaignId: c._id, remaining: o.stock! }))
  if (stocks.length) await deps.db.collection(STOCK).add(stocks)
}

/** Stock left per option of these campaigns (options without a stock are unlimited). */
export async function remainingStock(deps: Deps, campaigns: readonly CampaignDoc[]): Promise<Map<string, number>> {
  const ids = campaigns.flatMap((c) => c.options.filter((o) => o.stock !== null).map((o) => stockId(c._id, o.id)))
  if (!ids.length) return new Map()
  const rows = (
    await deps.db
      .collection(STOCK)
      .where({ _id: deps.db.command.in(ids) })
      .limit(ids.length)
      .get()
  ).data as OptionStockDoc[]
  return new Map(rows.map((r) => [r._id, r.remaining]))
}

/** Takes one of the option's stock for the voucher, or finds the hold an earlier, cut attempt of the same choice took. */
export async function takeHold(deps: Deps, c: CampaignDoc, option: CampaignOption, voucherId: string, at: Date): Promise<void> {
  const _ = deps.db.command
  const id = stockId(c._id, option.id)
  const stock = deps.db.collection(STOCK)
  const took = await stock
    .where({ _id: id, remaining: _.gt(0), 'holders.v': _.neq(voucherId) })
    .update({ remaining: _.inc(-1), holders: _.push([{ v: voucherId, at }]), rev: _.inc(1) })
  if (took.updated === 1) return
  const doc = (await stock.doc(id).get()).data[0] as OptionStockDoc | undefined
  if (doc?.holders?.some((h) => h.v === voucherId)) return
  throw new AppError('FULL', `「${option.name}」已经选完了，请选择其他礼品`)
}

/**
 * Gives back the voucher's holds on options other than `keep`, taken before `before` (a hold taken
 * later belongs to a newer choice of the same voucher still under way). Reads first, so a choice
 * with nothing to give back writes nothing.
 */
export async function giveBackOthers(deps: Deps, c: CampaignDoc, voucherId: string, keep: string | null, before: Date): Promise<void> {
  const _ = deps.db.command
  const keepId = keep === null ? null : stockId(c._id, keep)
  const held = (await deps.db.collection(STOCK).where({ campaignId: c._id, 'holders.v': voucherId }).field({ _id: true }).limit(c.options.length).get())
    .data as OptionStockDoc[]
  const others = held.map((d) => d._id).filter((id) => id !== keepId)
  if (others.length) await giveBack(deps, others, voucherId, _.lt(before))
}

/** Gives back the voucher's hold on these stocks (each once: the hold goes in the same write as the count). */
export async function giveBack(deps: Deps, ids: readonly string[], voucherId: string, at: unknown): Promise<void> {
  const _ = deps.db.command
  const hold = { v: voucherId, at }
  await deps.db
    .collection(STOCK)
    .where({ _id: _.in([...ids]), holders: _.elemMatch(hold) })
    .update({ remaining: _.inc(1), holders: _.pull(hold), rev: _.inc(1) })
}

/**
 * The repair: each option's holders become exactly the vouchers that chose it, plus holds younger
 * than the time limit (a choice still under way may have taken stock and not yet switched its
 * voucher), and `remaining` becomes stock − holders. Written only if the stock is unchanged since
 * it was read (`rev`); the stock is read before the vouchers, so a hold taken in between is seen
 * as changed stock, not lost. Each correction is logged.
 */
export async function repairStock(deps: Deps, c: CampaignDoc, timeLimitMs: number): Promise<number> {
  const _ = deps.db.command
  const now = deps.clock.now()
  const young = (h: Hold) => now.getTime() - new Date(h.at).getTime() <= timeLimitMs
  let repaired = 0
  for (const option of c.options) {
    if (option.stock === null) continue
    const id = stockId(c._id, option.id)
    const doc = (await deps.db.collection(STOCK).doc(id).get()).data[0] as OptionStockDoc | undefined
    if (!doc) continue
    const chose = await choseOption(deps, c._id, option.id)
    const had = new Map((doc.holders ?? []).map((h) => [h.v, { v: h.v, at: new Date(h.at) }]))
    const holders: Hold[] = chose.map((v) => had.get(v._id) ?? { v: v._id, at: now })
    const chosen = new Set(chose.map((v) => v._id))
    for (const h of had.values()) if (!chosen.has(h.v) && young(h)) holders.push(h)
    const remaining = option.stock - holders.length
    const sameHolders = doc.holders !== undefined && holders.length === doc.holders.length && holders.every((h) => had.has(h.v))
    if (sameHolders && remaining === doc.remaining) continue
    const res = await deps.db
      .collection(STOCK)
      .where({ _id: id, rev: doc.rev ?? null })
      .update({ remaining, holders: _.set(holders), rev: _.inc(1) })
    if (res.updated !== 1) continue
    if (remaining !== doc.remaining) repaired++
    deps.log(remaining === doc.remaining ? 'info' : 'warn', 'benefit-stock-repaired', {
      campaignId: c._id,
      optionId: option.id,
      from: doc.remaining,
      to: remaining,
      holdersFrom: doc.holders?.length ?? null,
      holdersTo: holders.length,
      ...(remaining < 0 ? { oversold: -remaining } : {}),
    })
  }
  return repaired
}
