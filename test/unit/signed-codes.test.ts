import { CODE_LIFETIME_MS, shortCode, shortCodeMatches, signCode, verifyCode } from '../../cloudfunctions/_lib/signed-codes'

const secret = 'k'.repeat(32)
const t0 = new Date('2026-11-21T08:00:10Z')
const later = (ms: number) => new Date(t0.getTime() + ms)

describe('signed personal codes', () => {
  it('verify within their minute and name their subject', () => {
    const { token, expiresAt } = signCode(secret, 'checkin', 'act1:m1', t0)
    expect(expiresAt.getTime() - t0.getTime()).toBe(CODE_LIFETIME_MS)
    expect(verifyCode(secret, 'checkin', token, later(59_000))).toEqual({ ok: true, subject: 'act1:m1' })
    expect(verifyCode(secret, 'checkin', token, later(61_000))).toEqual({ ok: false, reason: 'expired', subject: 'act1:m1' })
  })

  it('refuse a changed subject, a changed signature, another secret and another purpose', () => {
    const { token } = signCode(secret, 'checkin', 'act1:m1', t0)
    const [body, sig] = token.split('.')
    const tampered = `${Buffer.from(Buffer.from(body, 'base64url').toString().replace('m1', 'm2')).toString('base64url')}.${sig}`
    expect(verifyCode(secret, 'checkin', tampered, t0)).toEqual({ ok: false, reason: 'forged' })
    expect(verifyCode(secret, 'checkin', `${body}.${sig.slice(1)}A`, t0)).toEqual({ ok: false, reason: 'forged' })
    expect(verifyCode('x'.repeat(32), 'checkin', token, t0)).toEqual({ ok: false, reason: 'forged' })
    expect(verifyCode(secret, 'voucher', token, t0)).toEqual({ ok: false, reason: 'other-purpose' })
    expect(verifyCode(secret, 'checkin', 'garbage', t0)).toEqual({ ok: false, reason: 'forged' })
  })

  it('six typed digits are accepted for this 30-second slot and the one before, not older', () => {
    const code = shortCode(secret, 'checkin', 'act1:m1', t0)
    expect(code).toMatch(/^\d{6}$/)
    expect(shortCodeMatches(secret, 'checkin', 'act1:m1', code, later(25_000))).toBe(true)
    expect(shortCodeMatches(secret, 'checkin', 'act1:m1', code, later(65_000))).toBe(false)
    expect(shortCodeMatches(secret, 'checkin', 'act1:m2', code, t0)).toBe(false)
  })
})
