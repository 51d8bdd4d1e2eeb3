import type { ActivityCard, SignUpStatus } from '@shared/contract'
import { mayManageScope, hasRole } from '@shared/domain/authorization'
import { notFound } from '../_lib/app-error'
import { isDuplicateWrite } from '../_lib/db-errors'
import type { Deps } from '../_lib/deps'
import { temporaryLinks } from '../_lib/files'
import type { CallerMember } from '../_lib/membership'
import { readAll } from '../_lib/read-all'
import type { ActivityDoc, SignupDoc } from './records'

/**
 * The `activities` collection: loading an event within the caller's union, the counters that move
 * with sign-ups (places, waitlist tickets) as single conditional writes, the organizer's saves, the
 * timers' queries, and the card a list shows. Nothing else in the activity function names it.
 */
const ACTIVITIES = 'activities'
const SIGNUPS = 'signups'
const events = (deps: Deps) => deps.db.collection(ACTIVITIES)

export const NOT_FOUND_MESSAGE = '没有找到这个活动'

export const signupId = (activityId: string, memberId: string) => `${activityId}:${memberId}`

/** Another union's event does not exist for this caller: the one place that says so. */
function inUnion<T extends Pick<ActivityDoc, 'unionId'>>(me: CallerMember, doc: T | undefined): T {
  if (!doc || doc.unionId !== me.unionId) throw notFound(NOT_FOUND_MESSAGE)
  return doc
}

export async function loadActivity(deps: Deps, me: CallerMember, id: string): Promise<ActivityDoc> {
  return inUnion(me, await readActivity(deps, id))
}

/** An event by id whatever its union: for timers and for re-reading one already checked. */
export async function readActivity(deps: Deps, id: string): Promise<ActivityDoc | undefined> {
  return (await events(deps).doc(id).get()).data[0] as ActivityDoc | undefined
}

/** Waiting sign-ups of the event in the joined document (`$$event` is its id), for a lookup's pipeline. */
const waitingOf = (...more: unknown[]) => ({ $match: { $expr: { $and: [{ $eq: ['$activityId', '$$event'] }, { $eq: ['$status', 'waiting'] }, ...more] } } })

/** The caller's own sign-up at the joined event, found by its natural key, for a lookup's pipeline. */
const mineOf = (memberId: string) => [{ $match: { $expr: { $eq: ['$_id', { $concat: ['$$event', `:${memberId}`] }] } } }, { $limit: 1 }]

/**
 * What a sign-up or a cancel needs, in one read: the event (within the caller's union), the
 * caller's sign-up there, and — `head` — the first of its waitlist (the member a freed place goes
 * to; it may leave the line before the place reaches it: the promotion is conditional on it still
 * waiting, and a miss looks again).
 */
export async function loadWithMine(
  deps: Deps,
  me: CallerMember,
  id: string,
  options: { head?: boolean } = {},
): Promise<{ activity: ActivityDoc; mine: SignupDoc | undefined; head: SignupDoc | undefined }> {
  let query = events(deps)
    .aggregate()
    .match({ _id: id, unionId: me.unionId })
    .lookup({ from: SIGNUPS, let: { event: '$_id' }, pipeline: mineOf(me.member._id), as: 'mine' })
  if (options.head)
    query = query.lookup({ from: SIGNUPS, let: { event: '$_id' }, pipeline: [waitingOf(), { $sort: { seq: 1 } }, { $limit: 1 }], as: 'waitlistHead' })
  const row = (await query.limit(1).end()).data[0] as (ActivityDoc & { mine: SignupDoc[]; waitlistHead?: SignupDoc[] }) | undefined
  const { mine, waitlistHead, ...activity } = inUnion(me, row)
  return { activity, mine: mine[0], head: waitlistHead?.[0] }
}

/** A new event; false when one of this id exists already (the same form sent again: its id derives from the form's key). */
export async function insertActivity(deps: Deps, doc: ActivityDoc): Promise<boolean> {
  try {
    await events(deps).add(doc)
    return true
  } catch (error) {
    if (isDuplicateWrite(error)) return false
    throw error
  }
}

// —— places and the waitlist: each one conditional write ——

/**
 * One confirmed place, taken by one conditional write that answers with the event as it now is:
 * the count never passes the capacity. The time goes with it, so the repair job can tell a place
 * still on its way to a sign-up. Null when the event is full.
 */
export async function takePlace(deps: Deps, a: Pick<ActivityDoc, '_id' | 'capacity'>): Promise<ActivityDoc | null> {
  const _ = deps.db.command
  const where = a.capacity === null ? { _id: a._id } : { _id: a._id, confirmedCount: _.lt(a.capacity) }
  const res = await events(deps)
    .where(where)
    .updateAndReturn({ confirmedCount: _.inc(1), placesAt: deps.clock.now() })
  return res.updated === 1 ? (res.doc as ActivityDoc) : null
}

/** A place given back; answers with the event as it now is (null if the count was already 0). */
export async function releasePlace(deps: Deps, activityId: string): Promise<ActivityDoc | null> {
  const _ = deps.db.command
  const res = await events(deps)
    .where({ _id: activityId, confirmedCount: _.gt(0) })
    .updateAndReturn({ confirmedCount: _.inc(-1), placesAt: deps.clock.now() })
  return res.updated === 1 ? (res.doc as ActivityDoc) : null
}

/** The next waitlist ticket, in arrival order: the counter and the event as it now is, in one request. */
export async function takeTicket(deps: Deps, activityId: string): Promise<ActivityDoc> {
  const res = await events(deps)
    .where({ _id: activityId })
    .updateAndReturn({ waitSeq: deps.db.command.inc(1) })
  return res.doc as ActivityDoc
}

/**
 * After a member joined the line with ticket `seq`: the event's places as they now are and how many
 * wait ahead of that ticket, in one read — the look for a place freed meanwhile and the member's
 * place in line together.
 */
export async function placesAndAhead(
  deps: Deps,
  activityId: string,
  seq: number,
): Promise<{ activity: Pick<ActivityDoc, '_id' | 'capacity' | 'confirmedCount'>; ahead: number } | undefined> {
  const res = await events(deps)
    .aggregate()
    .match({ _id: activityId })
    .lookup({ from: SIGNUPS, let: { event: '$_id' }, pipeline: [waitingOf({ $lt: ['$seq', seq] }), { $count: 'n' }], as: 'ahead' })
    .project({ capacity: 1, confirmedCount: 1, ahead: 1 })
    .limit(1)
    .end()
  const row = res.data[0] as (Pick<ActivityDoc, '_id' | 'capacity' | 'confirmedCount'> & { ahead: { n: number }[] }) | undefined
  if (!row) return undefined
  const { ahead, ...activity } = row
  return { activity, ahead: ahead[0]?.n ?? 0 }
}

// —— the organizer's saves ——

/** Calls the event off if it is still open; the telling mark goes with it (see cancel-event.ts). */
export async function callOff(deps: Deps, id: string, reason: string): Promise<boolean> {
  return (
    (
      await events(deps)
        .where({ _id: id, status: 'open' })
        .update({ status: 'cancelled', cancelReason: reason, cancelledAt: deps.clock.now(), cancelTold: false })
    ).updated === 1
  )
}

export async function markCancelTold(deps: Deps, id: string): Promise<void> {
  await events(deps).where({ _id: id, cancelTold: false }).update({ cancelTold: true })
}

/**
 * An edit, saved only while the event is open and (when `maxTaken` is given) its places taken fit
 * that capacity, in the same conditional write. The notice is set whole: a plain object would be
 * merged field by field into the null a sent notice leaves.
 */
export async function saveEdit(
  deps: Deps,
  id: string,
  changes: Record<string, unknown>,
  notice: ActivityDoc['notice'],
  maxTaken: number | null,
): Promise<boolean> {
  const _ = deps.db.command
  const guard = maxTaken === null ? {} : { confirmedCount: _.lte(maxTaken) }
  const set = notice ? { ...changes, notice: _.set(notice) } : changes
  return (
    (
      await events(deps)
        .where({ _id: id, status: 'open', ...guard })
        .update(set)
    ).updated === 1
  )
}

/** The change notice is cleared once everyone heard it; keyed, so a later edit's notice stays. */
export async function clearNotice(deps: Deps, id: string, key: string): Promise<void> {
  await events(deps).where({ _id: id, 'notice.key': key }).update({ notice: null })
}

export async function markReminded(deps: Deps, id: string): Promise<boolean> {
  return (await events(deps).where({ _id: id, remindedAt: null }).update({ remindedAt: deps.clock.now() })).updated === 1
}

export async function markDrawing(deps: Deps, id: string): Promise<void> {
  await events(deps).where({ _id: id, drawState: 'pending' }).update({ drawState: 'drawing' })
}

export async function markDrawn(deps: Deps, id: string, set: { drawnAt: Date; confirmedCount: number; waitSeq: number }): Promise<void> {
  await events(deps)
    .where({ _id: id, drawState: 'drawing' })
    .update({ drawState: 'drawn', ...set, placesAt: deps.clock.now(), drawTold: false })
}

export async function drawToldOf(deps: Deps, id: string): Promise<boolean | undefined> {
  return ((await events(deps).doc(id).field({ drawTold: true }).get()).data[0] as Pick<ActivityDoc, 'drawTold'> | undefined)?.drawTold
}

export async function markDrawTold(deps: Deps, id: string): Promise<void> {
  await events(deps).where({ _id: id, drawTold: false }).update({ drawTold: true })
}

/** The repair's recount, written only if the count is still the one it read (count and time). */
export async function setCountIfUnchanged(deps: Deps, a: Pick<ActivityDoc, '_id' | 'confirmedCount' | 'placesAt'>, count: number): Promise<boolean> {
  return (
    (
      await events(deps)
        .where({ _id: a._id, confirmedCount: a.confirmedCount, placesAt: a.placesAt ?? null })
        .update({ confirmedCount: count, placesAt: deps.clock.now() })
    ).updated === 1
  )
}

// —— what the timers and reports look through ——

/** Fields the repair needs of an event (descriptions and forms stay in the database). */
const REPAIR_FIELDS = {
  _id: true,
  unionId: true,
  title: true,
  status: true,
  endAt: true,
  capacity: true,
  waitlist: true,
  confirmedCount: true,
  placesAt: true,
  allocation: true,
  drawState: true,
  drawnAt: true,
}

export const openEvents = (deps: Deps, now: Date, page: number, max: number) =>
  readAll<ActivityDoc>(
    events(deps)
      .where({ status: 'open', endAt: deps.db.command.gt(now) })
      .field(REPAIR_FIELDS),
    page,
    max,
  )

export const dueLotteries = (deps: Deps, now: Date) =>
  readAll<ActivityDoc>(
    events(deps).where({ status: 'open', drawState: deps.db.command.in(['pending', 'drawing']), drawAt: deps.db.command.lte(now) }),
    100,
    1000,
  )

export const untoldDraws = (deps: Deps) => readAll<ActivityDoc>(events(deps).where({ drawState: 'drawn', drawTold: false }), 100, 1000)

export const dueReminders = (deps: Deps, now: Date, until: Date) =>
  readAll<ActivityDoc>(events(deps).where({ status: 'open', remindedAt: null, startAt: deps.db.command.gt(now).and(deps.db.command.lte(until)) }), 200, 2000)

export async function eventsWithLeftNotices(deps: Deps, before: Date, bite: number): Promise<ActivityDoc[]> {
  return (
    await events(deps)
      .where({ 'notice.at': deps.db.command.lt(before) })
      .limit(bite)
      .get()
  ).data as ActivityDoc[]
}

export async function cutCallOffs(deps: Deps, before: Date, bite: number): Promise<ActivityDoc[]> {
  return (
    await events(deps)
      .where({ status: 'cancelled', cancelTold: false, cancelledAt: deps.db.command.lt(before) })
      .limit(bite)
      .get()
  ).data as ActivityDoc[]
}

/** A union's events held in a year (for 群众参与度): ids and times only. */
export const eventsOfYear = (deps: Deps, unionId: string, from: Date, to: Date) =>
  readAll<ActivityDoc>(
    events(deps)
      .where({ unionId, status: 'open', startAt: deps.db.command.gte(from).and(deps.db.command.lt(to)) })
      .field({ _id: true, startAt: true, endAt: true }),
  )

// —— what members see ——

/** Admins manage every event of their union; leaders the events of their own department or group. */
export const managesActivity = (me: CallerMember, a: Pick<ActivityDoc, 'unionId' | 'scope'>): boolean =>
  a.scope.kind === 'union'
    ? hasRole(me.subject, 'admin') && me.unionId === a.unionId
    : mayManageScope(me.subject, { unionId: a.unionId, kind: a.scope.kind, id: a.scope.id })

export const visibleStatus = (s: Pick<SignupDoc, 'status'> | undefined): SignUpStatus | null => (!s || s.status === 'joining' ? null : s.status)

/** Short-lived links to the cover pictures of a page of events, in one storage call. */
export const coverLinks = async (acts: readonly ActivityDoc[]): Promise<Map<string, string>> => {
  const covers = acts.flatMap((a) => (a.cover ? [a.cover] : []))
  return covers.length ? temporaryLinks(covers) : new Map()
}

export const toCard = (a: ActivityDoc, mine: Pick<SignupDoc, 'status'> | undefined, links: ReadonlyMap<string, string>): ActivityCard => ({
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

export type ListTab = 'upcoming' | 'past' | 'mine'

/**
 * A page of events with the caller's sign-up at each, in one read (the sign-up joined by its
 * natural key), and the count beside it. 我报名的 starts from the member's own sign-ups and joins
 * their events. Every page sorts by start, then `_id` (CloudBase shuffles ties).
 */
export async function listPage(
  deps: Deps,
  me: CallerMember,
  q: { tab: ListTab; filters: Record<string, unknown>; skip: number; limit: number },
): Promise<{ rows: { activity: ActivityDoc; mine: SignupDoc | undefined }[]; total: number }> {
  const { db, clock } = deps
  const _ = db.command
  const member = me.member._id
  if (q.tab === 'mine') {
    const prefixed = Object.fromEntries(Object.entries(q.filters).map(([k, v]) => [`event.${k}`, v]))
    const joined = () =>
      db
        .collection(SIGNUPS)
        .aggregate()
        .match({ unionId: me.unionId, memberId: member, status: _.in(['confirmed', 'waiting', 'entered']) })
        .lookup({ from: ACTIVITIES, localField: 'activityId', foreignField: '_id', as: 'event' })
        .unwind('$event')
        .match({ 'event.unionId': me.unionId, ...prefixed })
    const [page, count] = await Promise.all([
      joined().sort({ 'event.startAt': -1, 'event._id': 1 }).skip(q.skip).limit(q.limit).end(),
      joined().count('n').limit(1).end(),
    ])
    const rows = (page.data as (SignupDoc & { event: ActivityDoc })[]).map(({ event, ...mine }) => ({ activity: event, mine: mine as SignupDoc }))
    return { rows, total: (count.data[0] as { n: number } | undefined)?.n ?? 0 }
  }
  const where = { unionId: me.unionId, status: 'open', endAt: q.tab === 'upcoming' ? _.gt(clock.now()) : _.lte(clock.now()), ...q.filters }
  const direction = q.tab === 'upcoming' ? 1 : -1
  const [page, count] = await Promise.all([
    events(deps)
      .aggregate()
      .match(where)
      .sort({ startAt: direction, _id: 1 })
      .skip(q.skip)
      .limit(q.limit)
      .lookup({ from: SIGNUPS, let: { event: '$_id' }, pipeline: mineOf(member), as: 'mine' })
      .end(),
    events(deps).where(where).count(),
  ])
  const rows = (page.data as (ActivityDoc & { mine: SignupDoc[] })[]).map(({ mine, ...activity }) => ({ activity, mine: mine[0] }))
  return { rows, total: count.total }
}

/** The event and all the caller's own facts on its page, as one joined read (see activity-detail.ts). */
export interface DetailRead {
  readonly activity: ActivityDoc
  readonly mine: SignupDoc | undefined
  /** The caller's most recent sign-up anywhere (its answers pre-fill a new form). */
  readonly last: Pick<SignupDoc, 'answers'> | undefined
  /** Waiting ahead of the caller's ticket (0 when the caller does not wait). */
  readonly ahead: number
  /** Lottery entrants so far. */
  readonly entered: number
  /** For a group-only event: the group's name and whether the caller is active in it. */
  readonly groupName: string | null
  readonly inGroup: boolean
}

/**
 * Everything the detail page needs except a contest's standings, in one round trip: the event
 * (within the caller's union) with the caller's sign-up, their last answers, their place in line,
 * the lottery's entrants, and the audience group's name and the caller's membership, each joined.
 */
export async function loadForDetail(deps: Deps, me: CallerMember, id: string): Promise<DetailRead> {
  const member = me.member._id
  const event = { event: '$_id' }
  const group = { group: '$audience.groupId' }
  const res = await events(deps)
    .aggregate()
    .match({ _id: id, unionId: me.unionId })
    .lookup({ from: SIGNUPS, let: event, pipeline: mineOf(member), as: 'mine' })
    .lookup({
      from: SIGNUPS,
      let: event,
      pipeline: [{ $match: { unionId: me.unionId, memberId: member } }, { $sort: { signedAt: -1, _id: 1 } }, { $limit: 1 }, { $project: { answers: 1 } }],
      as: 'last',
    })
    .lookup({
      from: SIGNUPS,
      let: { ...event, seq: { $ifNull: [{ $arrayElemAt: ['$mine.seq', 0] }, -1] } },
      pipeline: [waitingOf({ $lt: ['$seq', '$$seq'] }), { $count: 'n' }],
      as: 'ahead',
    })
    .lookup({
      from: SIGNUPS,
      let: event,
      pipeline: [{ $match: { $expr: { $and: [{ $eq: ['$activityId', '$$event'] }, { $eq: ['$status', 'entered'] }] } } }, { $count: 'n' }],
      as: 'entered',
    })
    .lookup({
      from: 'groups',
      let: group,
      pipeline: [{ $match: { $expr: { $eq: ['$_id', '$$group'] } } }, { $limit: 1 }, { $project: { name: 1 } }],
      as: 'group',
    })
    .lookup({
      from: 'group_members',
      let: group,
      pipeline: [{ $match: { status: 'active', $expr: { $eq: ['$_id', { $concat: ['$$group', `:${member}`] }] } } }, { $limit: 1 }, { $project: { _id: 1 } }],
      as: 'inGroup',
    })
    .limit(1)
    .end()
  type Joined = ActivityDoc & {
    mine: SignupDoc[]
    last: SignupDoc[]
    ahead: { n: number }[]
    entered: { n: number }[]
    group: { name: string }[]
    inGroup: unknown[]
  }
  const { mine, last, ahead, entered, group: g, inGroup, ...activity } = inUnion(me, res.data[0] as Joined | undefined)
  return {
    activity,
    mine: mine[0],
    last: last[0],
    ahead: ahead[0]?.n ?? 0,
    entered: entered[0]?.n ?? 0,
    groupName: g[0]?.name ?? null,
    inGroup: inGroup.length > 0,
  }
}
