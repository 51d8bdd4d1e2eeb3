import { shanghaiYear } from '@shared/domain/time'
import { notFound } from '../_lib/app-error'
import type { Deps } from '../_lib/deps'
import type { CallerMember } from '../_lib/membership'
import { readAll } from '../_lib/read-all'
import type { CampaignDoc } from './records'
import { readPage } from '../_lib/read-page'
export type { CampaignDoc, CampaignOption } from './records'

/**
 * Campaigns (福利发放): what each member gets, from whom, when and where. The only code that names
 * the `campaigns` collection, and the members query that says who a campaign is for.
 */
export const CAMPAIGNS = 'campaigns'

const campaigns = (deps: Deps) => deps.db.collection(CAMPAIGNS)

export const stockId = (campaignId: string, optionId: string) => `${campaignId}:${optionId}`

export const campaignYear = (redeemFrom: Date) => shanghaiYear(redeemFrom)

export const campaignById = async (deps: Deps, id: string): Promise<CampaignDoc | undefined> =>
  (await campaigns(deps).doc(id).get()).data[0] as CampaignDoc | undefined

/** A campaign of the caller's union; another union's does not exist here. */
export async function loadCampaign(deps: Deps, me: CallerMember, id: string): Promise<CampaignDoc> {
  const c = await campaignById(deps, id)
  if (!c || c.unionId !== me.unionId) throw notFound('没有找到这个福利发放')
  return c
}

/** The union's campaigns, newest first. */
export async function campaignPage(deps: Deps, unionId: string, page: number, pageSize: number): Promise<{ docs: CampaignDoc[]; total: number }> {
  return readPage<CampaignDoc>(campaigns(deps).where({ unionId }), [['createdAt', 'desc']], page, pageSize)
}

/** Face value of the year's holiday campaigns together (the yearly cap counts them all). */
export async function holidayTotal(deps: Deps, unionId: string, year: number): Promise<number> {
  const res = await campaigns(deps)
    .aggregate()
    .match({ unionId, kind: 'holiday', year })
    .group({ _id: null, total: deps.db.command.aggregate.sum('$faceValue') })
    .limit(1)
    .end()
  return (res.data[0] as { total: number } | undefined)?.total ?? 0
}

export const insertCampaign = async (deps: Deps, doc: CampaignDoc): Promise<void> => void (await campaigns(deps).add(doc))

export const saveIssueCursor = async (deps: Deps, id: string, cursor: string): Promise<void> =>
  void (await campaigns(deps).where({ _id: id }).update({ issueCursor: cursor }))

/** This year's birthday cake campaigns still open for redemption (the daily timer issues from them). */
export const birthdayCampaigns = (deps: Deps, year: number, now: Date) =>
  readAll<CampaignDoc>(campaigns(deps).where({ kind: 'cake', autoBirthday: true, year, redeemUntil: deps.db.command.gt(now) }), 100, 1000)

/** Campaigns whose window closed before `before` and whose unredeemed vouchers are not released yet. */
export const campaignsToRelease = (deps: Deps, before: Date) =>
  readAll<CampaignDoc>(campaigns(deps).where({ redeemUntil: deps.db.command.lt(before), releasedAt: deps.db.command.exists(false) }), 100, 1000)

export const markReleased = async (deps: Deps, id: string, at: Date): Promise<void> =>
  void (await campaigns(deps).where({ _id: id }).update({ releasedAt: at }))

export const campaignsOfYears = (deps: Deps, years: readonly number[]) =>
  readAll<CampaignDoc>(campaigns(deps).where({ year: deps.db.command.in([...years]) }), 100, 10_000)

// —— who a campaign is for ——

/** Members the campaign is for, as a database filter (the eligibility rule is re-applied in code). */
export function eligibleWhere(deps: Deps, c: CampaignDoc): Record<string, unknown> {
  const _ = deps.db.command
  return {
    unionId: c.unionId,
    status: c.includeRetired ? _.in(['在职', '退休']) : '在职',
    ...(c.departmentIds.length ? { departmentId: _.in([...c.departmentIds]) } : {}),
  }
}

export const eligibleCount = async (deps: Deps, c: CampaignDoc): Promise<number> =>
  (await deps.db.collection('members').where(eligibleWhere(deps, c)).count()).total

/** The next page of eligible members after `cursor` (member _id order). */
export async function eligibleAfter<M>(deps: Deps, c: CampaignDoc, cursor: string, limit: number): Promise<M[]> {
  const _ = deps.db.command
  return (
    await deps.db
      .collection('members')
      .where({ ...eligibleWhere(deps, c), ...(cursor ? { _id: _.gt(cursor) } : {}) })
      .orderBy('_id', 'asc')
      .limit(limit)
      .get()
  ).data as M[]
}
