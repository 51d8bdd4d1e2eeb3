import type { ActivityCard, ActivityDetail, SignUpStatus } from '@shared/contract'
import { audienceRefusal, signUpClosedReason, type Audience, type AudienceMember } from '@shared/domain/activity'
import { mayManageScope, hasRole } from '@shared/domain/authorization'
import { notFound } from '../_lib/app-error'
import type { Deps } from '../_lib/deps'
import type { ActivityDoc, GroupDoc, GroupMemberDoc, SignupDoc } from '../_lib/documents'
import { temporaryLinks } from '../_lib/files'
import type { CallerMember } from '../_lib/membership'
import { waitingPosition } from './waitlist'
import { contestStanding } from './contest'

export const signupId = (activityId: string, memberId: string) => `${activityId}:${memberId}`

export async function loadActivity(deps: Deps, me: CallerMember, id: string): Promise<ActivityDoc> {
  const doc = (await deps.db.collection('activities').doc(id).get()).data[0] as ActivityDoc | undefined
  if (!doc || doc.unionId !== me.unionId) throw notFound('没有找到这个活动')
  return doc
}

/** Admins manage every event of their union; leaders the events of their own department or group. */
export const managesActivity = (me: CallerMember, a: Pick<ActivityDoc, 'unionId' | 'scope'>): boolean =>
  a.scope.kind === 'union' ? hasRole(me.subject, 'admin') && me.unionId === a.unionId : mayManageScope(me.subject, { unionId: a.unionId, kind: a.scope.kind, id: a.scope.id })

/**
 * What the audience rules need to know of the caller. Group memberships cost a read, so they are
 * fetched only for a group-only event (the sign-up hot path usually skips it).
 */
export async function audienceMember(deps: Deps, me: CallerMember, audience: Audience): Promise<AudienceMember> {
  const groups =
    audience.kind === 'group'
      ? ((await deps.db.collection('group_members').where({ _id: `${audience.groupId}:${me.member._id}`, status: 'active' }).field({ groupId: true }).limit(1).get()).data as GroupMemberDoc[])
      : []
  return { gender: me.member.gender ?? '', departmentId: me.member.departmentId, status: me.member.status, groupIds: groups.map((g) => g.groupId) }
}

const visibleStatus = (s: SignupDoc | undefined): SignUpStatus | null => (!s || s.status === 'joining' ? null : s.status)

/** Short-lived links to the cover pictures of a page of events, in one storage call. */
export const coverLinks = async (acts: readonly ActivityDoc[]): Promise<Map<string, string>> => {
  const covers = acts.flatMap((a) => (a.cover ? [a.cover] : []))
  return covers.length ? temporaryLinks(covers) : new Map()
}

export const toCard = (a: ActivityDoc, mine: SignupDoc | undefined, links: ReadonlyMap<string, string>): ActivityCard => ({
  id: a._id,
  title: a.title,
  type: a.type,
  place: a.place,
  startAt: a.startAt.toISOString(),
  endAt: a.endAt.toISOString(),
  capacity: a.capacity,
  confirmedCount: a.confirmedCount,
  organizer: a.organizer,
  myStatus: visibleStatus(mine),
  allocation: a.allocation ?? 'fcfs',
  drawAt: a.drawAt ? a.drawAt.toISOString() : null,
  drawnAt: a.drawnAt ? a.drawnAt.toISOString() : null,
  coverUrl: a.cover ? (links.get(a.cover) ?? null) : null,
})

/** The detail page in one call: the event, the caller's sign-up and waitlist place, and a pre-filled form. */
export async function activityDetail(deps: Deps, me: CallerMember, a: ActivityDoc): Promise<ActivityDetail> {
  const { db, clock } = deps
  const beforeDraw = a.allocation === 'lottery' && a.drawState !== 'drawn'
  const [mineRes, lastRes, who, links, contest, group, entered] = await Promise.all([
    db.collection('signups').doc(signupId(a._id, me.member._id)).get(),
    db.collection('signups').where({ unionId: me.unionId, memberId: me.member._id }).orderBy('signedAt', 'desc').limit(1).field({ answers: true }).get(),
    audienceMember(deps, me, a.audience),
    coverLinks([a]),
    contestStanding(deps, a),
    a.audience.kind === 'group' ? db.collection('groups').doc(a.audience.groupId).field({ name: true }).get() : null,
    beforeDraw ? db.collection('signups').where({ activityId: a._id, status: 'entered' }).count() : null,
  ])
  const mine = mineRes.data[0] as SignupDoc | undefined
  const position = mine ? await waitingPosition(deps, mine) : null
  const prefillFrom = mine ?? (lastRes.data[0] as SignupDoc | undefined)
  const known = new Set(a.fields.map((f) => f.key))
  const prefill = Object.fromEntries(Object.entries(prefillFrom?.answers ?? {}).filter(([k]) => known.has(k)))
  const blocked = a.status === 'cancelled' ? '活动已取消' : (audienceRefusal(a.audience, who) ?? signUpClosedReason(a, clock.now()))
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
    waitingPosition: position,
    prefill,
    canManage: managesActivity(me, a),
    cover: a.cover ?? null,
    contest,
    groupName: (group?.data[0] as GroupDoc | undefined)?.name ?? null,
    scope: a.scope,
    status: a.status,
    enteredCount: entered ? entered.total : null,
    checkedInAt: mine?.status === 'confirmed' && mine.checkedInAt ? mine.checkedInAt.toISOString() : null,
  }
}
