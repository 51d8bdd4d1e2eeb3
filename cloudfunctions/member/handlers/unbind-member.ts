import type { Handler } from '../../_lib/entry'
import { memberDetail, memberInUnion } from '../../_lib/members.repo'

/** For a member with a new phone: frees the member so they can bind again. Doing it twice is harmless. */
export const unbindMember: Handler<'member.unbind'> = async ({ deps, me, input }) => {
  const member = await memberInUnion(deps, me.unionId, input.id)
  await deps.db.collection('bindings').where({ unionId: me.unionId, memberId: member._id }).remove()
  return memberDetail(deps, member)
}
