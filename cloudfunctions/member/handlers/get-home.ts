import type { HomeActivity, HomeMessage, HomeRequest, HomeVoucher } from '@shared/contract'
import { voucherState } from '@shared/domain/benefits'
import { isOpen, REQUEST_STATUSES } from '@shared/domain/hardship'
import { MESSAGE_KINDS, MESSAGE_KIND_LABELS, type MessageKind } from '@shared/domain/messages'
import type { Handler } from '../../_lib/entry'
import type { Deps } from '../../_lib/deps'
import type { ActivityDoc, HardshipRequestDoc, SignupDoc, VoucherDoc } from '../../_lib/documents'
import type { CallerMember } from '../../_lib/membership'
import { latestUnread } from '../../_lib/messages.repo'
import { waitingPosition } from '../../activity/waitlist'
import { meView } from '../me-view'

/** How many of each the first screen shows; the page behind each section has the rest. */
const SHOWN = { activities: 5, vouchers: 5, requests: 5, messages: 3 } as const
/** A member's live sign-ups to look through (a year of events fits well within it). */
const SIGNUPS_LIMIT = 100
/** A closed request stays on 首页 this long, so its outcome is seen. */
const CLOSED_SHOWN_MS = 30 * 24 * 3600_000

/**
 * 首页 in one call, only the caller's own: member.me's view (with the badges) and, read in the same
 * parallel step, their live sign-ups, vouchers, hardship requests (as applicant or reporter) and
 * newest unread messages; then the coming events among those sign-ups, then the places in line of
 * the ones waiting.
 */
export const getHome: Handler<'member.home'> = async ({ deps, me }) => {
  const reviewer = me.roles.some((r) => r.role === 'reviewer')
  const [view, activities, vouchers, requests, messages] = await Promise.all([
    meView(deps, me.openid, me.member, me.roles),
    comingActivities(deps, me),
    liveVouchers(deps, me),
    myRequests(deps, me),
    latestUnread(deps, { unionId: me.unionId, memberId: me.member._id, reviewer }, SHOWN.messages),
  ])
  return {
    me: view,
    activities,
    gifts: vouchers.filter((v) => v.state === 'choose').sort((a, b) => a.claimClosesAt.localeCompare(b.claimClosesAt)).slice(0, SHOWN.vouchers),
    vouchers: vouchers.filter((v) => v.state === 'ready').slice(0, SHOWN.vouchers),
    requests,
    messages: messages.map(
      (m): HomeMessage => ({
        id: m._id,
        kindLabel: (MESSAGE_KINDS as readonly string[]).includes(m.kind) ? MESSAGE_KIND_LABELS[m.kind as MessageKind] : '通知',
        title: m.title,
        createdAt: new Date(m.createdAt).toISOString(),
      }),
    ),
  }
}

async function comingActivities(deps: Deps, me: CallerMember): Promise<HomeActivity[]> {
  const { db, clock } = deps
  const _ = db.command
  const signups = (
    await db
      .collection('signups')
      .where({ unionId: me.unionId, memberId: me.member._id, status: _.in(['confirmed', 'waiting', 'entered']) })
      .orderBy('signedAt', 'desc')
      .orderBy('_id', 'asc')
      .limit(SIGNUPS_LIMIT)
      .field({ activityId: true, status: true, seq: true })
      .get()
  ).data as SignupDoc[]
  if (!signups.length) return []
  const acts = (
    await db
      .collection('activities')
      .where({ _id: _.in(signups.map((s) => s.activityId)), unionId: me.unionId, status: 'open', endAt: _.gt(clock.now()) })
      .orderBy('startAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(SHOWN.activities)
      .field({ title: true, place: true, startAt: true, endAt: true, allocation: true, drawAt: true, drawnAt: true })
      .get()
  ).data as ActivityDoc[]
  const mine = new Map(signups.map((s) => [s.activityId, s]))
  const positions = await Promise.all(acts.map((a) => waitingPosition(deps, mine.get(a._id)!)))
  return acts.map((a, i) => ({
    id: a._id,
    title: a.title,
    place: a.place,
    startAt: new Date(a.startAt).toISOString(),
    endAt: new Date(a.endAt).toISOString(),
    myStatus: mine.get(a._id)!.status as HomeActivity['myStatus'],
    waitingPosition: positions[i],
    allocation: a.allocation ?? 'fcfs',
    drawAt: a.drawAt ? new Date(a.drawAt).toISOString() : null,
    drawnAt: a.drawnAt ? new Date(a.drawnAt).toISOString() : null,
  }))
}

/** Vouchers still to choose or to use, the soonest to run out first. */
async function liveVouchers(deps: Deps, me: CallerMember): Promise<HomeVoucher[]> {
  const { db, clock } = deps
  const now = clock.now()
  const rows = (
    await db
      .collection('vouchers')
      .where({ unionId: me.unionId, memberId: me.member._id, status: 'issued', redeemUntil: db.command.gt(now) })
      .orderBy('redeemUntil', 'asc')
      .orderBy('_id', 'asc')
      .limit(20)
      .field({ kind: true, name: true, status: true, needsChoice: true, optionId: true, optionName: true, claimClosesAt: true, redeemFrom: true, redeemUntil: true })
      .get()
  ).data as VoucherDoc[]
  return rows.flatMap((v): HomeVoucher[] => {
    const state = voucherState({ ...v, claimClosesAt: new Date(v.claimClosesAt), redeemFrom: new Date(v.redeemFrom), redeemUntil: new Date(v.redeemUntil) }, now)
    if (state !== 'choose' && state !== 'ready') return []
    return [{ id: v._id, name: v.name, kind: v.kind, state, optionName: v.optionName, claimClosesAt: new Date(v.claimClosesAt).toISOString(), redeemUntil: new Date(v.redeemUntil).toISOString() }]
  })
}

/**
 * Requests the caller made or reported, still open or closed lately, newest change first: the
 * category and status their timeline shows them anyway, nothing of a request they are not part of.
 */
async function myRequests(deps: Deps, me: CallerMember): Promise<HomeRequest[]> {
  const { db, clock } = deps
  const _ = db.command
  const open = REQUEST_STATUSES.filter(isOpen)
  const mineOrReported = _.or([{ memberId: me.member._id }, { reporterId: me.member._id }])
  const current = _.or([{ status: _.in(open) }, { updatedAt: _.gte(new Date(clock.now().getTime() - CLOSED_SHOWN_MS)) }])
  const rows = (
    await db
      .collection('hardship_requests')
      .where(_.and([{ unionId: me.unionId }, mineOrReported, current]))
      .orderBy('updatedAt', 'desc')
      .orderBy('_id', 'asc')
      .limit(SHOWN.requests)
      .field({ categoryName: true, status: true, memberId: true, memberName: true, updatedAt: true })
      .get()
  ).data as HardshipRequestDoc[]
  return rows.map((r) => ({
    id: r._id,
    categoryName: r.categoryName,
    status: r.status,
    forName: r.memberId === me.member._id ? null : r.memberName,
    updatedAt: new Date(r.updatedAt).toISOString(),
  }))
}
