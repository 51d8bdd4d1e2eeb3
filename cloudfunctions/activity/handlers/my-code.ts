import type { Handler } from '../../_lib/entry'
import { AppError } from '../../_lib/app-error'
import type { SignupDoc } from '../../_lib/documents'
import { shortCode, signCode } from '../../_lib/signed-codes'
import { loadActivity, signupId } from '../activities.repo'

export const CHECKIN = 'checkin'

export const myCode: Handler<'activity.myCode'> = async ({ deps, me, input }) => {
  const a = await loadActivity(deps, me, input.id)
  const id = signupId(a._id, me.member._id)
  const mine = (await deps.db.collection('signups').doc(id).get()).data[0] as SignupDoc | undefined
  if (mine?.status !== 'confirmed') throw new AppError('FORBIDDEN', '报名成功后才有签到码')
  const now = deps.clock.now()
  const { token, expiresAt } = signCode(deps.secrets.codeSigning, CHECKIN, id, now)
  return { token, shortCode: shortCode(deps.secrets.codeSigning, CHECKIN, id, now), expiresAt: expiresAt.toISOString() }
}
