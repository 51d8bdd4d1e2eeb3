import { createMain, type Router } from '../../cloudfunctions/_lib/entry'
import { router } from '../../cloudfunctions/member'
import { AppError } from '../../cloudfunctions/_lib/app-error'
import type { Deps } from '../../cloudfunctions/_lib/deps'
import { platformContext } from '../../emulator/function-runner'

/** The wrapper alone, with a handler that reports what it was given. No database needed. */
/** Just enough database for requireMember: every openid is bound to a member named after it. */
const fakeDb = {
  collection: (name: string) => ({
    doc: (id: string) => ({
      get: async () => ({
        data: name === 'bindings' ? [{ _id: id, unionId: 'u', memberId: `m-${id}` }] : [{ _id: id, unionId: 'u', name: id, status: '在职', departmentName: '' }],
      }),
    }),
    where: () => ({ limit: () => ({ get: async () => ({ data: [] }) }) }),
  }),
}
const fakeDeps = { db: fakeDb, clock: { now: () => new Date(0) }, ids: { next: () => 'id' }, secrets: { codeSigning: 'x'.repeat(32) }, log: () => {} } as unknown as Deps
const seen: unknown[] = []
const make = (me: Router<'member'>['me']) => createMain('member', { ...router, me }, { deps: () => fakeDeps })

beforeAll(() => {
  process.env.LOG_LEVEL = 'silent'
})
beforeEach(() => seen.splice(0))

const echo = make(async ({ caller, input }) => {
  seen.push({ caller, input })
  return { member: { id: 'm', name: caller.openid, department: '', memberNo: '' }, union: { id: 'u', name: '' }, roles: ['member'], grants: [], badges: { groupRequests: 0 }, uploadFolder: 'uploads/x' }
})

describe('createMain: the entry every function uses', () => {
  it('takes the caller from the platform context, ignoring an openid in the event', async () => {
    const result = await echo({ action: 'me', data: {}, openid: 'forged', userInfo: { openId: 'forged' } }, platformContext('member', 'real-openid'))
    expect(result).toMatchObject({ ok: true, data: { member: { name: 'real-openid' } } })
    expect(seen).toEqual([{ caller: { openid: 'real-openid', appid: 'wxlocal000000000' }, input: {} }])
  })

  it('two concurrent callers each see their own identity', async () => {
    const [a, b] = await Promise.all([echo({ action: 'me' }, platformContext('member', 'alice')), echo({ action: 'me' }, platformContext('member', 'bob'))])
    expect(a).toMatchObject({ ok: true, data: { member: { name: 'alice' } } })
    expect(b).toMatchObject({ ok: true, data: { member: { name: 'bob' } } })
  })

  it('without a platform identity answers UNAUTHENTICATED and runs nothing', async () => {
    expect(await echo({ action: 'me', data: {}, openid: 'forged' }, {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await echo({ action: 'me' }, platformContext('member', undefined))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(seen).toEqual([])
  })

  it.each([[{ action: 'nope' }], [{ action: '' }], [{}], [null], [{ action: 'constructor' }], [{ action: 'toString' }]])('unknown action %j → NOT_FOUND', async (event) => {
    expect(await echo(event, platformContext('member', 'a'))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(seen).toEqual([])
  })

  it('invalid input → INVALID_ARGUMENT naming the field, handler not run', async () => {
    const result = await echo({ action: 'me', data: { openid: 'x' } }, platformContext('member', 'a'))
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '包含无法识别的内容：openid' } })
    expect(seen).toEqual([])
  })

  it('an AppError keeps its code and Chinese message', async () => {
    const main = make(async () => {
      throw new AppError('FULL', '名额已满，已为您排队')
    })
    expect(await main({ action: 'me' }, platformContext('member', 'a'))).toEqual({ ok: false, error: { code: 'FULL', message: '名额已满，已为您排队' } })
  })

  it('an unexpected throw becomes INTERNAL without leaking the error', async () => {
    const main = make(async () => {
      throw new Error('secret stack detail')
    })
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {})
    const result = await main({ action: 'me' }, platformContext('member', 'a'))
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } })
    expect(JSON.stringify(result)).not.toContain('secret')
    spy.mockRestore()
  })
})
