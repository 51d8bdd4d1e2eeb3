import type { TimerJob } from '../../_lib/entry'
import type { Deps } from '../../_lib/deps'
import { notify } from '../../_lib/notify'
import { cutCallOffs, eventsWithLeftNotices, openEvents, readActivity, setCountIfUnchanged } from '../activities.repo'
import { isStale, placeClaim, takeOverClaim } from '../claim-place'
import { handOnPlace, takeOverHandOn } from '../hand-on'
import { fillFromWaitlist, tellPromoted, type Promoted } from '../places'
import type { ActivityDoc } from '../records'
import {
  clearOwed,
  countPromotedBy,
  dropClaim,
  leftClaims,
  leftHandOns,
  owingAt,
  changedSince,
  perEvent as countPerEvent,
  untoldPromotions,
} from '../signups.repo'
import { tellCancelled } from '../handlers/cancel-event'
import { sendNotice } from '../handlers/update-activity'

const PAGE = 100
/** Left-over work is taken in bounded bites per run; the next run takes the rest. */
const BITE = 100

/**
 * Every ten minutes: what calls cut by a crash or a timeout left half-done is finished, and each
 * open event's count of places is made equal to its records. Every repair is logged.
 *
 * 1. Places. An event is recounted only when quiet — no sign-up of it changed, and no place was
 *    taken or given back, within the time limit (read before and after counting): then no call is
 *    half-way through it, and the count must be the confirmed sign-ups plus the places cancelled
 *    sign-ups still owe to the waitlist. The count is written only if it is still the one read
 *    (count and time), so a place taken meanwhile voids the repair instead of being overwritten.
 * 2. Places owed by a cut cancellation are handed on (or given back).
 * 3. Sign-ups left `joining` by a call nobody retried are finished as the member asked: a place if
 *    there is one, else the waitlist, else released (no waitlist and full). The member pressed
 *    报名 and never saw an answer, so the repair completes what they asked for rather than dropping
 *    it (on a popular event a dropped sign-up finds the places gone when they look again); they are
 *    told how it ended and can still cancel. Before this step such a claim holds no place in the
 *    count: a dead call may have taken one for it, and finishing takes one again.
 * 4. Promotions, change notices and call-offs whose telling was cut are told (each message once).
 * 5. Free places with members waiting are given to the waitlist's head, in order.
 */
export const repairActivities: TimerJob = async (deps, { timeLimitMs }) => {
  const now = deps.clock.now()
  const report = { events: 0, recounted: 0, handedOn: 0, finished: 0, told: 0, notices: 0, calledOff: 0, promoted: 0 }

  const events = await openEvents(deps, now, PAGE, 10_000)
  report.events = events.length
  const waitingAt: ActivityDoc[] = []
  for (let i = 0; i < events.length; i += PAGE) {
    const page = events.slice(i, i + PAGE)
    const { recounted, waiting } = await recountPlaces(deps, page, now, timeLimitMs)
    report.recounted += recounted
    waitingAt.push(...waiting)
  }

  report.handedOn = await finishHandOns(deps, now, timeLimitMs)
  report.finished = await finishSignUps(deps, now, timeLimitMs)
  report.told = await tellUntoldPromotions(deps, now, timeLimitMs)
  report.notices = await sendLeftNotices(deps, now, timeLimitMs)
  report.calledOff = await finishCallOffs(deps, now, timeLimitMs)

  for (const a of waitingAt) {
    const promoted = await fillFromWaitlist(deps, a)
    if (!promoted.length) continue
    await tellPromoted(deps, a, promoted)
    deps.log('warn', 'activity-repair', { repair: 'waitlist-filled', activityId: a._id, promoted: promoted.length })
    report.promoted += promoted.length
  }
  return report
}

/** Counts a page of events' places against their records (step 1); returns the events with free places and members waiting. */
async function recountPlaces(deps: Deps, page: readonly ActivityDoc[], now: Date, timeLimitMs: number): Promise<{ recounted: number; waiting: ActivityDoc[] }> {
  const ids = page.map((a) => a._id)
  const since = new Date(now.getTime() - timeLimitMs)
  const perEvent = (match: Record<string, unknown>) => countPerEvent(deps, ids, match)
  const busyBefore = await perEvent(changedSince(deps, since))
  const confirmed = await perEvent({ status: 'confirmed' })
  const owing = await owingAt(deps, ids)
  const owed = new Map<string, number>()
  for (const c of owing) {
    // A cut hand-on may have promoted its member already: then the place is that member's, counted among the confirmed.
    const handed = (await countPromotedBy(deps, c.activityId, `${c._id}:${c.claim}`)) > 0
    if (!handed) owed.set(c.activityId, (owed.get(c.activityId) ?? 0) + 1)
  }
  const waitingCount = await perEvent({ status: 'waiting' })
  const busyAfter = await perEvent(changedSince(deps, since))

  let recounted = 0
  const waiting: ActivityDoc[] = []
  for (const a of page) {
    // Before the draw a lottery's entries hold no places; while drawing, the draw writes the count itself.
    if (a.allocation === 'lottery' && a.drawState !== 'drawn') continue
    let count = a.confirmedCount
    const quiet = !busyBefore.get(a._id) && !busyAfter.get(a._id) && isStale(a.placesAt, now, timeLimitMs)
    const expected = (confirmed.get(a._id) ?? 0) + (owed.get(a._id) ?? 0)
    if (quiet && expected !== a.confirmedCount) {
      if (await setCountIfUnchanged(deps, a, expected)) {
        deps.log('warn', 'activity-repair', { repair: 'places-recounted', activityId: a._id, was: a.confirmedCount, now: expected })
        recounted++
        count = expected
      }
    }
    if (waitingCount.get(a._id) && (a.capacity === null || count < a.capacity)) waiting.push(a)
  }
  return { recounted, waiting }
}

/** Events by id, read once per run. */
function eventCache(deps: Deps): (id: string) => Promise<ActivityDoc | undefined> {
  const seen = new Map<string, Promise<ActivityDoc | undefined>>()
  return (id) => {
    if (!seen.has(id)) seen.set(id, readActivity(deps, id))
    return seen.get(id)!
  }
}

/** Step 2: places cancelled sign-ups still owe, left by calls that died. */
async function finishHandOns(deps: Deps, now: Date, timeLimitMs: number): Promise<number> {
  const left = await leftHandOns(deps, new Date(now.getTime() - timeLimitMs), BITE)
  const event = eventCache(deps)
  let done = 0
  for (const c of left) {
    const lock = await takeOverHandOn(deps, c, timeLimitMs)
    if (!lock) continue
    const a = await event(c.activityId)
    // A called-off or finished event has no one to hand a place to: the mark just goes.
    if (!a || a.status !== 'open' || a.endAt <= now) await clearOwed(deps, c._id, lock)
    else await handOnPlace(deps, a, c, lock)
    deps.log('warn', 'activity-repair', { repair: 'hand-on-finished', activityId: c.activityId })
    done++
  }
  return done
}

/** Step 3: sign-ups left `joining` by calls that died and that the member did not retry. */
async function finishSignUps(deps: Deps, now: Date, timeLimitMs: number): Promise<number> {
  const left = await leftClaims(deps, new Date(now.getTime() - timeLimitMs), BITE)
  const event = eventCache(deps)
  let done = 0
  for (const s of left) {
    const a = await event(s.activityId)
    if (a?.drawState === 'drawing') continue
    const claim = await takeOverClaim(deps, s, { timeLimitMs, claim: deps.ids.next() })
    if (!claim) continue
    const release = () => dropClaim(deps, s._id, claim, null)
    if (!a || a.status !== 'open' || a.endAt <= now) {
      // Called off or over meanwhile: there is nothing left to sign up for.
      await release()
      deps.log('warn', 'activity-repair', { repair: 'sign-up-released', activityId: s.activityId })
      continue
    }
    const { outcome } = await placeClaim(deps, a, s, claim, release)
    const ending = {
      confirmed: { title: `报名成功：${a.title}`, body: '您之前提交的报名当时没能处理完，现已为您报名成功。如不能参加，请在截止时间前取消。' },
      waiting: { title: `排队候补：${a.title}`, body: '您之前提交的报名当时没能处理完，现已为您排上候补，有人取消时会按顺序递补。' },
      full: { title: `报名未成功：${a.title}`, body: '您之前提交的报名当时没能处理完，现在名额已满，这次没能报上。' },
    }[outcome]
    await notify(deps, [
      {
        key: `signup-resolved:${claim}`,
        unionId: a.unionId,
        memberId: s.memberId,
        kind: 'signup-resolved',
        link: `/pages/activity/index?id=${a._id}`,
        ...ending,
      },
    ])
    deps.log('warn', 'activity-repair', { repair: 'sign-up-finished', activityId: a._id, outcome })
    done++
  }
  return done
}

/** Step 4a: promotions whose telling was cut. */
async function tellUntoldPromotions(deps: Deps, now: Date, timeLimitMs: number): Promise<number> {
  const untold = await untoldPromotions(deps, new Date(now.getTime() - timeLimitMs), BITE)
  const byEvent = new Map<string, Promoted[]>()
  for (const s of untold) byEvent.set(s.activityId, [...(byEvent.get(s.activityId) ?? []), s])
  const event = eventCache(deps)
  for (const [id, promoted] of byEvent) {
    const a = await event(id)
    if (!a) continue
    await tellPromoted(deps, a, promoted)
    deps.log('warn', 'activity-repair', { repair: 'promotion-told', activityId: id, members: promoted.length })
  }
  return untold.length
}

/** Step 4b: change notices an edit saved and did not finish sending. */
async function sendLeftNotices(deps: Deps, now: Date, timeLimitMs: number): Promise<number> {
  const left = await eventsWithLeftNotices(deps, new Date(now.getTime() - timeLimitMs), BITE)
  for (const a of left) {
    await sendNotice(deps, a, a.notice!)
    deps.log('warn', 'activity-repair', { repair: 'change-notice-sent', activityId: a._id })
  }
  return left.length
}

/** Step 4c: call-offs whose telling was cut. */
async function finishCallOffs(deps: Deps, now: Date, timeLimitMs: number): Promise<number> {
  const left = await cutCallOffs(deps, new Date(now.getTime() - timeLimitMs), BITE)
  for (const a of left) {
    const people = await tellCancelled(deps, a)
    deps.log('warn', 'activity-repair', { repair: 'call-off-told', activityId: a._id, members: people })
  }
  return left.length
}
