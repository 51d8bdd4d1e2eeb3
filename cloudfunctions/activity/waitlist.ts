import type { Deps } from '../_lib/deps'
import type { SignupDoc } from '../_lib/documents'

/** 1 = next in line. */
export async function waitingPosition(deps: Deps, s: SignupDoc): Promise<number | null> {
  if (s.status !== 'waiting' || s.seq === null) return null
  return (await deps.db.collection('signups').where({ activityId: s.activityId, status: 'waiting', seq: deps.db.command.lt(s.seq) }).count()).total + 1
}
