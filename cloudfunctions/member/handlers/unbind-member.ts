import type { Handler } from '../../_lib/entry'
import { memberDetail, memberInUnion } from '../../_lib/members.repo'

/**
 * For a member with a new phone: frees the member so they can bind again. Doing it twice is harmless.
 * The codes spent on the member are marked first, so the repair job never takes a binding gone
 * missing since for a bind cut short, and an old code cannot bind again.
 */
export const unbindMember: Handler<'member.unbind'> = async ({ deps, me, input }) => {
  const member = await memberInUnion(deps, me.unionId, input.id)
  const { db, clock } = deps
  const _ = db.command
  await db.collection('invites').where({ unionId: me.unionId, memberId: member._id, usedAt: _.neq(null), unboundAt: _.exists(false) }).update({ unboundAt: clock.now() })
  await db.collection('bindings').where({ unionId: me.unionId, memberId: member._id }).remove()
  return memberDetail(deps, member)
}
