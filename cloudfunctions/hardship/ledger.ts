import type { AidKind } from '@shared/domain/hardship'
import { lineForAid } from '@shared/domain/funds'
import { appendAudit } from '../_lib/audit'
import type { Deps } from '../_lib/deps'
import type { HardshipRequestDoc } from '../_lib/documents'
import { adjustAvailable, post, requireOpenYear, reserve } from '../_lib/ledger'
import type { CallerMember } from '../_lib/membership'

/**
 * Aid in the union's books. The ledger and the audit trail say which line, how much and which
 * request id — never who asked or why: those stay with the applicant, the reporter and reviewers.
 */
const MEMO: Readonly<Record<AidKind, string>> = { care: '会员慰问支出', hardship: '困难帮扶支出' }

/** Before an approval writes anything: the year is open and the line has the amount (one conditional write). */
export async function reserveForApproval(deps: Deps, req: HardshipRequestDoc, kind: AidKind, amountFen: number): Promise<() => Promise<void>> {
  await requireOpenYear(deps, req.unionId, req.year)
  const line = lineForAid(kind)
  await reserve(deps, req.unionId, req.year, line, amountFen)
  return () => adjustAvailable(deps, req.unionId, req.year, line, amountFen)
}

export async function commitApproved(deps: Deps, me: CallerMember, req: HardshipRequestDoc, kind: AidKind, amountFen: number): Promise<void> {
  await post(deps, { _id: `hardship-approve:${req._id}`, unionId: req.unionId, year: req.year, line: lineForAid(kind), committed: amountFen, spent: 0, source: { type: 'hardship', id: req._id }, memo: `${MEMO[kind]}（批准）`, by: me.member._id, byName: me.member.name })
  await appendAudit(deps, { unionId: req.unionId, actor: me.member._id, actorName: me.member.name, action: 'hardship.approve', target: req._id, data: { amountFen, line: lineForAid(kind) } })
}

const payId = (req: HardshipRequestDoc) => `hardship-pay:${req._id}`

/** A retried payment checks (reads, no write) that its spend is in the books, and posts it if a crash lost it. */
export async function ensureSpendPosted(deps: Deps, me: CallerMember, req: HardshipRequestDoc): Promise<void> {
  if (!req.payment || (await deps.db.collection('ledger').doc(payId(req)).get()).data.length) return
  await spendPaid(deps, me, req, req.kind, req.payment.amountFen, false)
}

/** Paying turns the commitment into spending. */
export async function spendPaid(deps: Deps, me: CallerMember, req: HardshipRequestDoc, kind: AidKind, amountFen: number, audit: boolean): Promise<void> {
  const { created } = await post(deps, { _id: payId(req), unionId: req.unionId, year: req.year, line: lineForAid(kind), committed: -amountFen, spent: amountFen, source: { type: 'hardship', id: req._id }, memo: MEMO[kind], by: me.member._id, byName: me.member.name })
  if (created && audit) await appendAudit(deps, { unionId: req.unionId, actor: me.member._id, actorName: me.member.name, action: 'hardship.pay', target: req._id, data: { amountFen, line: lineForAid(kind) } })
}
