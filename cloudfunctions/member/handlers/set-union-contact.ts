import type { Handler } from '../../_lib/entry'
import { saveUnionContact } from '../unions.repo'

/**
 * 联系工会: an admin sets the office's phone and place on their own union's record (one write to
 * the document of the caller's union; the union comes from the caller, never from the input).
 */
export const setUnionContact: Handler<'member.setUnionContact'> = async ({ deps, me, input }) => {
  const contact = { phone: input.phone, place: input.place }
  await saveUnionContact(deps, me.unionId, contact, me.member._id)
  return contact
}
