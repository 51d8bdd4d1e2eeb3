import { isRateLimited, jittered, retryRateLimited } from '../../cloudfunctions/_lib/rate-limit-retry'

const limited = (code = 'EXCEED_REQUEST_LIMIT') => Object.assign(new Error(`${code}: request limit exceeded`), { code })

/** A handler that is refused `refusals` times, then answers; it counts its runs. */
function flaky(refusals: number, error: () => unknown = () => limited()) {
  const state = { runs: 0 }
  const run = async () => {
    state.runs++
    if (state.runs <= refusals) throw error()
    return 'done'
  }
  return { state, run }
}

/** Records the waits instead of waiting; random() = 0.5 makes each wait its nominal delay. */
function fakeTime() {
  const waits: number[] = []
  return { waits, policy: { delaysMs: [100, 400, 1200], sleep: async (ms: number) => void waits.push(ms), random: () => 0.5 } }
}

describe('retryRateLimited', () => {
  it('an answer at the first attempt: no wait, one run', async () => {
    const t = fakeTime()
    const h = flaky(0)
    expect(await retryRateLimited(h.run, t.policy)).toBe('done')
    expect(h.state.runs).toBe(1)
    expect(t.waits).toEqual([])
  })

  it.each(['EXCEED_REQUEST_LIMIT', 'EXCEED_CONCURRENT_REQUEST_LIMIT'])('%s: waits longer each time and runs the whole handler again', async (code) => {
    const t = fakeTime()
    const h = flaky(3, () => limited(code))
    expect(await retryRateLimited(h.run, t.policy)).toBe('done')
    expect(h.state.runs).toBe(4)
    expect(t.waits).toEqual([100, 400, 1200])
  })

  it('refused at every attempt: gives up after the last delay with the rate-limit error', async () => {
    const t = fakeTime()
    const h = flaky(Infinity)
    const error = await retryRateLimited(h.run, t.policy).catch((e) => e)
    expect(isRateLimited(error)).toBe(true)
    expect(h.state.runs).toBe(4)
    expect(t.waits).toEqual([100, 400, 1200])
  })

  it('any other failure is not retried', async () => {
    const t = fakeTime()
    for (const error of [Object.assign(new Error('E11000 duplicate key'), { code: 'DATABASE_REQUEST_FAILED' }), new Error('boom'), { code: 'FULL' }]) {
      const h = flaky(1, () => error)
      await expect(retryRateLimited(h.run, t.policy)).rejects.toBe(error)
      expect(h.state.runs).toBe(1)
    }
    expect(t.waits).toEqual([])
  })

  it('a rate limit after other work is retried too, and a later different failure ends it', async () => {
    const t = fakeTime()
    let runs = 0
    const other = new Error('later failure')
    const run = async () => {
      runs++
      throw runs === 1 ? limited() : other
    }
    await expect(retryRateLimited(run, t.policy)).rejects.toBe(other)
    expect(runs).toBe(2)
    expect(t.waits).toEqual([100])
  })

  it('jitter spreads each wait between half and one and a half times its delay', () => {
    expect(jittered(400, () => 0)).toBe(200)
    expect(jittered(400, () => 0.999)).toBe(600)
    expect(jittered(100, () => 0.25)).toBe(75)
  })

  it('reports each retry', async () => {
    const t = fakeTime()
    const seen: [number, number][] = []
    await retryRateLimited(flaky(2).run, t.policy, { onRetry: (retry, ms) => seen.push([retry, ms]) })
    expect(seen).toEqual([
      [1, 100],
      [2, 400],
    ])
  })

  it('stops early when the next wait would not leave time for another run', async () => {
    const t = fakeTime()
    const h = flaky(Infinity)
    const error = await retryRateLimited(h.run, t.policy, { canWait: (ms) => ms < 1000 }).catch((e) => e)
    expect(isRateLimited(error)).toBe(true)
    expect(h.state.runs).toBe(3)
    expect(t.waits).toEqual([100, 400])
  })
})
