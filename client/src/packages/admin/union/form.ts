/** 工会联系方式: the form's checks, by `member.setUnionContact`'s schema (the server checks the same again). */
import type { UnionContact } from '@shared/contract'
import { memberActions, UNION_CONTACT_HINTS, UNION_PHONE, UNION_PLACE_MAX } from '@shared/contract/member.contract'
import { firstByField, parseInput } from '@shared/contract/validate'

export const PHONE_MAX = UNION_PHONE.max
export const PLACE_MAX = UNION_PLACE_MAX

export type ContactErrors = Partial<Record<keyof UnionContact, string>>

const setContact = memberActions['member.setUnionContact']

export function checkContact(form: UnionContact): { value: UnionContact } | { errors: ContactErrors } {
  // A number is often typed with spaces (0571 8700 1234); the office line is stored without them.
  const typed = { phone: form.phone.trim().replace(/\s+/g, ''), place: form.place.trim() }
  const parsed = parseInput(setContact.input, typed, setContact.labels, UNION_CONTACT_HINTS)
  return parsed.ok ? { value: parsed.value } : { errors: firstByField(parsed.problems) }
}
