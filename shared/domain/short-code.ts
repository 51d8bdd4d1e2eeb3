/**
 * The six digits under every rotating QR code (签到码, 券码, 电子会员证): what a member reads out when
 * the scanner cannot see the code, and what a clerk or an organizer types. One length for the
 * server that makes and checks them and for the boxes they are typed into.
 */
export const SHORT_CODE_DIGITS = 6

const SHORT_CODE = new RegExp(`^\\d{${SHORT_CODE_DIGITS}}$`)

/** A typed short code, as against a scanned QR token. */
export const isShortCode = (code: string): boolean => SHORT_CODE.test(code)

/** Any whole number as a short code: its last six digits, zero-padded. */
export const shortCodeOf = (n: number): string => String(n % 10 ** SHORT_CODE_DIGITS).padStart(SHORT_CODE_DIGITS, '0')

/** Digits only, at most six (a pasted 「123 456」 works too): what a box for a short code keeps. */
export const typedCode = (value: string): string => value.replace(/\D+/g, '').slice(0, SHORT_CODE_DIGITS)
