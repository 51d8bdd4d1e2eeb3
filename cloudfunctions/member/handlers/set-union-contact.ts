import type { Handler } from '../../_lib/entry'

/**
 * 联系工会: an admin sets the office's phone and place on their own union's record (one write to
 * the document of the caller's union; the union comes from the caller, never from the input).
 */
export const setUnionContact: Handler<'member.setUnionContact'> = async ({ deps, me, input }) => {
  const contact = { phone: input.phone, place: input.place }
  await deps.db.collection('unions').doc(me.unionId).update({ contact, contactUpdatedAt: deps.clock.now(), contactUpdatedBy: me.member._id })
  return contact
}
