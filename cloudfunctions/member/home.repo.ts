import { isOpen, REQUEST_STATUSES } from '@shared/domain/hardship'
import { countOf, countRead, readTogether, stages, type SubRead } from '../_lib/batch-read'
import type { Deps } from '../_lib/deps'
import type { ActivityDoc, HardshipRequestDoc, SignupDoc, VoucherDoc } from '../_lib/documents'
import { latestUnreadRead, type Reader } from '../_lib/messages.repo'

/**
 * 首页's reads of the caller's own items in the other domains' records, shaped as reads inside the
 * batch member.me already makes (see batch-read.ts), so 首页 costs member.me's two round trips, one
 * for the coming events and one per place in line. Each read names only the caller's own records.
 */

/** How many of each the first screen shows; the page behind each section has the rest. */
export const SHOWN = { activities: 5, vouchers: 5, requests: 5, messages: 3 } as const
/** A member's live sign-ups to look through (a year of events fits well within it). */
const SIGNUPS_LIMIT = 100
/** Vouchers looked through for the two voucher sections. */
const VOUCHERS_LIMIT = 20
/** A closed request stays on 首页 this long, so its outcome is seen. */
const CLOSED_SHOWN_MS = 30 * 24 * 3600_000

export type HomeReads = 'signups' | 'vouchers' | 'requests' | 'messages'

export function homeReads(deps: Deps, reader: Reader): Record<HomeReads, SubRead> {
  const _ = deps.db.command
  const now = deps.clock.now()
  const { unionId, memberId } = reader
  const open = REQUEST_STATUSES.filter(isOpen)
  return {
    signups: {
      from: 'signups',
      pipeline: stages(deps)
        .match({ unionId, memberId, status: _.in(['confirmed', 'waiting', 'entered']) })
        .sort({ signedAt: -1, _id: 1 })
        .limit(SIGNUPS_LIMIT)
        .project({ activityId: 1, status: 1, seq: 1 })
        .done(),
    },
    vouchers: {
      from: 'vouchers',
      pipeline: stages(deps)
        .match({ unionId, memberId, status: 'issued', redeemUntil: _.gt(now) })
        .sort({ redeemUntil: 1, _id: 1 })
        .limit(VOUCHERS_LIMIT)
        .project({ kind: 1, name: 1, status: 1, needsChoice: 1, optionId: 1, optionName: 1, claimClosesAt: 1, redeemFrom: 1, redeemUntil: 1 })
        .done(),
    },
    // Requests the caller made or reported, still open or closed lately: nothing of one they are not part of.
    requests: {
      from: 'hardship_requests',
      pipeline: stages(deps)
        .match(
          _.and([
            { unionId },
            _.or([{ memberId }, { reporterId: memberId }]),
            _.or([{ status: _.in(open) }, { updatedAt: _.gte(new Date(now.getTime() - CLOSED_SHOWN_MS)) }]),
          ]),
        )
        .sort({ updatedAt: -1, _id: 1 })
        .limit(SHOWN.requests)
        .project({ categoryName: 1, status: 1, memberId: 1, memberName: 1, updatedAt: 1 })
        .done(),
    },
    messages: latestUnreadRead(deps, reader, SHOWN.messages),
  }
}

export type HomeSignup = Pick<SignupDoc, '_id' | 'activityId' | 'status' | 'seq'>
export type HomeVoucherRow = Pick<
  VoucherDoc,
  '_id' | 'kind' | 'name' | 'status' | 'needsChoice' | 'optionId' | 'optionName' | 'claimClosesAt' | 'redeemFrom' | 'redeemUntil'
>
export type HomeRequestRow = Pick<HardshipRequestDoc, '_id' | 'categoryName' | 'status' | 'memberId' | 'memberName' | 'updatedAt'>

/** Places in line counted in the same trip as the events; a member waiting for more events than this is rare. */
const POSITIONS_IN_BATCH = 20

export interface ComingEvent {
  readonly activity: ActivityDoc
  readonly signup: HomeSignup
  /** 1 = next in line; null when not waiting. */
  readonly waitingPosition: number | null
}

/**
 * The coming, open events among the caller's sign-ups, soonest first, each with the caller's place
 * in line: the events and the waiting counts in one more round trip (anchored on the union). A
 * place is the waiting sign-ups ahead (lower ticket) plus one, as the activity function counts it.
 */
export async function comingEvents(deps: Deps, unionId: string, signups: readonly HomeSignup[]): Promise<ComingEvent[]> {
  if (!signups.length) return []
  const _ = deps.db.command
  const waiting = signups.filter((s) => s.status === 'waiting' && s.seq !== null)
  const counted = waiting.slice(0, POSITIONS_IN_BATCH)
  const ahead = (s: HomeSignup) => ({ activityId: s.activityId, status: 'waiting', seq: _.lt(s.seq) })
  const reads: Record<string, SubRead> = {
    activities: {
      from: 'activities',
      pipeline: stages(deps)
        .match({ _id: _.in(signups.map((s) => s.activityId)), unionId, status: 'open', endAt: _.gt(deps.clock.now()) })
        .sort({ startAt: 1, _id: 1 })
        .limit(SHOWN.activities)
        .project({ title: 1, place: 1, startAt: 1, endAt: 1, allocation: 1, drawAt: 1, drawnAt: 1 })
        .done(),
    },
    ...Object.fromEntries(counted.map((s, i) => [`ahead${i}`, countRead(deps, 'signups', ahead(s))])),
  }
  const batch = await readTogether(deps, { collection: 'unions', where: { _id: unionId } }, reads)
  const positions = new Map(counted.map((s, i) => [s.activityId, countOf(batch?.rows[`ahead${i}`] ?? []) + 1]))
  const mine = new Map(signups.map((s) => [s.activityId, s]))
  return Promise.all(
    ((batch?.rows.activities ?? []) as ActivityDoc[]).map(async (activity) => {
      const signup = mine.get(activity._id)!
      const waits = signup.status === 'waiting' && signup.seq !== null
      const position = !waits ? null : (positions.get(activity._id) ?? (await deps.db.collection('signups').where(ahead(signup)).count()).total + 1)
      return { activity, signup, waitingPosition: position }
    }),
  )
}
