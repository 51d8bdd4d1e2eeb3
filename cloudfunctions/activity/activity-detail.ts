import type { ActivityDetail, DetailRefresh, SignUpStatus } from '@shared/contract'
import { audienceRefusal, signUpClosedReason } from '@shared/domain/activity'
import type { Deps } from '../_lib/deps'
import type { CallerMember } from '../_lib/membership'
import { coverLinks, loadForDetail, managesActivity, toCard, visibleStatus } from './activities.repo'
import { contestStanding } from './contest'
import type { ActivityDoc } from './records'
import { countByStatus } from './signups.repo'
import { audienceMember } from './teams.repo'

const beforeDraw = (a: ActivityDoc) => a.allocation === 'lottery' && a.drawState !== 'drawn'

/**
 * The detail page in one call: the event, the caller's sign-up and waitlist place, and a pre-filled
 * form — one joined read, plus a contest's standings where there is one.
 */
export async function loadDetail(deps: Deps, me: CallerMember, id: string): Promise<ActivityDetail> {
  const read = await loadForDetail(deps, me, id)
  const { activity: a, mine } = read
  const groupIds = a.audience.kind === 'group' && read.inGroup ? [a.audience.groupId] : []
  const [who, links, contest] = await Promise.all([audienceMember(deps, me, a.audience, groupIds), coverLinks([a]), contestStanding(deps, a)])
  const prefillFrom = mine ?? read.last
  const known = new Set(a.fields.map((f) => f.key))
  const prefill = Object.fromEntries(Object.entries(prefillFrom?.answers ?? {}).filter(([k]) => known.has(k)))
  const blocked = a.status === 'cancelled' ? '活动已取消' : (audienceRefusal(a.audience, who) ?? signUpClosedReason(a, deps.clock.now()))
  return {
    ...toCard(a, mine, links),
    description: a.description,
    signUpOpensAt: a.signUpOpensAt.toISOString(),
    signUpClosesAt: a.signUpClosesAt.toISOString(),
    cancelDeadline: a.cancelDeadline.toISOString(),
    waitlist: a.waitlist,
    audience: a.audience,
    fields: a.fields,
    signUpBlockedReason: blocked,
    waitingPosition: mine?.status === 'waiting' && mine.seq !== null ? read.ahead + 1 : null,
    prefill,
    canManage: managesActivity(me, a),
    cover: a.cover ?? null,
    contest,
    groupName: a.audience.kind === 'group' ? read.groupName : null,
    scope: a.scope,
    status: a.status,
    enteredCount: beforeDraw(a) ? read.entered : null,
    checkedInAt: mine?.status === 'confirmed' && mine.checkedInAt ? mine.checkedInAt.toISOString() : null,
  }
}

/**
 * What a sign-up or a cancel changed on the detail page, for its answer: the caller's state and the
 * counts as the call left them (a lottery's entrants and a contest's standings are counted afresh,
 * only for such events), so the page need not load again.
 */
export async function detailRefresh(
  deps: Deps,
  a: ActivityDoc,
  mine: { readonly status: SignUpStatus | 'joining' | null; readonly waitingPosition?: number | null; readonly checkedInAt?: Date | null },
  confirmedCount = a.confirmedCount,
): Promise<DetailRefresh> {
  const [entered, contest] = await Promise.all([beforeDraw(a) ? countByStatus(deps, a._id, 'entered') : null, contestStanding(deps, a)])
  const status = mine.status === null ? null : visibleStatus({ status: mine.status })
  return {
    myStatus: status,
    waitingPosition: status === 'waiting' ? (mine.waitingPosition ?? null) : null,
    confirmedCount,
    enteredCount: entered,
    checkedInAt: status === 'confirmed' && mine.checkedInAt ? mine.checkedInAt.toISOString() : null,
    contest,
  }
}
