import { isEligible } from '@shared/domain/benefits'
import type { Deps } from '../_lib/deps'
import type { MemberDoc } from '../_lib/documents'
import { notify } from '../_lib/notify'
import { eligibleAfter, saveIssueCursor, type CampaignDoc } from './campaigns.repo'
import { existingVoucherIds, insertVouchers, newVoucher, settleVouchersOfPass, stalePasses, vouchersOfPass, type VoucherDoc } from './vouchers.repo'
import { commitPass, type Actor } from './postings'

export const ISSUE_BATCH = 500

export { eligibleWhere } from './campaigns.repo'

export interface IssueStep {
  /** Vouchers this call completed: its own, and those of dead passes it finished. */
  readonly issuedNow: number
  readonly done: boolean
}

/**
 * One batch of an issuing pass: the next eligible members after the campaign's cursor, minus those
 * who already hold a voucher (natural key). Every voucher carries the pass's id and `settled:
 * false`; after inserting, the pass reads back what carries its id — exactly what it inserted,
 * whether the batch went in whole, part-way (a duplicate stops an ordered insert) or by a racing
 * pass — and commits, notifies and settles exactly those. A pass cut by a crash is finished by the
 * next pass once it is older than the time limit, or by the daily repair. `extra` narrows who is
 * due now (birthday month).
 */
export async function issueBatch(
  deps: Deps,
  c: CampaignDoc,
  by: Actor,
  timeLimitMs: number,
  extra: (m: MemberDoc) => boolean = () => true,
): Promise<IssueStep> {
  const { clock } = deps
  const recovered = await finishDeadPasses(deps, c, by, timeLimitMs)
  const page = await eligibleAfter<MemberDoc>(deps, c, c.issueCursor ?? '', ISSUE_BATCH)
  const due = page.filter((m) => isEligible(c, m) && extra(m))
  const pass = deps.ids.next()
  const now = clock.now()
  const wanted: VoucherDoc[] = due.map((m) => ({ ...newVoucher(c, m, now), issuePass: pass, settled: false }))
  const existing = await existingVoucherIds(
    deps,
    wanted.map((v) => v._id),
  )
  const missing = wanted.filter((v) => !existing.has(v._id))
  let issuedNow = recovered
  if (missing.length) {
    await insertVouchers(deps, missing)
    issuedNow += await settlePass(deps, c, pass, by)
  }
  const done = page.length < ISSUE_BATCH
  await saveIssueCursor(deps, c._id, done ? '' : page[page.length - 1]._id)
  return { issuedNow, done }
}

/**
 * Commits, notifies and marks settled the vouchers one pass inserted. Every step is keyed (the
 * commitment by campaign and pass, each notice by its voucher), so finishing a pass again — after
 * a crash between any two of these writes — adds nothing twice. Returns how many this call settled.
 */
export async function settlePass(deps: Deps, c: CampaignDoc, pass: string, by: Actor): Promise<number> {
  const mine = await vouchersOfPass(deps, c._id, pass)
  if (!mine.length) return 0
  await commitPass(deps, c, pass, mine.length, by)
  await notify(
    deps,
    mine.map((v) => ({
      key: `voucher-issued:${v._id}`,
      unionId: v.unionId,
      memberId: v.memberId,
      kind: 'voucher-issued' as const,
      title: `福利到账：${v.name}`,
      body: v.needsChoice ? '请在截止前选择礼品。' : '可在兑换时间内出示券码使用。',
      link: '/pages/benefits/index',
    })),
  )
  // Counted by who flipped them, so two calls finishing one dead pass do not both report it.
  return settleVouchersOfPass(deps, c._id, pass)
}

/**
 * Passes whose vouchers are still unsettled longer than the time limit after they were stamped:
 * the invocation that inserted them is certainly over, so this one finishes them. Younger ones may
 * still be running and are left to their own invocation.
 */
export async function finishDeadPasses(deps: Deps, c: CampaignDoc, by: Actor, timeLimitMs: number): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - timeLimitMs)
  let finished = 0
  for (const pass of await stalePasses(deps, c._id, cutoff)) {
    const n = await settlePass(deps, c, pass, by)
    deps.log('warn', 'benefit-pass-finished', { campaignId: c._id, pass, vouchers: n })
    finished += n
  }
  return finished
}
