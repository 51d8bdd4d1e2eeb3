import { cancelRefusal } from '@shared/domain/activity'
import type { Handler } from '../../_lib/entry'
import { AppError } from '../../_lib/app-error'
import type { SignupDoc } from '../../_lib/documents'
import { loadActivity, signupId } from '../activities.repo'
import { isStale } from '../claim-place'
import { handOnPlace, takeOverHandOn } from '../hand-on'

/**
 * Cancelling a confirmed place hands it to the first waiting member (see hand-on.ts); the sign-up
 * keeps a `placeOwed` mark until that is done, so a retry after a crash finishes the hand-on and
 * answers that the sign-up is cancelled. Cancelling a waitlist place just leaves the line.
 * Cancelling twice is harmless (the second answers cancelled: false). A checked-in member cannot
 * cancel: the attendance stays.
 */
export const cancelSignUp: Handler<'activity.cancel'> = async ({ deps, me, input, timeLimitMs }) => {
  const { db, clock, ids } = deps
  const a = await loadActivity(deps, me, input.id)
  const refusal = cancelRefusal(a.cancelDeadline, clock.now())
  if (refusal) throw new AppError('CLOSED', refusal)
  const coll = db.collection('signups')
  const id = signupId(a._id, me.member._id)
  const now = clock.now()
  if (a.allocation === 'lottery' && a.drawState !== 'drawn') {
    // Entrants are fixed from the draw time on, so a run of the draw never sees them change.
    if (a.drawAt && now >= a.drawAt) throw new AppError('CLOSED', '已经开始抽签，不能再退出抽签')
    return { cancelled: (await coll.where({ _id: id, status: 'entered' }).update({ status: 'cancelled', cancelledAt: now, changedAt: now })).updated === 1 }
  }
  const lock = ids.next()
  // Only a place not yet checked in: attendance is a record and stays (the check-in's own write
  // needs checkedInAt: null too, so a scan and a cancel at the same moment cannot both land).
  const off = await coll.where({ _id: id, status: 'confirmed', checkedInAt: null }).updateAndReturn({ status: 'cancelled', cancelledAt: now, changedAt: now, placeOwed: lock })
  if (off.updated === 1) {
    await handOnPlace(deps, a, off.doc as SignupDoc, lock)
    return { cancelled: true }
  }
  const left = await coll.where({ _id: id, status: 'waiting' }).update({ status: 'cancelled', cancelledAt: now, changedAt: now, seq: null })
  if (left.updated === 1) return { cancelled: true }

  const mine = (await coll.doc(id).get()).data[0] as SignupDoc | undefined
  if (mine?.status === 'confirmed' && mine.checkedInAt) throw new AppError('CLOSED', '您已签到，出勤已记录，不能再取消报名')
  if (mine?.status !== 'cancelled' || !mine.placeOwed) return { cancelled: false }
  // Cancelled by an earlier call of this member that was cut before its place was handed on: finish
  // that (unless it may still be running — then it will). Either way the sign-up is cancelled.
  if (isStale(mine.changedAt, now, timeLimitMs)) {
    const taken = await takeOverHandOn(deps, mine, timeLimitMs)
    if (taken) await handOnPlace(deps, a, mine, taken)
  }
  return { cancelled: true }
}
