import type { HomeActivity, HomeMessage, HomeRequest, HomeVoucher } from '@shared/contract'
import { voucherState } from '@shared/domain/benefits'
import { MESSAGE_KINDS, MESSAGE_KIND_LABELS, type MessageKind } from '@shared/domain/messages'
import { notFound } from '../../_lib/app-error'
import { readTogether } from '../../_lib/batch-read'
import type { Handler } from '../../_lib/entry'
import type { UnionDoc } from '../../_lib/documents'
import type { MessageDoc } from '../../_lib/messages.repo'
import { comingEvents, homeReads, SHOWN, type HomeRequestRow, type HomeSignup, type HomeVoucherRow } from '../home.repo'
import { meReads, readerOf, toMeView } from '../me-view'

/**
 * 首页 in one call, only the caller's own: member.me's view (with the badges) and, read in the same
 * batch, their live sign-ups, vouchers, hardship requests (as applicant or reporter) and newest
 * unread messages; then the coming events among those sign-ups, then the places in line of the
 * ones waiting.
 */
export const getHome: Handler<'member.home'> = async ({ deps, me }) => {
  const reader = readerOf(me.unionId, me.member._id, me.roles)
  const batch = await readTogether(
    deps,
    { collection: 'unions', where: { _id: me.unionId } },
    { ...meReads(deps, me.member, me.roles), ...homeReads(deps, reader) },
  )
  if (!batch) throw notFound('所在工会不存在')
  const { rows } = batch
  const now = deps.clock.now()
  const vouchers = (rows.vouchers as HomeVoucherRow[]).flatMap((v): HomeVoucher[] => {
    const state = voucherState(
      { ...v, claimClosesAt: new Date(v.claimClosesAt), redeemFrom: new Date(v.redeemFrom), redeemUntil: new Date(v.redeemUntil) },
      now,
    )
    if (state !== 'choose' && state !== 'ready') return []
    return [
      {
        id: v._id,
        name: v.name,
        kind: v.kind,
        state,
        optionName: v.optionName,
        claimClosesAt: new Date(v.claimClosesAt).toISOString(),
        redeemUntil: new Date(v.redeemUntil).toISOString(),
      },
    ]
  })
  return {
    me: toMeView(me.openid, me.member, me.roles, batch.anchor as unknown as UnionDoc, rows),
    activities: await comingActivities(deps, me.unionId, rows.signups as HomeSignup[]),
    gifts: vouchers
      .filter((v) => v.state === 'choose')
      .sort((a, b) => a.claimClosesAt.localeCompare(b.claimClosesAt))
      .slice(0, SHOWN.vouchers),
    vouchers: vouchers.filter((v) => v.state === 'ready').slice(0, SHOWN.vouchers),
    requests: (rows.requests as HomeRequestRow[]).map((r): HomeRequest => ({
      id: r._id,
      categoryName: r.categoryName,
      status: r.status,
      forName: r.memberId === me.member._id ? null : r.memberName,
      updatedAt: new Date(r.updatedAt).toISOString(),
    })),
    messages: (rows.messages as MessageDoc[]).map((m): HomeMessage => ({
      id: m._id,
      kindLabel: (MESSAGE_KINDS as readonly string[]).includes(m.kind) ? MESSAGE_KIND_LABELS[m.kind as MessageKind] : '通知',
      title: m.title,
      createdAt: new Date(m.createdAt).toISOString(),
    })),
  }
}

async function comingActivities(deps: Parameters<Handler<'member.home'>>[0]['deps'], unionId: string, signups: readonly HomeSignup[]): Promise<HomeActivity[]> {
  return (await comingEvents(deps, unionId, signups)).map(({ activity: a, signup, waitingPosition }) => ({
    id: a._id,
    title: a.title,
    place: a.place,
    startAt: new Date(a.startAt).toISOString(),
    endAt: new Date(a.endAt).toISOString(),
    myStatus: signup.status as HomeActivity['myStatus'],
    waitingPosition,
    allocation: a.allocation ?? 'fcfs',
    drawAt: a.drawAt ? new Date(a.drawAt).toISOString() : null,
    drawnAt: a.drawnAt ? new Date(a.drawnAt).toISOString() : null,
  }))
}
