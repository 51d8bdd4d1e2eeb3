/** 工会联系方式: the form's checks, worded for the admin (the server checks the same again). */
import type { UnionContact } from '@shared/contract'

/** An office line (0571-87001234, 分机 as -805), a local number, or a mobile. Same rule as the contract's. */
const OFFICE_PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,8})$/
export const PLACE_MAX = 40

export type ContactErrors = Partial<Record<keyof UnionContact, string>>

export function checkContact(form: UnionContact): { value: UnionContact } | { errors: ContactErrors } {
  const phone = form.phone.trim().replace(/\s+/g, '')
  const place = form.place.trim()
  const errors: ContactErrors = {}
  if (!phone) errors.phone = '请填写联系电话'
  else if (!OFFICE_PHONE.test(phone)) errors.phone = '电话格式不对，座机如 0571-87001234，手机为 11 位'
  if (!place) errors.place = '请填写办公地点'
  else if (place.length > PLACE_MAX) errors.place = `办公地点最多 ${PLACE_MAX} 个字`
  return Object.keys(errors).length ? { errors } : { value: { phone, place } }
}
