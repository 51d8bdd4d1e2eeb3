import type { Deps } from '../../_lib/deps'
import type { TimerJob } from '../../_lib/entry'
import { currentMembersAmong } from '../../_lib/members.repo'
import { completeFounding } from '../founding'
import { allSeatCounts, foundingsLeftBefore } from '../groups.repo'
import { rostersAndClaims } from '../memberships.repo'
import type { GroupMemberDoc } from '../records'
import { claimedAt, isStale, takeOver, type OwnedClaim } from '../claims'
import { settleSeats } from '../seat-count'

/** Rows of the per-group roster count: one per interest group, of every union. */
const MAX_GROUPS = 10_000

/**
 * Groups whose create died before its leaders were granted and seated (and whose admin did not send
 * the form again) are finished as the admin asked: the founding leaders still in the union become
 * its leaders and members. Each is logged with the group and how many leaders it got (never who).
 */
async function finishFoundings(deps: Deps, timeLimitMs: number): Promise<number> {
  const left = await foundingsLeftBefore(deps, new Date(deps.clock.now().getTime() - timeLimitMs))
  for (const group of left) {
    const asked = group.founding!.leaderIds
    const leaders = await currentMembersAmong(deps, group.unionId, asked)
    await completeFounding(deps, group, leaders)
    deps.log('warn', 'group-founding-finished', { groupId: group._id, leaders: leaders.length, asked: asked.length })
  }
  return left.length
}

/**
 * Every ten minutes: foundings left by dead creates are finished first (so the seat count below
 * sees their leaders). Then each interest group's memberCount is made to agree with its roster again, and
 * claims left by calls that died (a join or an approval cut between its writes) are finished: seated
 * in the order they were made while the limit allows, the rest given up. Only groups whose count
 * differs from their roster, or that hold a claim, are looked at; each repair is logged with the
 * group and both numbers (never who).
 */
export const repairSeats: TimerJob = async (deps, { timeLimitMs }) => {
  const { clock, ids, log } = deps
  const founded = await finishFoundings(deps, timeLimitMs)
  const [groups, { roster, claims }] = await Promise.all([allSeatCounts(deps), rostersAndClaims(deps, MAX_GROUPS)])
  const claimsOf = new Map<string, GroupMemberDoc[]>()
  for (const c of claims) claimsOf.set(c.groupId, [...(claimsOf.get(c.groupId) ?? []), c])

  const totals = { founded, looked: 0, repaired: 0, completed: 0, released: 0, busy: 0 }
  for (const group of groups) {
    // A founding still young may be writing its leaders' memberships: its count is right as it is.
    if (group.founding) continue
    const waiting = claimsOf.get(group._id) ?? []
    if (group.memberCount === (roster.get(group._id) ?? 0) && waiting.length === 0) continue
    totals.looked++
    const now = clock.now()
    const owned: OwnedClaim[] = []
    for (const doc of waiting.filter((c) => isStale(c, now, timeLimitMs)).sort((a, b) => claimedAt(a).getTime() - claimedAt(b).getTime())) {
      const taken = await takeOver(deps, doc, ids.next())
      if (taken) owned.push(taken)
    }
    const settled = await settleSeats(deps, group._id, timeLimitMs, owned)
    if (!settled) {
      totals.busy++
      log('warn', 'group-seats-busy', { groupId: group._id, claims: owned.length })
      continue
    }
    totals.completed += settled.completed.length
    totals.released += settled.released.length
    if (settled.from !== settled.to || settled.completed.length || settled.released.length) {
      totals.repaired++
      log('warn', 'group-seats-repaired', {
        groupId: group._id,
        from: settled.from,
        to: settled.to,
        completed: settled.completed.length,
        released: settled.released.length,
      })
    }
  }
  return totals
}
