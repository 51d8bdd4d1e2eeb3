import type { AidKind } from '@shared/domain/hardship'
import { lineForAid } from '@shared/domain/funds'
import { appendAudit, auditEntryExists, type AuditInput } from '../_lib/audit'
import type { Deps } from '../_lib/deps'
import type { HardshipRequestDoc } from './records'
import type { NewEntry } from '../_lib/ledger'

/**
 * Aid in the union's books. The ledger and the audit trail say which line, how much and which
 * request id — never who asked or why: those stay with the applicant, the reporter and reviewers.
 * The entries, and the audit entry, are written in the same transaction as the step (booked-steps.ts).
 */
const MEMO: Readonly<Record<AidKind, string>> = { care: '会员慰问支出', hardship: '困难帮扶支出' }

export interface Actor {
  readonly id: string
  readonly name: string
}

/** The commitment an approval makes: the whole approved sum on the aid's line, keyed by the request. */
export const approvalEntry = (req: HardshipRequestDoc, amountFen: number, by: Actor): NewEntry => ({
  _id: `hardship-approve:${req._id}`,
  unionId: req.unionId,
  year: req.year,
  line: lineForAid(req.kind),
  committed: amountFen,
  spent: 0,
  source: { type: 'hardship', id: req._id },
  memo: `${MEMO[req.kind]}（批准）`,
  by: by.id,
  byName: by.name,
})

/** Paying turns the commitment into spending (the line's remainder does not move). */
export const paymentEntry = (req: HardshipRequestDoc, amountFen: number, by: Actor): NewEntry => ({
  _id: `hardship-pay:${req._id}`,
  unionId: req.unionId,
  year: req.year,
  line: lineForAid(req.kind),
  committed: -amountFen,
  spent: amountFen,
  source: { type: 'hardship', id: req._id },
  memo: MEMO[req.kind],
  by: by.id,
  byName: by.name,
})

const AUDITED = { approve: 'hardship.approve', pay: 'hardship.pay' } as const
export type AuditedStep = keyof typeof AUDITED

/** The step's audit entry: which line, how much, which request — never who asked or why. */
export const auditOf = (req: HardshipRequestDoc, step: AuditedStep, amountFen: number, by: Actor): AuditInput => ({
  unionId: req.unionId,
  actor: by.id,
  actorName: by.name,
  action: AUDITED[step],
  target: req._id,
  data: { amountFen, line: lineForAid(req.kind) },
})

/**
 * The step's audit entry for a step left by an earlier version (which appended it after the step's
 * own write). A request is approved once and paid once, so (action, request) names the entry:
 * `lookFirst` when an earlier, cut try may have appended it already.
 */
export async function auditStep(deps: Deps, req: HardshipRequestDoc, step: AuditedStep, amountFen: number, by: Actor, lookFirst: boolean): Promise<void> {
  if (lookFirst && (await auditEntryExists(deps, req.unionId, AUDITED[step], req._id))) return
  await appendAudit(deps, auditOf(req, step, amountFen, by))
}
