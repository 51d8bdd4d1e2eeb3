import { isDuplicateWrite } from '../_lib/db-errors'
import type { Deps } from '../_lib/deps'
import { readAll } from '../_lib/read-all'
import type { SignupDoc } from './records'

/**
 * The `signups` collection (`_id` = `<activity>:<member>`): a member's claim and its settling, the
 * waitlist, cancelling and handing a place on, check-in, and the lists organizers and timers read.
 * Every change of status is one conditional write; nothing else in the activity function names it.
 */
const SIGNUPS = 'signups'
const signups = (deps: Deps) => deps.db.collection(SIGNUPS)

export type Status = SignupDoc['status']

export async function readSignup(deps: Deps, id: string): Promise<SignupDoc | undefined> {
  return (await signups(deps).doc(id).get()).data[0] as SignupDoc | undefined
}

// —— claims: a sign-up is claimed once, then settled by the call holding the claim ——

/** The claim, inserted under its natural key: false when the member already has a sign-up there. */
export async function insertClaim(deps: Deps, doc: SignupDoc): Promise<boolean> {
  try {
    await signups(deps).add(doc)
    return true
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error
    return false
  }
}

/** A cancelled sign-up claimed again (signing up after cancelling). */
export async function reclaimCancelled(deps: Deps, id: string, set: Partial<SignupDoc>): Promise<boolean> {
  return (await signups(deps).where({ _id: id, status: 'cancelled' }).update(set)).updated === 1
}

/**
 * Swaps the claim token of a `joining` sign-up; `since` (when given) demands the claim be older than
 * that — left by a call that is certainly over. One conditional write, so of a retry and the repair
 * at once exactly one goes on.
 */
export async function swapClaim(
  deps: Deps,
  s: Pick<SignupDoc, '_id' | 'claim'>,
  claim: string,
  since: Date | null,
  set: Record<string, unknown> = {},
): Promise<boolean> {
  const now = deps.clock.now()
  const old = since ? { signedAt: deps.db.command.lt(since) } : {}
  return (
    (
      await signups(deps)
        .where({ _id: s._id, status: 'joining', claim: s.claim, ...old })
        .update({ ...set, claim, signedAt: now, changedAt: now })
    ).updated === 1
  )
}

/** The claim's outcome (a place, a ticket), written only while the claim is still this call's. */
export async function settleClaim(deps: Deps, id: string, claim: string, set: Record<string, unknown>): Promise<boolean> {
  return (
    (
      await signups(deps)
        .where({ _id: id, claim })
        .update({ ...set, changedAt: deps.clock.now() })
    ).updated === 1
  )
}

/** The claim undone: a new sign-up removed, or a cancelled one put back as it was. */
export async function dropClaim(deps: Deps, id: string, claim: string, restore: Pick<SignupDoc, 'claim' | 'answers' | 'signedAt'> | null): Promise<void> {
  const mine = signups(deps).where({ _id: id, claim })
  if (restore) await mine.update({ status: 'cancelled', ...restore, changedAt: deps.clock.now() })
  else await mine.remove()
}

// —— the waitlist ——

/** The waitlist's head, in ticket order (seq is unique per event). */
export async function waitlistHead(deps: Deps, activityId: string): Promise<SignupDoc | undefined> {
  return (await signups(deps).where({ activityId, status: 'waiting' }).orderBy('seq', 'asc').limit(1).get()).data[0] as SignupDoc | undefined
}

/** 1 = next in line. */
export async function waitingPosition(deps: Deps, s: Pick<SignupDoc, 'activityId' | 'status' | 'seq'>): Promise<number | null> {
  if (s.status !== 'waiting' || s.seq === null) return null
  return (
    (
      await signups(deps)
        .where({ activityId: s.activityId, status: 'waiting', seq: deps.db.command.lt(s.seq) })
        .count()
    ).total + 1
  )
}

/**
 * Moves one waiting sign-up into a place it already holds; false if it left the line meanwhile.
 * `told` is false when the promotion still has to be told (and marked), null when the caller tells
 * it under a lock of its own (a hand-on).
 */
export async function promote(deps: Deps, id: string, promotedBy: string | null, told: false | null): Promise<boolean> {
  const now = deps.clock.now()
  return (
    (
      await signups(deps)
        .where({ _id: id, status: 'waiting' })
        .update({ status: 'confirmed', promotedAt: now, promotedBy, promotionTold: told, changedAt: now })
    ).updated === 1
  )
}

export async function markPromotionsTold(deps: Deps, ids: readonly string[]): Promise<void> {
  await signups(deps)
    .where({ _id: deps.db.command.in([...ids]), promotionTold: false })
    .update({ promotionTold: true })
}

/** The sign-up a hand-on promoted, found by the mark it left there. */
export async function promotedBy(deps: Deps, activityId: string, mark: string): Promise<SignupDoc | undefined> {
  return (await signups(deps).where({ activityId, promotedBy: mark }).limit(1).get()).data[0] as SignupDoc | undefined
}

export async function countPromotedBy(deps: Deps, activityId: string, mark: string): Promise<number> {
  return (await signups(deps).where({ activityId, promotedBy: mark }).count()).total
}

// —— leaving ——

/**
 * A confirmed place not yet checked in, cancelled with the lock of the hand-on that follows (the
 * check-in's own write needs checkedInAt: null too, so a scan and a cancel cannot both land).
 * Answers with the sign-up as it now is, or null.
 */
export async function cancelConfirmed(deps: Deps, id: string, lock: string): Promise<SignupDoc | null> {
  const now = deps.clock.now()
  const res = await signups(deps)
    .where({ _id: id, status: 'confirmed', checkedInAt: null })
    .updateAndReturn({ status: 'cancelled', cancelledAt: now, changedAt: now, placeOwed: lock })
  return res.updated === 1 ? (res.doc as SignupDoc) : null
}

/** Leaves the waitlist (or, `entered`, a lottery not drawn yet). */
export async function leave(deps: Deps, id: string, from: 'waiting' | 'entered'): Promise<boolean> {
  const now = deps.clock.now()
  return (
    (
      await signups(deps)
        .where({ _id: id, status: from })
        .update({ status: 'cancelled', cancelledAt: now, changedAt: now, ...(from === 'waiting' ? { seq: null } : {}) })
    ).updated === 1
  )
}

/** The hand-on's lock released; false when another call holds it now. */
export async function clearOwed(deps: Deps, id: string, lock: string): Promise<boolean> {
  return (await signups(deps).where({ _id: id, placeOwed: lock }).update({ placeOwed: null, changedAt: deps.clock.now() })).updated === 1
}

/** Takes over a hand-on's lock last moved before `since` (its call is certainly over). */
export async function takeOverOwed(deps: Deps, c: Pick<SignupDoc, '_id' | 'placeOwed'>, lock: string, since: Date): Promise<boolean> {
  return (
    (
      await signups(deps)
        .where({ _id: c._id, status: 'cancelled', placeOwed: c.placeOwed, changedAt: deps.db.command.lt(since) })
        .update({ placeOwed: lock, changedAt: deps.clock.now() })
    ).updated === 1
  )
}

// —— check-in ——

export async function checkInOnce(deps: Deps, id: string, by: string): Promise<boolean> {
  return (
    (await signups(deps).where({ _id: id, status: 'confirmed', checkedInAt: null }).update({ checkedInAt: deps.clock.now(), checkedInBy: by })).updated === 1
  )
}

export const confirmedForCodes = (deps: Deps, activityId: string) =>
  readAll<SignupDoc>(
    signups(deps).where({ activityId, status: 'confirmed' }).field({ _id: true, memberName: true, departmentName: true, status: true, checkedInAt: true }),
  )

// —— counts and lists ——

export async function countByStatus(deps: Deps, activityId: string, status: Status, checkedIn = false): Promise<number> {
  return (
    await signups(deps)
      .where({ activityId, status, ...(checkedIn ? { checkedInAt: deps.db.command.neq(null) } : {}) })
      .count()
  ).total
}

/** Whether anyone holds or held a place, a ticket or an entry (the form and the allocation are then fixed). */
export async function anyTaken(deps: Deps, activityId: string): Promise<boolean> {
  return (
    (
      await signups(deps)
        .where({ activityId, status: deps.db.command.in(['confirmed', 'waiting', 'entered', 'joining']) })
        .count()
    ).total > 0
  )
}

export async function statusPage(deps: Deps, activityId: string, status: Status, order: 'signedAt' | 'seq', skip: number, limit: number): Promise<SignupDoc[]> {
  return (await signups(deps).where({ activityId, status }).orderBy(order, 'asc').orderBy('_id', 'asc').skip(skip).limit(limit).get()).data as SignupDoc[]
}

/** Everyone in these states at an event: who hears of a change, a call-off, a reminder. */
export const membersIn = (deps: Deps, activityId: string, statuses: readonly Status[], extra: Record<string, unknown> = {}) =>
  readAll<Pick<SignupDoc, '_id' | 'memberId'>>(
    signups(deps)
      .where({ activityId, status: deps.db.command.in([...statuses]), ...extra })
      .field({ memberId: true }),
  )

export const forExport = (deps: Deps, activityId: string) =>
  readAll<SignupDoc>(
    signups(deps)
      .where({ activityId, status: deps.db.command.in(['confirmed', 'waiting', 'entered']) })
      .orderBy('status', 'asc')
      .orderBy('seq', 'asc')
      .orderBy('signedAt', 'asc'),
  )

export const confirmedAt = (deps: Deps, activityIds: readonly string[]) =>
  readAll<SignupDoc>(
    signups(deps)
      .where({ activityId: deps.db.command.in([...activityIds]), status: 'confirmed' })
      .field({ memberId: true, activityId: true, checkedInAt: true }),
  )

/** A contest's teams: confirmed sign-ups per team (`match` narrows, e.g. to the checked in). One row per team at most, stated. */
export async function perTeam(deps: Deps, activityId: string, teamIds: readonly string[], match: Record<string, unknown> = {}): Promise<Map<string, number>> {
  const _ = deps.db.command
  const res = await signups(deps)
    .aggregate()
    .match({ activityId, status: 'confirmed', team: _.in([...teamIds]), ...match })
    .group({ _id: '$team', n: _.aggregate.sum(1) })
    .limit(teamIds.length)
    .end()
  return new Map((res.data as { _id: string; n: number }[]).map((r) => [r._id, r.n]))
}

export const checkedInMatch = (deps: Deps) => ({ checkedInAt: deps.db.command.neq(null) })

// —— the lottery ——

export const enteredMembers = (deps: Deps, activityId: string) =>
  readAll<SignupDoc>(signups(deps).where({ activityId, status: 'entered' }).field({ memberId: true }))

export async function drawWinners(deps: Deps, activityId: string, memberIds: readonly string[]): Promise<void> {
  await signups(deps)
    .where({ activityId, memberId: deps.db.command.in([...memberIds]), status: 'entered' })
    .update({ status: 'confirmed', changedAt: deps.clock.now() })
}

export async function drawWaiting(deps: Deps, activityId: string, memberId: string, seq: number): Promise<void> {
  await signups(deps).where({ activityId, memberId, status: 'entered' }).update({ status: 'waiting', seq, changedAt: deps.clock.now() })
}

export async function namesOf(deps: Deps, activityId: string, memberIds: readonly string[]): Promise<SignupDoc[]> {
  return (
    await signups(deps)
      .where({ activityId, memberId: deps.db.command.in([...memberIds]) })
      .field({ memberId: true, memberName: true, departmentName: true })
      .limit(memberIds.length)
      .get()
  ).data as SignupDoc[]
}

// —— what the repair job looks for ——

/** Per event: sign-ups matching `match` (one row per event at most, stated: CloudBase returns 20 rows of an aggregate without a limit). */
export async function perEvent(deps: Deps, ids: readonly string[], match: Record<string, unknown>): Promise<Map<string, number>> {
  const _ = deps.db.command
  const res = await signups(deps)
    .aggregate()
    .match({ activityId: _.in([...ids]), ...match })
    .group({ _id: '$activityId', n: _.aggregate.sum(1) })
    .limit(ids.length)
    .end()
  return new Map((res.data as { _id: string; n: number }[]).map((r) => [r._id, r.n]))
}

/** Sign-ups whose status (or hand-on mark) moved after `since`: a call may be half-way through them. */
export const changedSince = (deps: Deps, since: Date) => ({ changedAt: deps.db.command.gt(since) })

export const owingAt = (deps: Deps, ids: readonly string[]) =>
  readAll<SignupDoc>(
    signups(deps)
      .where({ activityId: deps.db.command.in([...ids]), status: 'cancelled', placeOwed: deps.db.command.neq(null) })
      .field({ activityId: true, claim: true }),
  )

export async function leftHandOns(deps: Deps, before: Date, bite: number): Promise<SignupDoc[]> {
  const _ = deps.db.command
  return (
    await signups(deps)
      .where({ status: 'cancelled', placeOwed: _.neq(null), changedAt: _.lt(before) })
      .limit(bite)
      .get()
  ).data as SignupDoc[]
}

export async function leftClaims(deps: Deps, before: Date, bite: number): Promise<SignupDoc[]> {
  return (
    await signups(deps)
      .where({ status: 'joining', signedAt: deps.db.command.lt(before) })
      .limit(bite)
      .get()
  ).data as SignupDoc[]
}

export async function untoldPromotions(deps: Deps, before: Date, bite: number): Promise<SignupDoc[]> {
  return (
    await signups(deps)
      .where({ status: 'confirmed', promotionTold: false, changedAt: deps.db.command.lt(before) })
      .limit(bite)
      .get()
  ).data as SignupDoc[]
}
