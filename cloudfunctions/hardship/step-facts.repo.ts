import { decideRefusal, mayViewRequest } from '@shared/domain/hardship'
import { AppError } from '../_lib/app-error'
import { auditHeadLookup, type AuditHead } from '../_lib/audit'
import type { Deps } from '../_lib/deps'
import type { CallerMember } from '../_lib/membership'
import { grantsLookup, type GrantRow } from './grants.repo'
import { effectivePolicy, policyLookup, type EffectivePolicy } from './policy.repo'
import type { HardshipPolicyDoc } from './records'
import { REQUESTS, requestNotFound } from './requests.repo'
import type { RequestWithFollowUps } from './follow-ups'

/** What a reviewer's money step decides on, read together. */
export interface StepFacts {
  readonly req: RequestWithFollowUps
  /** The standards in force for the request's year. */
  readonly policy: EffectivePolicy
  /** The member's grants of the request's category (every period and case); empty unless asked for. */
  readonly grants: readonly GrantRow[]
  /** The union's audit head, which the step's audit entry follows. */
  readonly auditHead: AuditHead | undefined
}

/**
 * For approving and paying: the request (within the caller's union, one they may decide), the
 * standards of its year, the member's allowance slots in its category and the audit head — four
 * reads in one round trip (an aggregate on the request with the others as lookups on its fields).
 * The transaction that follows reads the request again by id, so a step landing in between is seen.
 */
export async function loadStepFacts(deps: Deps, me: CallerMember, id: string, options: { grants: boolean }): Promise<StepFacts> {
  let query = deps.db
    .collection(REQUESTS)
    .aggregate()
    .match({ _id: id, unionId: me.unionId })
    .limit(1)
    .lookup({ ...policyLookup, as: 'policy' })
    .lookup({ ...auditHeadLookup, as: 'auditHead' })
  if (options.grants) query = query.lookup({ ...grantsLookup, as: 'grants' })
  const row = (await query.end()).data[0] as (RequestWithFollowUps & { policy: HardshipPolicyDoc[]; auditHead: AuditHead[]; grants?: GrantRow[] }) | undefined
  if (!row) throw requestNotFound()
  const { policy, auditHead, grants, ...req } = row
  if (!mayViewRequest(me.subject, req)) throw requestNotFound()
  const refusal = decideRefusal(me.subject, req)
  if (refusal) throw new AppError('FORBIDDEN', refusal)
  return { req, policy: effectivePolicy(req.year, policy[0]), grants: grants ?? [], auditHead: auditHead[0] }
}
