import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export type SignedMethod = 'GET' | 'PUT'

/**
 * Signs storage URLs like COS temp URLs: `?sign=<hmac>&t=<unix seconds expiry>`, bound to the
 * method and the cloud path. The key lives only in this process, so a URL from a previous run is
 * simply invalid.
 */
export class UrlSigner {
  private readonly key = randomBytes(32)

  private mac(method: SignedMethod, cloudPath: string, expiry: number): string {
    return createHmac('sha256', this.key).update(`${method}\n${cloudPath}\n${expiry}`).digest('hex')
  }

  /** Query string (without '?') valid for `ttlSeconds`. */
  sign(method: SignedMethod, cloudPath: string, ttlSeconds: number, nowMs = Date.now()): string {
    const expiry = Math.floor(nowMs / 1000) + ttlSeconds
    return `sign=${this.mac(method, cloudPath, expiry)}&t=${expiry}`
  }

  verify(method: SignedMethod, cloudPath: string, query: URLSearchParams, nowMs = Date.now()): 'ok' | 'expired' | 'forged' {
    const sign = query.get('sign') ?? ''
    const t = query.get('t') ?? ''
    if (!/^\d{1,12}$/.test(t) || !/^[0-9a-f]{64}$/.test(sign)) return 'forged'
    const expected = Buffer.from(this.mac(method, cloudPath, Number(t)), 'hex')
    if (!timingSafeEqual(expected, Buffer.from(sign, 'hex'))) return 'forged'
    return Number(t) * 1000 < nowMs ? 'expired' : 'ok'
  }
}
