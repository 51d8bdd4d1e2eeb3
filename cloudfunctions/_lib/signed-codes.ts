import { createHmac, timingSafeEqual } from 'node:crypto'
import { shortCodeOf } from '@shared/domain/short-code'

/**
 * Personal codes (check-in now, vouchers later): an HMAC over what the code is for and when it
 * expires, so a forged code fails and a photographed one stops working within a minute.
 */
export const CODE_LIFETIME_MS = 60_000
const SLOT_MS = 30_000

const mac = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest()
const b64 = (buf: Buffer) => buf.toString('base64url')

export function signCode(secret: string, purpose: string, subject: string, now: Date, lifetimeMs = CODE_LIFETIME_MS): { token: string; expiresAt: Date } {
  const expiresAt = new Date(now.getTime() + lifetimeMs)
  const payload = `${purpose}.${subject}.${Math.floor(expiresAt.getTime() / 1000)}`
  return { token: `${b64(Buffer.from(payload))}.${b64(mac(secret, payload).subarray(0, 16))}`, expiresAt }
}

/** An expired code still names its (genuine) subject, so a retry of a completed request can be recognised. */
export type Verified = { ok: true; subject: string } | { ok: false; reason: 'forged' | 'other-purpose' } | { ok: false; reason: 'expired'; subject: string }

export function verifyCode(secret: string, purpose: string, token: string, now: Date): Verified {
  const [body, sig] = token.split('.')
  if (!body || !sig) return { ok: false, reason: 'forged' }
  const payload = Buffer.from(body, 'base64url').toString('utf8')
  const expected = mac(secret, payload).subarray(0, 16)
  const given = Buffer.from(sig, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' }
  const parts = payload.split('.')
  const exp = Number(parts.pop())
  const p = parts.shift()
  if (p !== purpose) return { ok: false, reason: 'other-purpose' }
  if (!Number.isFinite(exp) || now.getTime() > exp * 1000) return { ok: false, reason: 'expired', subject: parts.join('.') }
  return { ok: true, subject: parts.join('.') }
}

/** The six digits for typing: derived from the same secret and a 30-second slot; the current and previous slot are accepted. */
export function shortCode(secret: string, purpose: string, subject: string, now: Date, slotsBack = 0): string {
  const slot = Math.floor(now.getTime() / SLOT_MS) - slotsBack
  return shortCodeOf(mac(secret, `short.${purpose}.${subject}.${slot}`).readUInt32BE(0))
}

export const shortCodeMatches = (secret: string, purpose: string, subject: string, typed: string, now: Date): boolean =>
  [0, 1].some((back) => shortCode(secret, purpose, subject, now, back) === typed)
