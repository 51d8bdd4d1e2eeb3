import { appServerForFile } from '../support/app-server'
import { writeCount } from '../support/write-count'

const app = appServerForFile()

/** Invite codes for the given members, read back from the admin's list. */
async function invitesFor(memberIds: string[]): Promise<Record<string, string>> {
  const created = await app.call('member.createInvites', { memberIds }, 'demo-admin')
  expect(created.body.ok).toBe(true)
  const list = await app.call('member.listInvites', { pageSize: 100 }, 'demo-admin')
  return Object.fromEntries(list.body.data.items.map((i: { memberId: string; code: string }) => [i.memberId, i.code]))
}

describe('binding with an invite code', () => {
  it('binds the caller, then the code is spent', async () => {
    const codes = await invitesFor(['demo-member-06'])
    const code = codes['demo-member-06']
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    const first = await app.call('member.bindByCode', { code: code.toLowerCase().replace('-', ' ') }, 'wx-yangfan')
    expect(first.body).toMatchObject({ ok: true, data: { member: { name: '杨帆', department: '人事科' }, roles: ['member'] } })
    expect((await app.call('member.me', {}, 'wx-yangfan')).body.data.member.name).toBe('杨帆')

    const again = await app.call('member.bindByCode', { code }, 'wx-someone-else')
    expect(again.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '邀请码无效、已被使用或已过期，请向工会索取新的邀请码' } })
    expect((await app.call('member.me', {}, 'wx-someone-else')).body.error.code).toBe('NOT_BOUND')
  })

  it('running invite creation again makes no duplicate codes', async () => {
    await invitesFor(['demo-member-07'])
    const before = (await app.call('member.listInvites', { pageSize: 100 }, 'demo-admin')).body.data.total
    await app.call('member.createInvites', { memberIds: ['demo-member-07'] }, 'demo-admin')
    expect((await app.call('member.listInvites', { pageSize: 100 }, 'demo-admin')).body.data.total).toBe(before)
  })

  it('an already bound user is told so and nothing changes', async () => {
    const codes = await invitesFor(['demo-member-08'])
    const res = await app.call('member.bindByCode', { code: codes['demo-member-08'] }, 'demo-member')
    expect(res.body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '您的微信已经绑定了会员身份' } })
    expect((await app.call('member.me', {}, 'demo-member')).body.data.member.name).toBe('刘洋')
  })
})

describe('binding with 会员编号 + 姓名 + 手机号后四位', () => {
  it('binds when all three match, and the error never says which one was wrong', async () => {
    // demo-member-12: 孙浩, GH2026012; phone from the demo data.
    const detail = (await app.call('member.get', { id: 'demo-member-12' }, 'demo-admin')).body.data
    const last4 = detail.phone.slice(-4)
    const wrongs = [
      { memberNo: 'GH2026012', name: '孙浩', phoneLast4: last4 === '0000' ? '1111' : '0000' },
      { memberNo: 'GH2026012', name: '孙皓', phoneLast4: last4 },
      { memberNo: 'GH2026099', name: '孙浩', phoneLast4: last4 },
    ]
    const messages = new Set<string>()
    for (const input of wrongs) {
      const res = await app.call('member.bindByProfile', input, 'wx-sunhao')
      expect(res.body.ok).toBe(false)
      messages.add(res.body.error.message)
    }
    expect([...messages]).toEqual(['信息核对不上，请检查会员编号、姓名和手机号后四位；仍有问题请联系工会'])
    const ok = await app.call('member.bindByProfile', { memberNo: 'GH2026012', name: '孙浩', phoneLast4: last4 }, 'wx-sunhao')
    expect(ok.body).toMatchObject({ ok: true, data: { member: { name: '孙浩' } } })
  })

  it('allows 5 failures per 10 minutes, then RATE_LIMITED even for the right answer', async () => {
    const detail = (await app.call('member.get', { id: 'demo-member-13' }, 'demo-admin')).body.data
    const right = { memberNo: detail.memberNo, name: detail.name, phoneLast4: detail.phone.slice(-4) }
    for (let i = 0; i < 5; i++)
      expect((await app.call('member.bindByProfile', { ...right, phoneLast4: '0001' }, 'wx-guesser')).body.error.code).toBe('NOT_FOUND')
    const blocked = await app.call('member.bindByProfile', right, 'wx-guesser')
    expect(blocked.body).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: '尝试次数太多，请 10 分钟后再试' } })
    // Another WeChat user is not affected.
    expect((await app.call('member.bindByProfile', right, 'wx-honest')).body.ok).toBe(true)
  })

  it('a burst of 40 simultaneous guesses still gets at most 5 checked', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, () => app.call('member.bindByProfile', { memberNo: 'GH2026014', name: '朱红', phoneLast4: '9999' }, 'wx-burst')),
    )
    const codes = results.map((r) => r.body.error.code)
    expect(codes.filter((c) => c === 'NOT_FOUND').length).toBeLessThanOrEqual(5)
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(35)
  })
})

describe('one WeChat user ↔ one member', () => {
  it('two users racing for one member: exactly one wins', async () => {
    const detail = (await app.call('member.get', { id: 'demo-member-16' }, 'demo-admin')).body.data
    const input = { memberNo: detail.memberNo, name: detail.name, phoneLast4: detail.phone.slice(-4) }
    const racers = Array.from({ length: 20 }, (_, i) => `wx-racer-${i}`)
    const results = await Promise.all(racers.map((openid) => app.call('member.bindByProfile', input, openid)))
    expect(results.filter((r) => r.body.ok)).toHaveLength(1)
    const losers = results.filter((r) => !r.body.ok).map((r) => r.body.error)
    expect(losers.every((e) => e.code === 'CONFLICT' && e.message.includes('已绑定其他微信'))).toBe(true)
  })

  it('after the admin unbinds (new phone), the member binds again', async () => {
    const detail = (await app.call('member.get', { id: 'demo-member-04' }, 'demo-admin')).body.data
    expect(detail.bound).toBe(true)
    const unbound = await app.call('member.unbind', { id: 'demo-member-04' }, 'demo-admin')
    expect(unbound.body.data.bound).toBe(false)
    expect((await app.call('member.me', {}, 'demo-member')).body.error.code).toBe('NOT_BOUND')
    const input = { memberNo: detail.memberNo, name: detail.name, phoneLast4: detail.phone.slice(-4) }
    expect((await app.call('member.bindByProfile', input, 'wx-liuyang-newphone')).body.data.member.name).toBe('刘洋')
  })

  it('bad input is refused with INVALID_ARGUMENT and writes nothing', async () => {
    const before = writeCount(app.stats)
    const res = await app.call('member.bindByProfile', { memberNo: 'GH1', name: '张伟', phoneLast4: '12a4' }, 'wx-typo')
    expect(res.body).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '手机号后四位的格式不对', details: { field: 'phoneLast4' } } })
    expect(writeCount(app.stats)).toBe(before)
  })
})
