/** Invite codes people read aloud and type: no 0/O, 1/I/L; shown as XXXX-XXXX. */
export const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const INVITE_LENGTH = 8

/** Typed input → stored form: upper case, separators and spaces dropped. */
export const normalizeInviteCode = (typed: string): string => typed.toUpperCase().replace(/[\s-]/g, '')

export const formatInviteCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`

/** `randomBytes` is crypto.randomBytes on the server; tests pass a fixed sequence. */
export function makeInviteCode(randomBytes: (n: number) => Uint8Array): string {
  let code = ''
  while (code.length < INVITE_LENGTH) {
    for (const byte of randomBytes(INVITE_LENGTH * 2)) {
      // Reject the top of the byte range so every letter is equally likely (256 is not a multiple of 31).
      if (byte < 248 && code.length < INVITE_LENGTH) code += INVITE_ALPHABET[byte % INVITE_ALPHABET.length]
    }
  }
  return code
}
