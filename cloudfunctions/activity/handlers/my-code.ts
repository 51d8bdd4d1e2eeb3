import { checkInPhase, checkInWindow } from '@shared/domain/check-in'
import type { Handler } from '../../_lib/entry'
import { AppError } from '../../_lib/app-error'
import { shortCode, signCode } from '../../_lib/signed-codes'
import { loadActivity, signupId } from '../activities.repo'
import { readSignup } from '../signups.repo'

export const CHECKIN = 'checkin'

/**
 * The member's code, only while check-in is open: before that a code would just be refused at the
 * door (the page says when it opens instead, and keeps asking); once checked in, there is nothing
 * left to show.
 */
export const myCode: Handler<'activity.myCode'> = async ({ deps, me, input }) => {
  const a = await loadActivity(deps, me, input.id)
  const id = signupId(a._id, me.member._id)
  const mine = await readSignup(deps, id)
  if (mine?.status !== 'confirmed') throw new AppError('FORBIDDEN', '报名成功后才有签到码')
  if (mine.checkedInAt) return { state: 'checked-in', checkedInAt: mine.checkedInAt.toISOString() }
  const now = deps.clock.now()
  const phase = checkInPhase(a, now)
  if (phase === 'not-yet') return { state: 'not-yet', opensAt: checkInWindow(a).opensAt.toISOString() }
  if (phase === 'closed') return { state: 'closed', closedAt: a.endAt.toISOString() }
  const { token, expiresAt } = signCode(deps.secrets.codeSigning, CHECKIN, id, now)
  return { state: 'open', token, shortCode: shortCode(deps.secrets.codeSigning, CHECKIN, id, now), expiresAt: expiresAt.toISOString() }
}
