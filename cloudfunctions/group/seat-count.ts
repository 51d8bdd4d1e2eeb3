import type { Deps } from '../_lib/deps'
import { completeClaim, isStale, restore, type OwnedClaim } from './claims'
import { groupById, saveSeatCount } from './groups.repo'
import { seatHolders } from './memberships.repo'
import type { GroupMemberDoc } from './records'

export interface Settled {
  /** The count before and after (equal when nothing was written). */
  readonly from: number
  readonly to: number
  /** Owned claims now `active`. */
  readonly completed: readonly string[]
  /** Owned claims given up for want of a seat (restored to what they were). */
  readonly released: readonly string[]
}

/** Recount attempts before giving up to a busy group (each loses only to a seat taken or given back meanwhile). */
const ATTEMPTS = 5
/** Claims in flight in one group at once: joins are quick, so far fewer than this. */
const IN_FLIGHT_MAX = 1000

/**
 * Makes a group's count agree with its roster, and seats the claims this call owns. Used where the
 * count cannot be trusted to include or exclude a seat: a claim left by a dead call may or may not
 * have taken its seat, and a leave cut after its first write may not have given it back.
 *
 * The count written is the roster (`active`) plus, counted as holding a seat because their call may
 * still be taking or giving one: other `joining` claims still young, memberships that left `active`
 * within the time limit, and the owned claims that fit under the limit. Other claims already stale
 * are not counted: nobody is taking a seat for them any more, and whoever resumes them seats them
 * here again. So the count is never below what the roster will be (the limit holds), and equals it
 * when nothing is in flight.
 *
 * The write is conditional on the count and its `seatVersion` as read before the roster was read,
 * so a seat taken or given back meanwhile makes it read again instead of being overwritten.
 * Without owned claims, a count already within what the roster allows is left alone.
 * Answers null when the group kept changing under it or no longer exists.
 */
export async function settleSeats(deps: Deps, groupId: string, timeLimitMs: number, mine: readonly OwnedClaim[]): Promise<Settled | null> {
  const { clock } = deps
  const owned = new Set(mine.map((c) => c.id))
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const group = await groupById(deps, groupId)
    if (!group) return null
    const now = clock.now()
    const { active, joining, vacated } = await seatHolders(deps, groupId, new Date(now.getTime() - timeLimitMs), IN_FLIGHT_MAX)
    const inFlight = joining.filter((m) => !owned.has(m._id) && !isStale(m, now, timeLimitMs)).length + vacated
    const held = active + inFlight
    const room = group.sizeLimit === null ? mine.length : Math.max(0, group.sizeLimit - held)
    const seated = mine.slice(0, room)
    const released = mine.slice(room)
    const target = held + seated.length
    const from = group.memberCount

    const withinRoster = from >= active && from <= target
    if (mine.length > 0 || !withinRoster) {
      if (!(await saveSeatCount(deps, groupId, from, group.seatVersion, target))) continue
    }

    const completed: string[] = []
    for (const c of seated) if (await completeClaim(deps, c)) completed.push(c.id)
    for (const c of released) await restore(deps, c)
    return { from, to: mine.length > 0 || !withinRoster ? target : from, completed, released: released.map((c) => c.id) }
  }
  return null
}

/** After this, the repair job has certainly recounted the group: a repeated leave need not. */
const REPAIRED_WITHIN_MS = 24 * 3600 * 1000

/**
 * A leave or removal cut after its first write (the membership left `active`) may not have given
 * its seat back, and nobody can tell. When the same caller tries again and the call that vacated is
 * certainly over, the count is settled from the roster; before that, the seat may still be on its way.
 */
export async function settleAfterVacating(deps: Deps, doc: GroupMemberDoc, timeLimitMs: number): Promise<void> {
  if (!doc.vacatedAt || (doc.status !== 'left' && doc.status !== 'removed')) return
  const age = deps.clock.now().getTime() - doc.vacatedAt.getTime()
  if (age >= timeLimitMs && age < REPAIRED_WITHIN_MS) await settleSeats(deps, doc.groupId, timeLimitMs, [])
}
