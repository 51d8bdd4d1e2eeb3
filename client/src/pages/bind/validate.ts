/**
 * The bind form's own checks, mirroring the server's (`member.bindByCode` / `member.bindByProfile`),
 * so a member hears about a typo under the field before anything is sent. Pure, for tests.
 */
import { INVITE_ALPHABET, INVITE_LENGTH, normalizeInviteCode } from '@shared/domain/invite-code'

export interface ProfileInput {
  memberNo: string
  name: string
  phoneLast4: string
}

export type ProfileErrors = Partial<Record<keyof ProfileInput, string>>

/** The code as the server stores it (upper case, no dash or spaces), or the message to show under the field. */
export function checkInviteCode(typed: string): { code: string } | { error: string } {
  const code = normalizeInviteCode(typed.trim())
  if (!code) return { error: '请输入邀请码' }
  // Length first: a short code with a 1 in it is short, not a question of which characters exist.
  if (code.length !== INVITE_LENGTH) return { error: `邀请码是 ${INVITE_LENGTH} 位，例如 ABCD-EFGH` }
  if ([...code].some((c) => !INVITE_ALPHABET.includes(c))) {
    return /[01OIL]/.test(code) ? { error: '邀请码里没有数字 0、1 和字母 O、I、L，请再核对一下' } : { error: '邀请码只有字母和数字，例如 ABCD-EFGH' }
  }
  return { code }
}

/** Trimmed values ready to send, or a message per field. */
export function checkProfile(input: ProfileInput): { value: ProfileInput } | { errors: ProfileErrors } {
  const value = { memberNo: input.memberNo.trim(), name: input.name.trim(), phoneLast4: input.phoneLast4.trim() }
  const errors: ProfileErrors = {}
  if (!value.memberNo) errors.memberNo = '请输入会员编号'
  else if (!/^[A-Za-z0-9-]{1,32}$/.test(value.memberNo)) errors.memberNo = '会员编号由字母、数字组成，例如 GH2026001'
  if (!value.name) errors.name = '请输入姓名'
  else if ([...value.name].length > 20) errors.name = '姓名不能超过 20 个字'
  if (!value.phoneLast4) errors.phoneLast4 = '请输入手机号后四位'
  else if (!/^\d{4}$/.test(value.phoneLast4)) errors.phoneLast4 = '请输入 4 位数字'
  return Object.keys(errors).length ? { errors } : { value }
}
