import { cancelRefusal } from '@shared/domain/activity'
import type { Handler } from '../../_lib/entry'
import { AppError } from '../../_lib/app-error'
import { loadWithMine, signupId, visibleStatus } from '../activities.repo'
import { detailRefresh } from '../activity-detail'
import { isStale } from '../claim-place'
import { handOnPlace, takeOverHandOn } from '../hand-on'
import type { SignupDoc } from '../records'
import { cancelConfirmed, leave, readSignup } from '../signups.repo'

/**
 * Cancelling a confirmed place hands it to the first waiting member (see hand-on.ts); the sign-up
 * keeps a `placeOwed` mark until that is done, so a retry after a crash finishes the hand-on and
 * answers that the sign-up is cancelled. Cancelling a waitlist place just leaves the line.
 * Cancelling twice is harmless (the second answers cancelled: false). A checked-in member cannot
 * cancel: the attendance stays. The event is read with its waitlist's head, so handing the place on
 * needs no look of its own; the answer carries what the detail page shows of it.
 */
export const cancelSignUp: Handler<'activity.cancel'> = async ({ deps, me, input, timeLimitMs }) => {
  const { clock, ids } = deps
  const { activity: a, mine, head } = await loadWithMine(deps, me, input.id, { head: true })
  const refusal = cancelRefusal(a.cancelDeadline, clock.now())
  if (refusal) throw new AppError('CLOSED', refusal)
  const id = signupId(a._id, me.member._id)
  const now = clock.now()
  const cancelled = async (count = a.confirmedCount) => ({ cancelled: true, detail: await detailRefresh(deps, a, { status: 'cancelled' }, count) })
  const unchanged = async (s: SignupDoc | undefined) => ({
    cancelled: false,
    detail: await detailRefresh(deps, a, { status: visibleStatus(s), checkedInAt: s?.checkedInAt }),
  })

  if (a.allocation === 'lottery' && a.drawState !== 'drawn') {
    // Entrants are fixed from the draw time on, so a run of the draw never sees them change.
    if (a.drawAt && now >= a.drawAt) throw new AppError('CLOSED', '已经开始抽签，不能再退出抽签')
    return mine?.status === 'entered' && (await leave(deps, id, 'entered'))
      ? cancelled()
      : unchanged(mine?.status === 'entered' ? await readSignup(deps, id) : mine)
  }
  // The write the sign-up read calls for; it is conditional, so a sign-up changed since is read again.
  let current = mine
  for (let look = 0; look < 2; look++) {
    if (current?.status === 'confirmed') {
      if (current.checkedInAt) throw new AppError('CLOSED', '您已签到，出勤已记录，不能再取消报名')
      const lock = ids.next()
      const off = await cancelConfirmed(deps, id, lock)
      if (off) return cancelled(await handOnPlace(deps, a, off, lock, { fresh: true, head }))
    } else if (current?.status === 'waiting') {
      if (await leave(deps, id, 'waiting')) return cancelled()
    } else break
    current = await readSignup(deps, id)
  }
  if (current?.status !== 'cancelled' || !current.placeOwed) return unchanged(current)
  // Cancelled by an earlier call of this member that was cut before its place was handed on: finish
  // that (unless it may still be running — then it will). Either way the sign-up is cancelled.
  if (isStale(current.changedAt, now, timeLimitMs)) {
    const taken = await takeOverHandOn(deps, current, timeLimitMs)
    if (taken) return cancelled(await handOnPlace(deps, a, current, taken, { head }))
  }
  return cancelled()
}
