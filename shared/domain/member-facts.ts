/**
 * A member's facts as every way in takes them — the roster file, the admin's form, binding — in a
 * module of their own, so the bind page (main package) reads them without the roster rules.
 */
export const MAX_NAME_LENGTH = 20
export const MAX_MEMBER_NO_LENGTH = 32
export const MEMBER_NO_PATTERN = /^[A-Za-z0-9-]+$/
export const MOBILE_PATTERN = /^1\d{10}$/
