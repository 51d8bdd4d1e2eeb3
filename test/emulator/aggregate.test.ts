/** Aggregation through the real node-sdk, with db.command.aggregate expressions. */
import { type LocalCloudbaseFixture, withLocalCloudbase } from '../support/local-cloudbase'
import { TEST_COLLECTIONS, errorOf } from './fixtures'

let cb: LocalCloudbaseFixture

beforeAll(async () => {
  cb = await withLocalCloudbase({ collections: TEST_COLLECTIONS })
  await cb.db.collection('items').add([
    { _id: 'o1', dept: 'hr', amount: 100, tags: ['a', 'b'], at: new Date('2024-01-05T00:00:00Z') },
    { _id: 'o2', dept: 'it', amount: 250, tags: ['b'], at: new Date('2024-02-05T00:00:00Z') },
    { _id: 'o3', dept: 'hr', amount: 50, tags: [], at: new Date('2024-02-10T00:00:00Z') },
    { _id: 'o4', dept: 'ops', amount: 75, tags: ['c'], at: new Date('2024-03-01T00:00:00Z') },
  ])
  await cb.db.collection('people').add([
    { _id: 'hr', title: 'Human resources' },
    { _id: 'it', title: 'IT' },
  ])
})
afterAll(() => cb.close())

const agg = () => cb.db.collection('items').aggregate()
const $ = () => cb.db.command.aggregate
const _ = () => cb.db.command

test('match + group with $.sum / $.avg / $.max + sort', async () => {
  const res = await agg()
    .match({ amount: _().gte(60) })
    .group({ _id: '$dept', total: $().sum('$amount'), n: $().sum(1), avg: $().avg('$amount'), top: $().max('$amount') })
    .sort({ total: -1 })
    .end()
  expect(res.data).toEqual([
    { _id: 'it', total: 250, n: 1, avg: 250, top: 250 },
    { _id: 'hr', total: 100, n: 1, avg: 100, top: 100 },
    { _id: 'ops', total: 75, n: 1, avg: 75, top: 75 },
  ])
})

test('project with expressions, then limit', async () => {
  const res = await agg()
    .sort({ amount: 1 })
    .project({ _id: 0, dept: 1, double: $().multiply(['$amount', 2]), month: $().month('$at') })
    .limit(2)
    .end()
  expect(res.data).toEqual([
    { dept: 'hr', double: 100, month: 2 },
    { dept: 'ops', double: 150, month: 3 },
  ])
})

test('unwind then group counts per tag (empty arrays drop out)', async () => {
  const res = await agg()
    .unwind('$tags')
    .group({ _id: '$tags', n: $().sum(1) })
    .sort({ _id: 1 })
    .end()
  expect(res.data).toEqual([
    { _id: 'a', n: 1 },
    { _id: 'b', n: 2 },
    { _id: 'c', n: 1 },
  ])
})

test('count', async () => {
  const res = await agg().match({ dept: 'hr' }).count('hrOrders').end()
  expect(res.data).toEqual([{ hrOrders: 2 }])
})

test('skip, and a date range match', async () => {
  const res = await agg()
    .match({
      at: _()
        .gte(new Date('2024-02-01T00:00:00Z'))
        .and(_().lt(new Date('2024-03-01T00:00:00Z'))),
    })
    .sort({ at: 1 })
    .skip(1)
    .project({ _id: 1 })
    .end()
  expect(res.data).toEqual([{ _id: 'o3' }])
})

test('lookup joins another declared collection', async () => {
  const res = await agg()
    .match({ _id: 'o2' })
    .lookup({ from: 'people', localField: 'dept', foreignField: '_id', as: 'dept_info' })
    .project({ _id: 0, dept_info: 1 })
    .end()
  expect(res.data).toEqual([{ dept_info: [{ _id: 'it', title: 'IT' }] }])
})

test('an unknown stage or expression is an error', async () => {
  // aggregate(pipeline) only takes a pipeline in raw mode (otherwise the SDK drops it).
  const raw = cb.db.collection('items').options({ raw: true } as never) as never as { aggregate(p: object[]): { end(): Promise<unknown> } }
  expect((await errorOf(raw.aggregate([{ $bogus: {} }]).end())).code).toBe('DATABASE_REQUEST_FAILED')
  const expr = await errorOf(
    agg()
      .project({ x: { $bogus: 1 } })
      .end(),
  )
  expect(expr.code).toBe('DATABASE_REQUEST_FAILED')
})

test('writing stages are refused', async () => {
  const raw = cb.db.collection('items').options({ raw: true } as never) as never as { aggregate(p: object[]): { end(): Promise<unknown> } }
  expect((await errorOf(raw.aggregate([{ $out: 'people' }]).end())).code).toBe('DATABASE_REQUEST_FAILED')
})
