import { randomBytes } from 'node:crypto'
import { makeInviteCode } from '@shared/domain/invite-code'
import type { Handler } from '../../_lib/entry'
import type { Deps } from '../../_lib/deps'
import { invalid } from '../../_lib/app-error'
import { isDuplicateWrite } from '../../_lib/db-errors'
import type { BindingDoc, InviteDoc, MemberDoc } from '../../_lib/documents'
import { readAll } from '../../_lib/read-all'

const VALID_DAYS = 30
const BATCH = 500

/**
 * One-time codes for members who have not bound WeChat yet. A member who already holds a valid
 * unused code is skipped, so running it again (or retrying) makes no duplicates.
 */
export const createInvites: Handler<'member.createInvites'> = async ({ deps, me, input }) => {
  const { db, clock } = deps
  const _ = db.command
  const now = clock.now()
  const unionId = me.unionId
  const members = input.memberIds
    ? await readAll<MemberDoc>(db.collection('members').where({ unionId, _id: _.in(input.memberIds) }))
    : await readAll<MemberDoc>(db.collection('members').where({ unionId, status: _.neq('离会') }))
  if (input.memberIds && members.length !== new Set(input.memberIds).size) throw invalid('有的会员不在本工会名册中', { field: 'memberIds' })
  const [bindings, openInvites] = await Promise.all([
    readAll<BindingDoc>(db.collection('bindings').where({ unionId })),
    readAll<InviteDoc>(db.collection('invites').where({ unionId, usedAt: null, expiresAt: _.gt(now) })),
  ])
  const skip = new Set([...bindings.map((b) => b.memberId), ...openInvites.map((i) => i.memberId)])
  const batchId = deps.ids.next()
  const expiresAt = new Date(now.getTime() + VALID_DAYS * 24 * 3600 * 1000)
  const invites = members
    .filter((m) => !skip.has(m._id) && m.status !== '离会')
    .map((m): InviteDoc => ({
      _id: makeInviteCode(randomBytes),
      unionId,
      memberId: m._id,
      memberName: m.name,
      departmentName: m.departmentName,
      memberNo: m.memberNo,
      batchId,
      createdAt: now,
      createdBy: me.member._id,
      expiresAt,
      usedAt: null,
      usedBy: null,
    }))
  for (let i = 0; i < invites.length; i += BATCH) await insertInvites(deps, invites.slice(i, i + BATCH))
  return { created: invites.length, batchId }
}

/** One round trip per batch; a code collision (1 in ~10^12) falls back to one at a time with a fresh code. */
async function insertInvites(deps: Deps, batch: InviteDoc[]): Promise<void> {
  try {
    await deps.db.collection('invites').add(batch)
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error
    for (const invite of batch) {
      const exists = (await deps.db.collection('invites').where({ unionId: invite.unionId, memberId: invite.memberId, batchId: invite.batchId }).count()).total
      if (exists) continue
      for (;;) {
        try {
          await deps.db.collection('invites').add({ ...invite, _id: makeInviteCode(randomBytes) })
          break
        } catch (retry) {
          if (!isDuplicateWrite(retry)) throw retry
        }
      }
    }
  }
}
