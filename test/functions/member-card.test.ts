import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { localDb } from '../support/local-db'
import { signCode } from '../../cloudfunctions/_lib/signed-codes'
import { appServerForFile } from '../support/app-server'
import { seedOtherUnion } from '../support/other-union'
import { writeCount } from '../support/write-count'

/**
 * 电子会员证 (member.card) and 核验 (member.verifyCard): the card is the caller's own, its code is
 * signed with the function secret and short-lived, only admins check it, a stale, forged or foreign
 * code is refused in Chinese, and a check reveals name, department and status — nothing more.
 */
const app = appServerForFile()
let secret: string
beforeAll(async () => {
  await seedOtherUnion()
  secret = JSON.parse(readFileSync(join(app.dataDir, 'local-secrets.json'), 'utf8')).UNION_CODE_SECRET as string
})

const card = async (openid = 'demo-member') => {
  const { body } = await app.call('member.card', {}, openid)
  expect(body.ok).toBe(true)
  return body.data
}
const verify = (code: string, openid = 'demo-admin') => app.call('member.verifyCard', { code }, openid).then((r) => r.body)

describe('the member’s card', () => {
  it('shows who the caller is — name, union, number, department, joining date, status — with a fresh signed code', async () => {
    const before = Date.now()
    const c = await card()
    expect(c).toMatchObject({ name: '刘洋', union: '市直机关示范工会', memberNo: 'GH2026004', department: '信息中心', joinDate: '2013-04-01', status: '在职' })
    expect(c.code.shortCode).toMatch(/^\d{6}$/)
    expect(c.code.token.length).toBeGreaterThan(20)
    // Short-lived: a minute, so a photo of it stops working soon.
    const life = Date.parse(c.code.expiresAt) - before
    expect(life).toBeGreaterThan(50_000)
    expect(life).toBeLessThanOrEqual(61_000)
  })

  it('is always the caller’s own: the identity comes from the platform, a member id in the request is refused', async () => {
    expect((await card('demo-admin')).name).toBe('张伟')
    const { body } = await app.call('member.card', { memberId: 'demo-member-05' }, 'demo-member')
    expect(body).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect((await app.call('member.card', {}, 'demo-newcomer')).body).toMatchObject({ ok: false, error: { code: 'NOT_BOUND' } })
  })

  it('gives new digits and a new token on each call (the page renews it every 30 seconds)', async () => {
    const [a, b] = [await card(), await card()]
    expect(a.code.token === b.code.token && a.code.shortCode === b.code.shortCode).toBe(false)
  })
})

describe('核验 by union staff', () => {
  it('an admin scanning the QR sees the name, department and status, and nothing more; nothing is written', async () => {
    const c = await card()
    const before = writeCount(app.stats)
    const res = await verify(c.code.token)
    expect(res).toEqual({ ok: true, data: { name: '刘洋', department: '信息中心', status: '在职' } })
    expect(writeCount(app.stats)).toBe(before)
    // No number, phone, id or joining date anywhere in the answer.
    const text = JSON.stringify(res)
    for (const secretish of ['GH2026004', 'demo-member-04', '139', '2013']) expect(text).not.toContain(secretish)
  })

  it('typing the six digits works the same', async () => {
    const c = await card()
    expect(await verify(c.code.shortCode)).toEqual({ ok: true, data: { name: '刘洋', department: '信息中心', status: '在职' } })
  })

  it('shows the roster’s status now, not the one when the card was opened', async () => {
    const c = await card('demo-leader')
    expect((await app.call('member.update', { id: 'demo-member-02', status: '退休' }, 'demo-admin')).body.ok).toBe(true)
    expect(await verify(c.code.token)).toEqual({ ok: true, data: { name: '李娜', department: '财务科', status: '退休' } })
    await app.call('member.update', { id: 'demo-member-02', status: '在职' }, 'demo-admin')
  })

  it.each([
    ['leader', 'demo-leader'],
    ['redeemer', 'demo-redeemer'],
    ['auditor', 'demo-auditor'],
    ['member', 'demo-member'],
  ])('as %s (not an admin) nobody’s card can be checked (FORBIDDEN, nothing revealed)', async (_role, openid) => {
    const c = await card('demo-admin')
    const res = await verify(c.code.token, openid)
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(JSON.stringify(res)).not.toContain('张伟')
  })

  it('an expired QR is refused with a Chinese reason', async () => {
    const stale = signCode(secret, 'member-card', 'demo-member-04', new Date(Date.now() - 5 * 60_000)).token
    expect(await verify(stale)).toEqual({
      ok: false,
      error: { code: 'EXPIRED', message: '会员证二维码已过期，请会员刷新后再出示', details: { field: 'code' } },
    })
  })

  it('a forged QR (another key, or a changed member) is refused and names nobody', async () => {
    const other = signCode('not-the-function-secret', 'member-card', 'demo-member-04', new Date()).token
    const genuine = (await card()).code.token as string
    const [body, sig] = genuine.split('.')
    const payload = Buffer.from(body, 'base64url').toString('utf8').replace('demo-member-04', 'demo-member-01')
    const swapped = `${Buffer.from(payload).toString('base64url')}.${sig}`
    for (const code of [other, swapped, 'abcdefgh.ijklmnop']) {
      const res = await verify(code)
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '这不是有效的会员证码，可能是伪造或截图被改动过' } })
      expect(JSON.stringify(res)).not.toMatch(/刘洋|张伟/)
    }
  })

  it('a check-in or voucher code is not a member card', async () => {
    const checkin = signCode(secret, 'checkin', 'some-activity:demo-member-04', new Date()).token
    expect(await verify(checkin)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '这不是会员证的二维码（可能是签到码或福利券码）' } })
  })

  it('stale or wrong digits are refused', async () => {
    const c = await card()
    const db = localDb()
    await db
      .collection('live_codes')
      .doc(`card:demo-union:${c.code.shortCode}`)
      .update({ expiresAt: new Date(Date.now() - 1000) })
    const msg = '数字码不对或已过期，请会员刷新会员证后再报一次'
    expect(await verify(c.code.shortCode)).toMatchObject({ ok: false, error: { code: 'EXPIRED', message: msg } })
    // The digits of a voucher (same collection, another key space) never name a member.
    await db
      .collection('live_codes')
      .doc('demo-union:424242')
      .set({ voucherId: 'some-voucher', expiresAt: new Date(Date.now() + 60_000) })
    expect(await verify('424242')).toMatchObject({ ok: false, error: { code: 'EXPIRED', message: msg } })
  })

  it('another union’s admin cannot check this union’s cards', async () => {
    const c = await card()
    const byToken = await verify(c.code.token, 'other-admin')
    expect(byToken).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '这是其他工会的会员证，请到所属工会核验' } })
    expect(JSON.stringify(byToken)).not.toContain('刘洋')
    expect(await verify(c.code.shortCode, 'other-admin')).toMatchObject({ ok: false, error: { code: 'EXPIRED' } })
  })
})
