import { cancelRefusal } from '@shared/domain/activity'
import type { Handler } from '../../_lib/entry'
import { AppError } from '../../_lib/app-error'
import type { SignupDoc } from '../../_lib/documents'
import { loadActivity, signupId } from '../activities.repo'
import { fillFromWaitlist, releasePlace, tellPromoted } from '../places'

/**
 * Cancelling a confirmed place hands it straight to the first waiting member (the count never
 * dips, so nobody arriving meanwhile can slip past the waitlist); with nobody waiting the place is
 * given back. Cancelling a waitlist place just leaves the line. Cancelling twice is harmless.
 */
export const cancelSignUp: Handler<'activity.cancel'> = async ({ deps, me, input }) => {
  const { db, clock } = deps
  const a = await loadActivity(deps, me, input.id)
  const refusal = cancelRefusal(a.cancelDeadline, clock.now())
  if (refusal) throw new AppError('CLOSED', refusal)
  const coll = db.collection('signups')
  const id = signupId(a._id, me.member._id)
  const now = clock.now()
  if (a.allocation === 'lottery' && a.drawState !== 'drawn') {
    // Entrants are fixed from the draw time on, so a run of the draw never sees them change.
    if (a.drawAt && now >= a.drawAt) throw new AppError('CLOSED', '已经开始抽签，不能再退出抽签')
    return { cancelled: (await coll.where({ _id: id, status: 'entered' }).update({ status: 'cancelled', cancelledAt: now })).updated === 1 }
  }
  if ((await coll.where({ _id: id, status: 'confirmed' }).update({ status: 'cancelled', cancelledAt: now })).updated === 1) {
    await handOnPlace(deps, a)
    return { cancelled: true }
  }
  const left = await coll.where({ _id: id, status: 'waiting' }).update({ status: 'cancelled', cancelledAt: now, seq: null })
  return { cancelled: left.updated === 1 }
}

async function handOnPlace(deps: Parameters<Handler<'activity.cancel'>>[0]['deps'], a: Parameters<typeof fillFromWaitlist>[1]): Promise<void> {
  const coll = deps.db.collection('signups')
  for (let guard = 0; guard < 50; guard++) {
    const next = (await coll.where({ activityId: a._id, status: 'waiting' }).orderBy('seq', 'asc').limit(1).get()).data[0] as SignupDoc | undefined
    if (!next) break
    if ((await coll.where({ _id: next._id, status: 'waiting' }).update({ status: 'confirmed', promotedAt: deps.clock.now() })).updated === 1) {
      await tellPromoted(deps, a, [next.memberId])
      return
    }
  }
  await releasePlace(deps, a._id)
  // Someone may have joined the waitlist after the look above: let the head of the line in.
  await tellPromoted(deps, a, await fillFromWaitlist(deps, a))
}
