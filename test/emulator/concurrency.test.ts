/** Conditional updates are atomic: no lost updates, no overshoot, under many concurrent requests. */
import { EventEmitter } from 'node:events'
import { type LocalCloudbaseFixture, withLocalCloudbase } from '../support/local-cloudbase'
import { TEST_COLLECTIONS } from './fixtures'

// node-sdk's request-core adds a 'connect' listener per request to its keep-alive sockets; with
// hundreds of requests in flight that trips Node's leak warning. Client-side noise, not a leak here.
EventEmitter.defaultMaxListeners = 100

let cb: LocalCloudbaseFixture

beforeAll(async () => {
  cb = await withLocalCloudbase({ collections: TEST_COLLECTIONS })
})
afterAll(() => cb.close())

test('300 concurrent where({_id, taken < 20}).update(inc) admit exactly 20', async () => {
  const _ = cb.db.command
  const slots = cb.db.collection('counters')
  await slots.add({ _id: 'activity', taken: 0 })
  const roundTripsBefore = cb.server.stats.roundTrips

  const results = await Promise.all(Array.from({ length: 300 }, () => slots.where({ _id: 'activity', taken: _.lt(20) }).update({ taken: _.inc(1) })))

  expect(results.filter((r) => r.updated === 1)).toHaveLength(20)
  expect(results.filter((r) => r.updated === 0)).toHaveLength(280)
  expect((await slots.doc('activity').get()).data[0].taken).toBe(20)
  expect(cb.server.stats.roundTrips - roundTripsBefore).toBe(301)
  expect(cb.server.stats.byAction['database.modifyDocument']).toBe(300)
})

test('300 concurrent unconditional increments lose nothing', async () => {
  const _ = cb.db.command
  const counters = cb.db.collection('counters')
  await counters.add({ _id: 'hits', n: 0 })
  await Promise.all(Array.from({ length: 300 }, () => counters.doc('hits').update({ n: _.inc(1) })))
  expect((await counters.doc('hits').get()).data[0].n).toBe(300)
})

test('concurrent inserts of the same _id: exactly one wins', async () => {
  const items = cb.db.collection('items')
  const outcomes = await Promise.allSettled(Array.from({ length: 50 }, (_v, i) => items.add({ _id: 'race', i })))
  expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1)
  const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')
  expect(new Set(rejected.map((o) => (o.reason as { code: string }).code))).toEqual(new Set(['DATABASE_DUPLICATE_WRITE']))
})
