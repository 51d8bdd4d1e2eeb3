import { answerProblems, audienceRefusal, signUpClosedReason } from '@shared/domain/activity'
import type { ActionOutput } from '@shared/contract'
import type { Handler } from '../../_lib/entry'
import type { Deps } from '../../_lib/deps'
import { AppError } from '../../_lib/app-error'
import { loadWithMine, signupId } from '../activities.repo'
import { detailRefresh } from '../activity-detail'
import { isStale, placeClaim, takeOverClaim, type Placed } from '../claim-place'
import { contestTeam } from '../contest'
import type { ActivityDoc, SignupDoc } from '../records'
import { dropClaim, insertClaim, readSignup, reclaimCancelled, waitingPosition } from '../signups.repo'
import { audienceMember } from '../teams.repo'

type Answer = ActionOutput<'activity.signUp'>
const PROCESSING = '报名正在处理中，请稍后刷新'

/**
 * Sign-up: the event is read with the caller's sign-up there (one joined read); checks (window,
 * audience, answers) write nothing; then the sign-up is claimed once under its natural key and a
 * place is taken by one conditional write, or else a waitlist ticket in arrival order, or else FULL
 * with the claim undone. Signing up again answers with the existing place and writes nothing;
 * after a cancel the sign-up is claimed anew. A claim left `joining` by a call that died is taken
 * over by the member's retry once the time limit has passed (before that the first call may still
 * be running: CONFLICT, being processed). The answer carries what the detail page shows of it.
 */
export const signUp: Handler<'activity.signUp'> = async ({ deps, me, input, timeLimitMs, requestId }) => {
  const { clock } = deps
  const { activity: a, mine } = await loadWithMine(deps, me, input.id)
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
  const now = clock.now()
  const answers = { team, answers: input.answers, remind: input.remind, memberName: me.member.name, departmentName: me.member.departmentName }
  // The invocation's id: unique, and the same if the entry wrapper re-runs this handler after a rate limit.
  const claim = requestId
  // A lottery entry takes no place, so it is written final at once.
  const fields = {
    status: lottery ? ('entered' as const) : ('joining' as const),
    claim,
    seq: null,
    ...answers,
    signedAt: now,
    changedAt: now,
    checkedInAt: null,
    placeOwed: null,
  }

  if (!mine) {
    if (await insertClaim(deps, { _id: id, unionId: me.unionId, activityId: a._id, memberId: me.member._id, ...fields })) return claimed(null)
    // Claimed by another call of this member since the read: go on from what it left.
    return goOn(await readSignup(deps, id))
  }
  return goOn(mine)

  async function goOn(current: SignupDoc | undefined): Promise<Answer> {
    // Taken a moment ago and already undone (a FULL answer) by a call of this member: just try again.
    if (!current) throw new AppError('CONFLICT', PROCESSING)
    if (current.status === 'joining' && (current.claim === requestId || isStale(current.signedAt, now, timeLimitMs))) {
      // This member's earlier call died after claiming (or this call is re-run after a rate limit): finish it with this call's answers.
      const took = await takeOverClaim(deps, current, { timeLimitMs, claim: requestId, set: answers })
      if (!took) return answerFor(deps, a, await readSignup(deps, id))
      return settle(deps, a, await placeClaim(deps, a, current, took, () => dropClaim(deps, id, took, null)))
    }
    if (current.status !== 'cancelled') return answerFor(deps, a, current)
    if (!(await reclaimCancelled(deps, id, fields))) return answerFor(deps, a, await readSignup(deps, id))
    return claimed(current)
  }

  /** The claim is this call's: enter the lottery, or take a place or a ticket. `before` is the cancelled sign-up it replaced. */
  async function claimed(before: SignupDoc | null): Promise<Answer> {
    if (lottery) return { status: 'entered', waitingPosition: null, detail: await detailRefresh(deps, a, { status: 'entered' }) }
    const undo = () => dropClaim(deps, id, claim, before && { claim: before.claim, answers: before.answers, signedAt: before.signedAt })
    return settle(deps, a, await placeClaim(deps, a, { _id: id, memberId: me.member._id }, claim, undo))
  }
}

async function settle(deps: Deps, a: ActivityDoc, placed: Placed): Promise<Answer> {
  if (placed.outcome === 'full') throw new AppError('FULL', '名额已满')
  if (placed.outcome === 'confirmed')
    return { status: 'confirmed', waitingPosition: null, detail: await detailRefresh(deps, a, { status: 'confirmed' }, placed.confirmedCount) }
  const detail = await detailRefresh(deps, a, { status: 'waiting', waitingPosition: placed.position }, placed.confirmedCount)
  return { status: 'waiting', waitingPosition: placed.position, detail }
}

/** The answer for a sign-up that was there already (signing up twice changes nothing). */
async function answerFor(deps: Deps, a: ActivityDoc, s: SignupDoc | undefined): Promise<Answer> {
  if (!s || s.status === 'joining') throw new AppError('CONFLICT', PROCESSING)
  if (s.status === 'cancelled') throw new AppError('CONFLICT', PROCESSING)
  const waiting = s.status === 'waiting' ? await waitingPosition(deps, s) : null
  const detail = await detailRefresh(deps, a, { status: s.status, waitingPosition: waiting, checkedInAt: s.checkedInAt })
  return { status: s.status, waitingPosition: waiting, detail }
}
