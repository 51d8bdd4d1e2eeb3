/**
 * The local CloudBase copies production's least convenient documented behaviour. Each model is
 * shown here against the forgiving behaviour (switched off for this file only), so a regression in
 * either direction fails.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import * as cloudbase from '@cloudbase/node-sdk'
import { type LocalCloudbaseFixture, withLocalCloudbase } from '../support/local-cloudbase'
import { TEST_COLLECTIONS, errorOf, ids } from './fixtures'
import { createLocalCloudbase } from '../../emulator/cloudbase-server'
import { createFunctionRunner } from '../../emulator/app-host/function-runner'
import { platformEnv } from '../support/local-cloudbase'

/** Every item grouped by n, as one aggregate with no $limit. */
const groupsOfN = async (cb: LocalCloudbaseFixture) => {
  const $ = cb.db.command.aggregate
  return (
    await cb.db
      .collection('items')
      .aggregate()
      .group({ _id: '$n', c: $.sum(1) })
      .end()
  ).data
}

describe('with every model on (the default)', () => {
  let cb: LocalCloudbaseFixture
  beforeAll(async () => {
    cb = await withLocalCloudbase({ collections: TEST_COLLECTIONS })
    await cb.db.collection('items').add(Array.from({ length: 30 }, (_, i) => ({ _id: `i${String(i).padStart(2, '0')}`, n: i, tie: i % 2 })))
  })
  afterAll(() => cb.close())

  it('an aggregate without $limit returns 20 rows; with one, what it asks for', async () => {
    const $ = cb.db.command.aggregate
    expect(await groupsOfN(cb)).toHaveLength(20)
    expect(
      (
        await cb.db
          .collection('items')
          .aggregate()
          .group({ _id: '$n', c: $.sum(1) })
          .limit(1000)
          .end()
      ).data,
    ).toHaveLength(30)
  })

  it('a batch insert keeps the documents before a duplicate and reports it in MongoDB words', async () => {
    const err = await errorOf(cb.db.collection('people').add([{ _id: 'p1' }, { _id: 'p2' }, { _id: 'p1' }, { _id: 'p3' }]))
    expect(err.code).toBe('DATABASE_REQUEST_FAILED')
    expect(err.message).toMatch(/E11000 duplicate key/)
    expect(ids((await cb.db.collection('people').orderBy('_id', 'asc').get()).data)).toEqual(['p1', 'p2'])
  })

  it('duplicate keys come back in both forms: a single insert on _id as DATABASE_DUPLICATE_WRITE, a unique index or an update as E11000', async () => {
    await cb.db.collection('accounts').add([
      { _id: 'a1', unionId: 'u', no: 1 },
      { _id: 'a2', unionId: 'u', no: 2 },
    ])
    expect((await errorOf(cb.db.collection('accounts').add({ _id: 'a1', unionId: 'u', no: 9 }))).code).toBe('DATABASE_DUPLICATE_WRITE')
    const onIndex = await errorOf(cb.db.collection('accounts').add({ _id: 'a3', unionId: 'u', no: 1 }))
    expect(onIndex).toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringMatching(/E11000 duplicate key/) })
    const onUpdate = await errorOf(cb.db.collection('accounts').doc('a2').update({ no: 1 }))
    expect(onUpdate).toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringMatching(/E11000 duplicate key/) })
  })

  it('ties of a sort that is not total come back in a new order; a sort ending in _id is stable', async () => {
    const orders = new Set<string>()
    for (let i = 0; i < 8; i++) orders.add(ids((await cb.db.collection('items').orderBy('tie', 'asc').limit(10).get()).data).join())
    expect(orders.size).toBeGreaterThan(1)
    const unsorted = new Set<string>()
    for (let i = 0; i < 8; i++) unsorted.add(ids((await cb.db.collection('items').limit(5).get()).data).join())
    expect(unsorted.size).toBeGreaterThan(1)
    const stable = new Set<string>()
    for (let i = 0; i < 5; i++) stable.add(ids((await cb.db.collection('items').orderBy('tie', 'asc').orderBy('_id', 'asc').limit(10).get()).data).join())
    expect(stable.size).toBe(1)
  })

  it('paging over a sort with ties skips and repeats documents; ending the sort with _id reads each once', async () => {
    const page = async (k: number, total: boolean) => {
      let q = cb.db.collection('items').orderBy('tie', 'asc')
      if (total) q = q.orderBy('_id', 'asc')
      return ids(
        (
          await q
            .skip(k * 10)
            .limit(10)
            .get()
        ).data,
      )
    }
    let broken = false
    for (let attempt = 0; attempt < 5 && !broken; attempt++) {
      const seen = [...(await page(0, false)), ...(await page(1, false)), ...(await page(2, false))]
      broken = new Set(seen).size < 30
    }
    expect(broken).toBe(true)
    const seen = [...(await page(0, true)), ...(await page(1, true)), ...(await page(2, true))]
    expect(new Set(seen).size).toBe(30)
  })
})

describe('with the models switched off (only here, to show the difference)', () => {
  let cb: LocalCloudbaseFixture
  beforeAll(async () => {
    cb = await withLocalCloudbase({
      collections: TEST_COLLECTIONS,
      models: { aggregateDefaultLimit: false, partialBatchInsert: false, duplicateKeyForms: false, shuffleTies: false },
    })
    await cb.db.collection('items').add(Array.from({ length: 30 }, (_, i) => ({ _id: `i${i}`, n: i })))
  })
  afterAll(() => cb.close())

  it('the forgiving platform returns every row, inserts all or nothing, and one error code', async () => {
    expect(await groupsOfN(cb)).toHaveLength(30)
    expect((await errorOf(cb.db.collection('people').add([{ _id: 'p1' }, { _id: 'p1' }]))).code).toBe('DATABASE_DUPLICATE_WRITE')
    expect((await cb.db.collection('people').get()).data).toEqual([])
  })
})

describe('the function runner', () => {
  let server: Server
  let url = ''
  let dataDir = ''
  let cloud: Awaited<ReturnType<typeof createLocalCloudbase>>
  const previous = { ...process.env }
  const db = () => cloudbase.init({ env: cloudbase.SYMBOL_CURRENT_ENV }).database()
  /** A function that writes three counters one after another, then answers. */
  const threeWrites = async () => {
    for (const id of ['w1', 'w2', 'w3']) await db().collection('counters').doc(id).set({ n: 1 })
    return { ok: true, data: 'done' }
  }
  const slow = async () => {
    await new Promise((r) => setTimeout(r, 300))
    await db().collection('counters').doc('late').set({ n: 1 })
    return { ok: true, data: 'late' }
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'runner-strict-'))
    const runner = createFunctionRunner({
      resolve: (name) => ({ three: threeWrites, slow })[name],
      identify: () => 'someone',
      timeoutMs: (name) => (name === 'slow' ? 100 : 5000),
      crashInjection: true,
    })
    cloud = await createLocalCloudbase({ dataDir, collections: TEST_COLLECTIONS, publicUrl: () => url, gate: runner.gate })
    server = createServer((req, res) => void (async () => (await cloud.handle(req, res)) || (await runner.handle(req, res)))())
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    Object.assign(process.env, platformEnv(`${url}/admin`))
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((r) => server.close(r))
    await cloud.close()
    process.env = previous
    rmSync(dataDir, { recursive: true, force: true })
  })
  const post = (name: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/fn/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' })

  it('the crash injector kills an invocation right after its k-th write: that write lands, nothing after it runs', async () => {
    const clean = await post('three')
    expect(clean.status).toBe(200)
    expect(clean.headers.get('x-local-writes')).toBe('3')
    await db().collection('counters').where({ n: 1 }).remove()

    const cut = await post('three', { 'x-local-crash-after-writes': '2' })
    expect(cut.status).toBe(502)
    expect(await cut.json()).toMatchObject({ errCode: -504002 })
    await new Promise((r) => setTimeout(r, 100))
    expect(ids((await db().collection('counters').orderBy('_id', 'asc').get()).data)).toEqual(['w1', 'w2'])
  })

  it('a function past its configured timeout: the caller gets the platform timeout, the function runs on and its writes land', async () => {
    const res = await post('slow')
    expect(res.status).toBe(504)
    expect(await res.json()).toMatchObject({ errCode: -504003 })
    expect((await db().collection('counters').doc('late').get()).data).toEqual([])
    await new Promise((r) => setTimeout(r, 400))
    expect((await db().collection('counters').doc('late').get()).data).toEqual([{ _id: 'late', n: 1 }])
  })

  it('rate limits: the next requests are refused with CloudBase code, then service resumes', async () => {
    cloud.rateLimitNext(2, 'EXCEED_CONCURRENT_REQUEST_LIMIT')
    expect((await errorOf(db().collection('counters').get())).code).toBe('EXCEED_CONCURRENT_REQUEST_LIMIT')
    expect((await errorOf(db().collection('counters').get())).code).toBe('EXCEED_CONCURRENT_REQUEST_LIMIT')
    expect((await db().collection('counters').limit(1).get()).data.length).toBeLessThanOrEqual(1)
  })
})

describe('per-round-trip latency (the bench turns it on)', () => {
  let cb: LocalCloudbaseFixture
  beforeAll(async () => {
    cb = await withLocalCloudbase({ collections: TEST_COLLECTIONS, latencyMs: 40 })
  })
  afterAll(() => cb.close())

  it('every database request waits the configured time before it is answered', async () => {
    const started = Date.now()
    await cb.db.collection('items').limit(1).get()
    await cb.db.collection('items').limit(1).get()
    // A lower bound only: the two trips cannot be faster than the latency they carry.
    expect(Date.now() - started).toBeGreaterThanOrEqual(80)
  })
})
