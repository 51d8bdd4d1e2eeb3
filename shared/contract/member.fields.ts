/**
 * The binding form's fields (member.bindByProfile), and a member's name wherever it is typed:
 * limits and words as plain data. member.contract.ts builds the schemas from them; the bind page
 * (main package, no zod) checks with fields.ts.
 */
import { MAX_MEMBER_NO_LENGTH, MAX_NAME_LENGTH, MEMBER_NO_PATTERN } from '../domain/member-facts'
import type { TextRule } from './fields'
import type { Hints } from './wording'

/** Their names, among the common labels (labels.ts); here too so the bind page needs no other table. */
export const BIND_LABELS = { memberNo: '会员编号', name: '姓名', phoneLast4: '手机号后四位' } as const

/** An invite code as typed, separators and spaces included (ABCD-EFGH, abcd efgh). */
export const TYPED_INVITE_CODE_MAX = 16

export const PERSON_NAME: TextRule = { min: 1, max: MAX_NAME_LENGTH }

export const BIND_FIELDS = {
  memberNo: {
    min: 1,
    max: MAX_MEMBER_NO_LENGTH,
    pattern: MEMBER_NO_PATTERN,
    words: { missing: '请输入会员编号', format: '会员编号由字母、数字组成，例如 GH2026001' },
  },
  name: { ...PERSON_NAME, words: { missing: '请输入姓名' } },
  phoneLast4: { min: 1, max: 4, pattern: /^\d{4}$/, words: { missing: '请输入手机号后四位' } },
} as const satisfies Readonly<Record<string, TextRule>>

/** Under the field the label is in sight; the answer to a request names it (手机号后四位的格式不对). */
export const BIND_HINTS: Hints = {
  phoneLast4: { format: '请输入 4 位数字', tooLong: '请输入 4 位数字' },
}
