import type { Deps } from '../_lib/deps'
import { notify } from '../_lib/notify'
import { releasePlace, takePlace } from './activities.repo'
import { takeBackLosses } from './lottery'
import type { ActivityDoc, SignupDoc } from './records'
import { markPromotionsTold, promote, waitlistHead } from './signups.repo'

/** What telling a promoted member needs: the message's key is the sign-up's claim, one promotion per claim. */
export type Promoted = Pick<SignupDoc, '_id' | 'memberId' | 'claim'>

/**
 * Moves the first waiting members into free places, in waitlist order, until no place or nobody
 * is left. Each step takes the place first and gives it back if the member it meant was taken by
 * someone else (cancelled, or promoted by a concurrent call) — so no place is lost or doubled. A
 * crash between the two leaves the count one high (never low), which the repair job lowers.
 * `placeFirst`: where the event is most likely full (a member has just joined its line) the
 * conditional place write goes first, so a full event costs that one request; elsewhere (a place
 * was just given back, an edit) the head is looked up first. Returns the promoted, to be told.
 */
export async function fillFromWaitlist(deps: Deps, a: Pick<ActivityDoc, '_id' | 'capacity'>, placeFirst = false): Promise<Promoted[]> {
  const promoted: Promoted[] = []
  for (let guard = 0; guard < 50; guard++) {
    let next: SignupDoc | undefined
    if (placeFirst) {
      if (!(await takePlace(deps, a))) break
      next = await waitlistHead(deps, a._id)
      if (!next) {
        await releasePlace(deps, a._id)
        break
      }
    } else {
      next = await waitlistHead(deps, a._id)
      if (!next || !(await takePlace(deps, a))) break
    }
    if (await promote(deps, next._id, null, false)) promoted.push(next)
    else await releasePlace(deps, a._id)
  }
  return promoted
}

/**
 * The promoted are told, once: a place they queued for is theirs. `quietly` are members who
 * learn it from their own call's answer. The told-mark goes last, so a cut telling is found again
 * (by the repair job) and the message's key keeps it single; a hand-on tells under its own lock
 * and leaves no mark (`marked: false`).
 */
export async function tellPromoted(deps: Deps, a: ActivityDoc, promoted: readonly Promoted[], quietly: readonly string[] = [], marked = true): Promise<void> {
  if (!promoted.length) return
  await takeBackLosses(
    deps,
    a,
    promoted.map((p) => p.memberId),
  )
  await notify(
    deps,
    promoted
      .filter((p) => !quietly.includes(p.memberId))
      .map((p) => ({
        key: `waitlist-promoted:${p.claim}`,
        unionId: a.unionId,
        memberId: p.memberId,
        kind: 'waitlist-promoted' as const,
        title: `报名成功：${a.title}`,
        body: '有人取消了报名，您已从排队转为报名成功。',
        link: `/pages/activity/index?id=${a._id}`,
      })),
  )
  if (marked)
    await markPromotionsTold(
      deps,
      promoted.map((p) => p._id),
    )
}
