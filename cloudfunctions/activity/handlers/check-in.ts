import { checkInRefusal } from '@shared/domain/check-in'
import type { Handler } from '../../_lib/entry'
import type { Deps } from '../../_lib/deps'
import { AppError, forbidden } from '../../_lib/app-error'
import { shortCodeMatches, verifyCode } from '../../_lib/signed-codes'
import { loadActivity, managesActivity } from '../activities.repo'
import type { SignupDoc } from '../records'
import { checkInOnce, confirmedForCodes, countByStatus, readSignup } from '../signups.repo'
import { CHECKIN } from './my-code'
import { isShortCode } from '@shared/domain/short-code'

/**
 * The leader scans a member's code (or types its six digits). Only a fresh, genuine code for this
 * event counts, and only from a while before the start until the end (attendance is a record of
 * being there); each member is checked in once (one conditional write), a second scan says so.
 */
export const checkIn: Handler<'activity.checkIn'> = async ({ deps, me, input }) => {
  const { clock, secrets } = deps
  const a = await loadActivity(deps, me, input.id)
  if (!managesActivity(me, a)) throw forbidden('只有活动的组织者可以签到')
  const now = clock.now()
  const closed = checkInRefusal(a, now)
  if (closed) throw new AppError('CLOSED', closed)
  const signup = isShortCode(input.code) ? await byShortCode(deps, a._id, input.code, now) : await byToken(deps, a._id, input.code, now)
  const first = await checkInOnce(deps, signup._id, me.member._id)
  const [checkedIn, confirmed] = await Promise.all([countByStatus(deps, a._id, 'confirmed', true), countByStatus(deps, a._id, 'confirmed')])
  return { name: signup.memberName, department: signup.departmentName, alreadyCheckedIn: !first, checkedIn, confirmed }

  async function byToken(deps: Deps, activityId: string, token: string, now: Date): Promise<SignupDoc> {
    const v = verifyCode(secrets.codeSigning, CHECKIN, token, now)
    if (!v.ok)
      throw new AppError(
        v.reason === 'expired' ? 'EXPIRED' : 'INVALID_ARGUMENT',
        v.reason === 'expired' ? '签到码已过期，请让对方刷新后再扫' : '这不是有效的签到码',
        { field: 'code' },
      )
    if (!v.subject.startsWith(`${activityId}:`)) throw new AppError('INVALID_ARGUMENT', '这是其他活动的签到码', { field: 'code' })
    return confirmedSignup(deps, v.subject)
  }

  async function byShortCode(deps: Deps, activityId: string, typed: string, now: Date): Promise<SignupDoc> {
    const all = await confirmedForCodes(deps, activityId)
    const hits = all.filter((s) => shortCodeMatches(secrets.codeSigning, CHECKIN, s._id, typed, now))
    if (hits.length === 0) throw new AppError('INVALID_ARGUMENT', '签到码不对或已过期，请让对方刷新后再报一次', { field: 'code' })
    if (hits.length > 1) throw new AppError('CONFLICT', '这个数字码对应多人，请扫码签到')
    return hits[0]
  }
}

async function confirmedSignup(deps: Deps, id: string): Promise<SignupDoc> {
  const s = await readSignup(deps, id)
  if (!s || s.status !== 'confirmed') throw new AppError('FORBIDDEN', '此人没有成功报名本活动')
  return s
}
