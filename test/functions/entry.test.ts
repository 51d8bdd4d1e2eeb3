import { createMain, type Router } from '../../cloudfunctions/_lib/entry'
import { router } from '../../cloudfunctions/member'
import { AppError } from '../../cloudfunctions/_lib/app-error'
import type { Deps } from '../../cloudfunctions/_lib/deps'
import { platformContext } from '../../emulator/app-host/function-runner'

/** The wrapper alone, with a handler that reports what it was given. No database needed. */
/** Just enough database for requireMember: every openid is bound to a member named after it. */
const principalOf = (id: string) => ({
  _id: id,
  unionId: 'u',
  memberId: `m-${id}`,
  member: [{ _id: `m-${id}`, unionId: 'u', name: id, status: '在职', departmentName: '' }],
  roles: [],
})
/** The caller is one aggregate on `bindings` (member and roles joined on): match, limit, lookups, end. */
const principalRead = (end: (id: string) => Promise<unknown>) => {
  let id = ''
  const chain = { match: (where: { _id: string }) => ((id = where._id), chain), limit: () => chain, lookup: () => chain, end: () => end(id) }
  return chain
}
const fakeDb = {
  collection: (name: string) => ({
    aggregate: () => principalRead(async (id) => ({ data: name === 'bindings' ? [principalOf(id)] : [] })),
    doc: (id: string) => ({
      get: async () => ({
        data:
          name === 'bindings' ? [{ _id: id, unionId: 'u', memberId: `m-${id}` }] : [{ _id: id, unionId: 'u', name: id, status: '在职', departmentName: '' }],
      }),
    }),
    where: () => ({ limit: () => ({ get: async () => ({ data: [] }) }) }),
  }),
}
const fakeDeps = {
  db: fakeDb,
  clock: { now: () => new Date(0) },
  ids: { next: () => 'id' },
  secrets: { codeSigning: 'x'.repeat(32) },
  log: () => {},
} as unknown as Deps
const seen: unknown[] = []
const make = (me: Router<'member'>['me']) => createMain('member', { ...router, me }, { deps: () => fakeDeps })

beforeAll(() => {
  process.env.LOG_LEVEL = 'silent'
})
beforeEach(() => seen.splice(0))

const echo = make(async ({ caller, input }) => {
  seen.push({ caller, input })
  return {
    member: { id: 'm', name: caller.openid, department: '', memberNo: '' },
    union: { id: 'u', name: '' },
    roles: ['member'],
    grants: [],
    badges: { groupRequests: 0, unreadMessages: 0 },
    uploadFolder: 'uploads/x',
  }
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

  it.each([[{ action: 'nope' }], [{ action: '' }], [{}], [null], [{ action: 'constructor' }], [{ action: 'toString' }]])(
    'unknown action %j → NOT_FOUND',
    async (event) => {
      expect(await echo(event, platformContext('member', 'a'))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
      expect(seen).toEqual([])
    },
  )

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

describe('createMain: CloudBase’s rate limit', () => {
  const limited = (code = 'EXCEED_REQUEST_LIMIT') => Object.assign(new Error(`${code}: request limit exceeded`), { code })
  const meView = {
    member: { id: 'm', name: 'a', department: '', memberNo: '' },
    union: { id: 'u', name: '' },
    roles: ['member' as const],
    grants: [],
    badges: { groupRequests: 0, unreadMessages: 0 },
    uploadFolder: 'uploads/x',
  }
  /** The waits are recorded, not waited; random 0.5 keeps each at its nominal length. */
  const waits: number[] = []
  const retry = { delaysMs: [100, 400, 1200], sleep: async (ms: number) => void waits.push(ms), random: () => 0.5 }
  beforeEach(() => waits.splice(0))

  it.each(['EXCEED_REQUEST_LIMIT', 'EXCEED_CONCURRENT_REQUEST_LIMIT'])(
    '%s: the whole call runs again after a wait, and the member sees the answer',
    async (code) => {
      let runs = 0
      const main = createMain(
        'member',
        { ...router, me: async () => (++runs <= 2 ? Promise.reject(limited(code)) : meView) },
        { deps: () => fakeDeps, rateLimitRetry: retry },
      )
      expect(await main({ action: 'me' }, platformContext('member', 'a'))).toMatchObject({ ok: true, data: { member: { id: 'm' } } })
      expect(runs).toBe(3)
      expect(waits).toEqual([100, 400])
    },
  )

  it('still refused after the last wait: RATE_LIMITED with a Chinese sentence, not INTERNAL', async () => {
    let runs = 0
    const main = createMain('member', { ...router, me: async () => (++runs, Promise.reject(limited())) }, { deps: () => fakeDeps, rateLimitRetry: retry })
    expect(await main({ action: 'me' }, platformContext('member', 'a'))).toEqual({
      ok: false,
      error: { code: 'RATE_LIMITED', message: '当前使用人数较多，请稍后再试' },
    })
    expect(runs).toBe(4)
    expect(waits).toEqual([100, 400, 1200])
  })

  it('gives up early rather than wait past half the function’s time limit', async () => {
    let runs = 0
    const main = createMain('member', { ...router, me: async () => (++runs, Promise.reject(limited())) }, { deps: () => fakeDeps, rateLimitRetry: retry })
    const context = { ...(platformContext('member', 'a') as object), time_limit_in_ms: 1000 }
    expect(await main({ action: 'me' }, context)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    expect(waits).toEqual([100, 400])
    expect(runs).toBe(3)
  })

  it('a refusal from the caller’s own member read (before the handler) is retried as well', async () => {
    let reads = 0
    const flakyDb = {
      ...fakeDb,
      collection: (name: string) =>
        name === 'bindings' && ++reads === 1 ? { aggregate: () => principalRead(async () => Promise.reject(limited())) } : fakeDb.collection(name),
    }
    const main = createMain(
      'member',
      { ...router, me: async () => meView },
      { deps: () => ({ ...fakeDeps, db: flakyDb }) as unknown as Deps, rateLimitRetry: retry },
    )
    expect(await main({ action: 'me' }, platformContext('member', 'a'))).toMatchObject({ ok: true })
    expect(waits).toEqual([100])
  })

  it('an AppError or another failure is answered at once, without retrying', async () => {
    let runs = 0
    const refuse = createMain(
      'member',
      { ...router, me: async () => (runs++, Promise.reject(new AppError('CONFLICT'))) },
      { deps: () => fakeDeps, rateLimitRetry: retry },
    )
    expect(await refuse({ action: 'me' }, platformContext('member', 'a'))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(runs).toBe(1)
    expect(waits).toEqual([])
  })

  it('a timer job refused for load runs again; refused to the end it reports RATE_LIMITED', async () => {
    let runs = 0
    const flakyJob = async () => (++runs <= 1 ? Promise.reject(limited()) : { done: runs })
    const timers = createMain('member', router, {
      deps: () => fakeDeps,
      rateLimitRetry: retry,
      timers: { sweep: flakyJob, stuck: async () => Promise.reject(limited()) },
    })
    expect(await timers({ Type: 'Timer', TriggerName: 'sweep' }, {})).toEqual({ ok: true, data: { done: 2 } })
    expect(waits).toEqual([100])
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {})
    expect(await timers({ Type: 'Timer', TriggerName: 'stuck' }, {})).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    spy.mockRestore()
    expect(waits).toEqual([100, 100, 400, 1200])
  })
})
