import { faceValueProblem } from '@shared/domain/benefits'
import type { Handler } from '../../_lib/entry'
import { AppError, invalid } from '../../_lib/app-error'
import { dateTimeText } from '@shared/domain/time'
import { campaignViews } from '../campaigns'
import { issueBatch } from '../issue'
import { appendAudit } from '../../_lib/audit'
import { requireOpenYear } from '../../_lib/ledger'
import { campaignPage, campaignYear, holidayTotal, insertCampaign, loadCampaign, type CampaignDoc } from '../campaigns.repo'
import { pointsOf } from '../points.repo'
import { insertStocks } from '../stock.repo'

/**
 * A campaign: what each member gets, from whom, when to choose and redeem, and where. The face
 * value is checked against the union's caps (生日 ≤ 300 元; holiday gifts within the yearly total).
 */
export const createCampaign: Handler<'benefit.createCampaign'> = async ({ deps, me, input }) => {
  const { clock, ids } = deps
  // The windows' order, the gifts' names and stock: checked by the contract's schema (the admin's form uses it too).
  const [claimClosesAt, redeemFrom, redeemUntil] = [input.claimClosesAt, input.redeemFrom, input.redeemUntil].map((t) => new Date(t))
  if (input.autoBirthday && input.kind !== 'cake') throw invalid('只有蛋糕券可以在生日当月自动发放', { field: 'autoBirthday' })
  const year = campaignYear(redeemFrom)
  await requireOpenYear(deps, me.unionId, year)
  const problem = faceValueProblem(input.kind, input.faceValue, input.kind === 'holiday' ? await holidayTotal(deps, me.unionId, year) : 0)
  if (problem) throw invalid(problem, { field: 'faceValue' })
  const points = await pointsOf(deps, me.unionId, input.pointIds, 20)
  if (points.length !== new Set(input.pointIds).size) throw invalid('兑换点不存在', { field: 'pointIds' })

  const doc: CampaignDoc = {
    _id: ids.next(),
    unionId: me.unionId,
    kind: input.kind,
    name: input.name,
    year,
    faceValue: input.faceValue,
    options: input.options.map((o, i) => ({ id: `o${i + 1}`, name: o.name, stock: o.stock, supplier: o.supplier, povertyRelief: o.povertyRelief })),
    includeRetired: input.includeRetired,
    departmentIds: input.departmentIds,
    claimClosesAt,
    redeemFrom,
    redeemUntil,
    points: points.map((p) => ({ id: p._id, name: p.name })),
    autoBirthday: input.autoBirthday,
    issueCursor: '',
    remindedAt: null,
    createdBy: me.member._id,
    createdAt: clock.now(),
  }
  await insertStocks(deps, doc)
  await insertCampaign(deps, doc)
  await appendAudit(deps, {
    unionId: me.unionId,
    actor: me.member._id,
    actorName: me.member.name,
    action: 'campaign.create',
    target: doc.name,
    data: { campaignId: doc._id, kind: doc.kind, faceValue: doc.faceValue, year },
  })
  return (await campaignViews(deps, [doc]))[0]
}

export const listCampaigns: Handler<'benefit.campaigns'> = async ({ deps, me, input }) => {
  const { docs, total } = await campaignPage(deps, me.unionId, input.page, input.pageSize)
  return { items: await campaignViews(deps, docs), total, page: input.page, pageSize: input.pageSize }
}

export const getCampaign: Handler<'benefit.campaign'> = async ({ deps, me, input }) => (await campaignViews(deps, [await loadCampaign(deps, me, input.id)]))[0]

/** One batch per call; the admin page calls until done and shows the progress. Running it again later issues only what is missing. */
export const issueCampaign: Handler<'benefit.issue'> = async ({ deps, me, input, timeLimitMs }) => {
  const c = await loadCampaign(deps, me, input.id)
  await requireOpenYear(deps, me.unionId, c.year)
  // Issued after the window, a voucher could never be used and its commitment would wait for a release already made.
  if (deps.clock.now() > c.redeemUntil) throw new AppError('CLOSED', `兑换已于 ${dateTimeText(c.redeemUntil, deps.clock.now())} 截止，不能再发放`)
  const step = await issueBatch(deps, c, { id: me.member._id, name: me.member.name }, timeLimitMs)
  const [view] = await campaignViews(deps, [c])
  return { issuedNow: step.issuedNow, issued: view.progress.issued, eligible: view.progress.eligible, done: step.done }
}
