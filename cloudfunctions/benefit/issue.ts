import { isEligible } from '@shared/domain/benefits'
import { isDuplicateWrite } from '../_lib/db-errors'
import type { Deps } from '../_lib/deps'
import type { CampaignDoc, MemberDoc, VoucherDoc } from '../_lib/documents'
import { notify } from '../_lib/notify'
import { newVoucher } from './vouchers.repo'
import { commitIssued, type Actor } from './postings'

export const ISSUE_BATCH = 500

/** Members the campaign is for, as a database filter (the eligibility rule is re-applied in code). */
export function eligibleWhere(deps: Deps, c: CampaignDoc): Record<string, unknown> {
  const _ = deps.db.command
  return {
    unionId: c.unionId,
    status: c.includeRetired ? _.in(['在职', '退休']) : '在职',
    ...(c.departmentIds.length ? { departmentId: _.in([...c.departmentIds]) } : {}),
  }
}

export interface IssueStep {
  readonly issuedNow: number
  readonly done: boolean
}

/**
 * One batch of an issuing pass: the next eligible members after the campaign's cursor, minus
 * those who already hold a voucher (natural key), inserted at once. Racing passes insert disjoint
 * sets: a batch that meets a voucher issued meanwhile falls back to one insert per member and
 * skips the duplicates. Counts are taken from the vouchers themselves, never kept beside them.
 * `extra` narrows who is due now (birthday month).
 */
export async function issueBatch(deps: Deps, c: CampaignDoc, by: Actor, extra: (m: MemberDoc) => boolean = () => true): Promise<IssueStep> {
  const { db, clock } = deps
  const _ = db.command
  const cursor = c.issueCursor ?? ''
  const page = (await db.collection('members').where({ ...eligibleWhere(deps, c), ...(cursor ? { _id: _.gt(cursor) } : {}) }).orderBy('_id', 'asc').limit(ISSUE_BATCH).get()).data as MemberDoc[]
  const due = page.filter((m) => isEligible(c, m) && extra(m))
  const now = clock.now()
  const wanted = due.map((m) => newVoucher(c, m, now))
  const existing = wanted.length ? new Set(((await db.collection('vouchers').where({ _id: _.in(wanted.map((v) => v._id)) }).field({ _id: true }).limit(wanted.length).get()).data as VoucherDoc[]).map((v) => v._id)) : new Set<string>()
  const missing = wanted.filter((v) => !existing.has(v._id))
  const inserted = await insertAll(deps, missing)
  await commitIssued(deps, c, inserted, by)
  const done = page.length < ISSUE_BATCH
  await db.collection('campaigns').where({ _id: c._id }).update({ issueCursor: done ? '' : page[page.length - 1]._id })
  await notify(deps, inserted.map((v) => ({ unionId: v.unionId, memberId: v.memberId, kind: 'voucher-issued' as const, title: `福利到账：${v.name}`, body: v.needsChoice ? '请在截止前选择礼品。' : '可在兑换时间内出示券码使用。', link: '/pages/benefits/index' })))
  return { issuedNow: inserted.length, done }
}

async function insertAll(deps: Deps, vouchers: readonly VoucherDoc[]): Promise<VoucherDoc[]> {
  if (!vouchers.length) return []
  const coll = deps.db.collection('vouchers')
  try {
    await coll.add([...vouchers])
    return [...vouchers]
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error
  }
  const inserted: VoucherDoc[] = []
  for (const v of vouchers) {
    try {
      await coll.add(v)
      inserted.push(v)
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error
    }
  }
  return inserted
}
