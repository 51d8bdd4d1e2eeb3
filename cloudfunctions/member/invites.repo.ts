import { randomBytes } from 'node:crypto'
import { formatInviteCode, makeInviteCode } from '@shared/domain/invite-code'
import { formatShanghai } from '@shared/domain/time'
import type { InviteView } from '@shared/contract'
import { isDuplicateWrite } from '../_lib/db-errors'
import type { Deps } from '../_lib/deps'
import type { InviteDoc } from '../_lib/documents'
import { readAll } from '../_lib/read-all'

/**
 * The `invites` records: `_id` is the one-time code itself (normalised), so single use is one
 * conditional write on `usedAt: null`. `unboundAt` is set when an admin later unbinds the member
 * the code was spent on, so neither the repair nor the old phone binds with it again.
 */
export type SpentInvite = InviteDoc & { readonly unboundAt?: Date }

const INVITES = 'invites'

export const toInviteView = (i: InviteDoc): InviteView => ({
  code: formatInviteCode(i._id),
  memberId: i.memberId,
  name: i.memberName,
  department: i.departmentName,
  expiresAt: formatShanghai(i.expiresAt, 'YYYY-MM-DD'),
  used: i.usedAt !== null,
})

export async function inviteOf(deps: Deps, code: string): Promise<SpentInvite | undefined> {
  return (await deps.db.collection(INVITES).doc(code).get()).data[0] as SpentInvite | undefined
}

/** Single use: only the first claim of an unused code changes it. */
export async function claimInvite(deps: Deps, code: string, openid: string, now: Date): Promise<boolean> {
  return (await deps.db.collection(INVITES).where({ _id: code, usedAt: null }).update({ usedAt: now, usedBy: openid })).updated === 1
}

/** Gives back a code this user claimed (the bind did not go through), so it is not wasted. */
export async function releaseInvite(deps: Deps, code: string, openid: string): Promise<void> {
  await deps.db.collection(INVITES).where({ _id: code, usedBy: openid }).update({ usedAt: null, usedBy: null })
}

/** Gives back a code spent by a bind cut short, only while it is still that claim. */
export async function releaseCutInvite(deps: Deps, invite: SpentInvite): Promise<boolean> {
  return (
    (await deps.db.collection(INVITES).where({ _id: invite._id, usedBy: invite.usedBy, usedAt: invite.usedAt }).update({ usedAt: null, usedBy: null }))
      .updated === 1
  )
}

/** Codes spent between the two instants on members nobody has unbound since (the repair's candidates). */
export async function spentBetween(deps: Deps, from: Date, to: Date): Promise<SpentInvite[]> {
  const _ = deps.db.command
  return readAll<SpentInvite>(deps.db.collection(INVITES).where({ usedAt: _.gt(from).and(_.lt(to)), unboundAt: _.exists(false) }))
}

/** Marks the codes spent on a member as belonging to a binding an admin has removed. */
export async function markUnbound(deps: Deps, unionId: string, memberId: string, now: Date): Promise<void> {
  const _ = deps.db.command
  await deps.db
    .collection(INVITES)
    .where({ unionId, memberId, usedAt: _.neq(null), unboundAt: _.exists(false) })
    .update({ unboundAt: now })
}

const openWhere = (deps: Deps, unionId: string, now: Date) => ({ unionId, usedAt: null, expiresAt: deps.db.command.gt(now) })

/** The union's codes still to be used, by 会员编号 (for the printed list). */
export async function openInvites(deps: Deps, unionId: string, now: Date): Promise<InviteDoc[]> {
  return readAll<InviteDoc>(
    deps.db
      .collection(INVITES)
      .where(openWhere(deps, unionId, now))
      .orderBy('memberNo', 'asc'),
  )
}

/** One page of the union's codes (all, or only those still to be used) and the total, in parallel. */
export async function invitePage(
  deps: Deps,
  unionId: string,
  unusedOnly: boolean,
  now: Date,
  skip: number,
  limit: number,
): Promise<{ rows: InviteDoc[]; total: number }> {
  const query = deps.db.collection(INVITES).where(unusedOnly ? openWhere(deps, unionId, now) : { unionId })
  const [page, count] = await Promise.all([
    query.orderBy('createdAt', 'desc').orderBy('memberNo', 'asc').orderBy('_id', 'asc').skip(skip).limit(limit).get(),
    query.count(),
  ])
  return { rows: page.data as InviteDoc[], total: count.total }
}

/** One round trip per batch; a code collision (1 in ~10^12) falls back to one at a time with a fresh code. */
export async function insertInvites(deps: Deps, batch: InviteDoc[]): Promise<void> {
  const coll = deps.db.collection(INVITES)
  try {
    await coll.add(batch)
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error
    for (const invite of batch) {
      const exists = (await coll.where({ unionId: invite.unionId, memberId: invite.memberId, batchId: invite.batchId }).count()).total
      if (exists) continue
      for (;;) {
        try {
          await coll.add({ ...invite, _id: makeInviteCode(randomBytes) })
          break
        } catch (retry) {
          if (!isDuplicateWrite(retry)) throw retry
        }
      }
    }
  }
}
