/**
 * The bind form's own checks, by the rules `member.bindByProfile`'s schema is built from (shared,
 * zod-free: this page is in the main package), so a member hears about a typo under the field
 * before anything is sent. The invite code is checked harder than the server's schema does (it
 * only looks the code up): the printed codes' length and letters. Pure, for tests.
 */
import { textProblem } from '@shared/contract/fields'
import { BIND_FIELDS, BIND_HINTS, BIND_LABELS } from '@shared/contract/member.fields'
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
  for (const key of ['memberNo', 'name', 'phoneLast4'] as const) {
    const problem = textProblem(BIND_FIELDS[key], value[key], BIND_LABELS[key], BIND_HINTS[key])
    if (problem) errors[key] = problem
  }
  return Object.keys(errors).length ? { errors } : { value }
}
