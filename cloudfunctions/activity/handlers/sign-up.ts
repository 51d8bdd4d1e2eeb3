import { answerProblems, audienceRefusal, signUpClosedReason } from '@shared/domain/activity'
import type { Handler } from '../../_lib/entry'
import type { Deps } from '../../_lib/deps'
import { AppError } from '../../_lib/app-error'
import { isDuplicateWrite } from '../../_lib/db-errors'
import type { SignupDoc } from '../../_lib/documents'
import { audienceMember, loadActivity, signupId } from '../activities.repo'
import { contestTeam } from '../contest'
import { isStale, placeClaim, takeOverClaim } from '../claim-place'
import { waitingPosition } from '../waitlist'

/**
 * Sign-up: checks (window, audience, answers) write nothing; then the sign-up is claimed once
 * (natural key), a place is taken by one conditional write, or else a waitlist ticket in arrival
 * order, or else FULL with the claim undone. Signing up again answers with the existing place.
 * A claim left `joining` by a call that died is taken over by the member's retry once the time
 * limit has passed (before that the first call may still be running: CONFLICT, being processed).
 */
export const signUp: Handler<'activity.signUp'> = async ({ deps, me, input, timeLimitMs, requestId }) => {
  const { db, clock } = deps
  const a = await loadActivity(deps, me, input.id)
  if (a.status === 'cancelled') throw new AppError('CLOSED', '活动已取消')
  const refusal = audienceRefusal(a.audience, await audienceMember(deps, me, a.audience))
  if (refusal) throw new AppError('FORBIDDEN', refusal)
  const closed = signUpClosedReason(a, clock.now())
  if (closed) throw new AppError('CLOSED', closed)
  const problems = answerProblems(a.fields, input.answers)
  if (problems.length) throw new AppError('INVALID_ARGUMENT', problems[0].message, { field: `answers.${problems[0].field}`, problems })

  if (a.drawState === 'drawing') throw new AppError('CONFLICT', '正在抽签，请稍后再看结果')
  const lottery = a.allocation === 'lottery' && a.drawState !== 'drawn'
  const team = await contestTeam(deps, me, a)

  const id = signupId(a._id, me.member._id)
  const coll = db.collection('signups')
  const current = (await coll.doc(id).get()).data[0] as SignupDoc | undefined
  const now = clock.now()
  const answers = { team, answers: input.answers, remind: input.remind, memberName: me.member.name, departmentName: me.member.departmentName }

  if (current?.status === 'joining' && (current.claim === requestId || isStale(current.signedAt, now, timeLimitMs))) {
    // This member's earlier call died after claiming (or this call is re-run after a rate limit): finish it with this call's answers.
    const claim = await takeOverClaim(deps, current, { timeLimitMs, claim: requestId, set: answers })
    if (!claim) return answerFor(deps, (await coll.doc(id).get()).data[0] as SignupDoc)
    return settle(await placeClaim(deps, a, current, claim, async () => void (await coll.where({ _id: id, claim }).remove())))
  }
  if (current && current.status !== 'cancelled') return answerFor(deps, current)

  // The invocation's id: unique, and the same if the entry wrapper re-runs this handler after a rate limit.
  const claim = requestId
  // A lottery entry takes no place, so it is written final at once.
  const fields = { status: lottery ? 'entered' : 'joining', claim, seq: null, ...answers, signedAt: now, changedAt: now, checkedInAt: null, placeOwed: null }
  let claimed: boolean
  if (!current) {
    try {
      await coll.add({ _id: id, unionId: me.unionId, activityId: a._id, memberId: me.member._id, ...fields })
      claimed = true
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error
      claimed = false
    }
  } else claimed = (await coll.where({ _id: id, status: 'cancelled' }).update(fields)).updated === 1
  if (!claimed) return answerFor(deps, (await coll.doc(id).get()).data[0] as SignupDoc)
  if (lottery) return { status: 'entered', waitingPosition: null }

  const undo = async () => {
    if (current) await coll.where({ _id: id, claim }).update({ status: 'cancelled', claim: current.claim, answers: current.answers, signedAt: current.signedAt, changedAt: clock.now() })
    else await coll.where({ _id: id, claim }).remove()
  }
  return settle(await placeClaim(deps, a, { _id: id, memberId: me.member._id }, claim, undo))

  async function settle(outcome: 'confirmed' | 'waiting' | 'full') {
    if (outcome === 'full') throw new AppError('FULL', '名额已满')
    if (outcome === 'confirmed') return { status: 'confirmed' as const, waitingPosition: null }
    return answerFor(deps, (await coll.doc(id).get()).data[0] as SignupDoc)
  }
}

async function answerFor(deps: Deps, s: SignupDoc): Promise<{ status: 'confirmed' | 'waiting' | 'entered'; waitingPosition: number | null }> {
  if (s.status === 'confirmed' || s.status === 'entered') return { status: s.status, waitingPosition: null }
  if (s.status === 'joining') throw new AppError('CONFLICT', '报名正在处理中，请稍后刷新')
  return { status: 'waiting', waitingPosition: await waitingPosition(deps, s) }
}
