import type { Handler } from '../../_lib/entry'
import { memberDetail, memberInUnion } from '../../_lib/members.repo'
import { removeBindingsOf } from '../bindings.repo'
import { markUnbound } from '../invites.repo'

/**
 * For a member with a new phone: frees the member so they can bind again. Doing it twice is harmless.
 * The codes spent on the member are marked first, so the repair job never takes a binding gone
 * missing since for a bind cut short, and an old code cannot bind again.
 */
export const unbindMember: Handler<'member.unbind'> = async ({ deps, me, input }) => {
  const member = await memberInUnion(deps, me.unionId, input.id)
  await markUnbound(deps, me.unionId, member._id, deps.clock.now())
  await removeBindingsOf(deps, me.unionId, member._id)
  return memberDetail(deps, member)
}
