import { appServerForFile } from '../support/app-server'

/**
 * CloudBase refuses requests over quota with EXCEED_REQUEST_LIMIT / EXCEED_CONCURRENT_REQUEST_LIMIT
 * and nothing in the SDK retries. The entry wrapper waits and runs the call again; the local
 * CloudBase can refuse the next N database requests the same way. The waits are the real ones.
 */
jest.setTimeout(60_000)

const app = appServerForFile()
afterEach(() => app.rateLimitNext(0))

const member = (name: string, data: object = {}) => app.call(name, data, 'demo-member')

describe('a call refused for load', () => {
  it('a short burst of refusals is waited out: the member gets the answer', async () => {
    app.rateLimitNext(2)
    const res = await member('member.me')
    expect(res.body).toMatchObject({ ok: true, data: { member: { name: '刘洋' } } })
  })

  it('a write retried whole lands once', async () => {
    const group = (await app.call('group.create', { name: '限流测试小组', joinPolicy: 'open', sizeLimit: null, leaderIds: ['demo-member-02'] }, 'demo-admin'))
      .body.data.id as string
    app.rateLimitNext(3, 'EXCEED_CONCURRENT_REQUEST_LIMIT')
    expect((await member('group.join', { id: group })).body).toEqual({ ok: true, data: { status: 'active' } })
    expect((await member('group.get', { id: group })).body.data).toMatchObject({ memberCount: 2, myStatus: 'active' })
  })

  it('refused on every attempt: RATE_LIMITED with a sentence the member can act on, and the next call works', async () => {
    app.rateLimitNext(1000)
    const res = await member('member.me')
    expect(res.body).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: '当前使用人数较多，请稍后再试' } })
    app.rateLimitNext(0)
    expect((await member('member.me')).body.ok).toBe(true)
  })
})
