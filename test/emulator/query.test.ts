/**
 * Reads through the real node-sdk: command operators, ordering, paging, projection, counting.
 * Expected values are what MongoDB returns for the same data, written out by hand.
 */
import { type LocalCloudbaseFixture, withLocalCloudbase } from '../support/local-cloudbase'
import { TEST_COLLECTIONS, errorOf, ids } from './fixtures'

let cb: LocalCloudbaseFixture

const PEOPLE = [
  {
    _id: 'p1',
    name: 'Ann',
    age: 30,
    city: 'Beijing',
    tags: ['a', 'b'],
    address: { zip: '100', floor: 3 },
    scores: [
      { s: 80, k: 'math' },
      { s: 95, k: 'art' },
    ],
  },
  { _id: 'p2', name: 'bob', age: 25, city: 'Shanghai', tags: ['b'], address: { zip: '200', floor: 10 }, scores: [{ s: 60, k: 'math' }] },
  { _id: 'p3', name: 'Cid', age: 35, city: 'Beijing', tags: [], address: { zip: '300' }, nick: null },
  { _id: 'p4', name: 'dan', age: 25, city: 'Shenzhen', tags: ['a', 'b', 'c'], scores: [] },
  { _id: 'p5', name: 'Eve', city: 'Shanghai' },
]

beforeAll(async () => {
  cb = await withLocalCloudbase({ collections: TEST_COLLECTIONS })
  await cb.db.collection('people').add(PEOPLE)
})
afterAll(() => cb.close())

const people = () => cb.db.collection('people')
const _ = () => cb.db.command
/** A where() without a sort promises no order (ties are shuffled), so compare the ids sorted. */
const whereIds = async (query: object) => ids((await people().where(query).get()).data).sort()

describe('where with command operators', () => {
  test.each([
    ['plain equality', () => ({ city: 'Beijing' }), ['p1', 'p3']],
    ['eq', () => ({ age: _().eq(25) }), ['p2', 'p4']],
    ['neq also matches a missing field', () => ({ age: _().neq(25) }), ['p1', 'p3', 'p5']],
    ['gt', () => ({ age: _().gt(25) }), ['p1', 'p3']],
    ['gte', () => ({ age: _().gte(30) }), ['p1', 'p3']],
    ['lt', () => ({ age: _().lt(30) }), ['p2', 'p4']],
    ['lte', () => ({ age: _().lte(25) }), ['p2', 'p4']],
    ['in', () => ({ city: _().in(['Shanghai', 'Shenzhen']) }), ['p2', 'p4', 'p5']],
    ['nin', () => ({ city: _().nin(['Beijing']) }), ['p2', 'p4', 'p5']],
    ['and (top level)', () => _().and([{ age: _().gt(20) }, { age: _().lt(30) }]), ['p2', 'p4']],
    ['and (chained on a field)', () => ({ age: _().gt(20).and(_().lt(30)) }), ['p2', 'p4']],
    ['or', () => _().or([{ city: 'Shenzhen' }, { age: _().gte(35) }]), ['p3', 'p4']],
    ['or (chained on a field)', () => ({ age: _().lt(26).or(_().gt(34)) }), ['p2', 'p3', 'p4']],
    ['nor', () => _().nor([{ city: 'Beijing' }, { city: 'Shanghai' }]), ['p4']],
    ['exists: a null value exists', () => ({ nick: _().exists(true) }), ['p3']],
    ['exists false', () => ({ age: _().exists(false) }), ['p5']],
    ['null matches null and missing', () => ({ nick: null }), ['p1', 'p2', 'p3', 'p4', 'p5']],
    ['size', () => ({ tags: _().size(2) }), ['p1']],
    ['elemMatch', () => ({ scores: _().elemMatch({ s: _().gt(90) }) }), ['p1']],
    ['elemMatch: all conditions on one element', () => ({ scores: _().elemMatch({ k: 'math', s: _().lt(70) }) }), ['p2']],
    ['all', () => ({ tags: _().all(['a', 'b']) }), ['p1', 'p4']],
    ['array contains a value', () => ({ tags: 'c' }), ['p4']],
    ['dotted path', () => ({ 'address.floor': _().gt(5) }), ['p2']],
    ['nested object is a path, not a whole-object match', () => ({ address: { zip: '100' } }), ['p1']],
    ['path into array elements', () => ({ 'scores.k': 'art' }), ['p1']],
    ['missing field never compares', () => ({ age: _().lt(100), city: 'Shanghai' }), ['p2']],
  ])('%s', async (_name, query, expected) => {
    expect(await whereIds(query())).toEqual(expected)
  })

  test('db.RegExp with the i option', async () => {
    expect(await whereIds({ name: cb.db.RegExp({ regexp: '^[a-c]', options: 'i' }) })).toEqual(['p1', 'p2', 'p3'])
    expect(await whereIds({ name: cb.db.RegExp({ regexp: '^[a-c]' }) })).toEqual(['p2'])
  })

  test('a JavaScript RegExp literal', async () => {
    expect(await whereIds({ city: /^sh/i })).toEqual(['p2', 'p4', 'p5'])
  })

  test('an operator the engine does not know is an error, not a wrong result', async () => {
    const err = await errorOf(
      people()
        .where({ 'address.zip': { $bogus: 1 } })
        .get(),
    )
    expect(err.code).toBe('DATABASE_REQUEST_FAILED')
    // Geo operators are not emulated either: refused rather than silently matching nothing.
    const geo = await errorOf(
      people()
        .where({ loc: _().geoNear({ geometry: new cb.db.Geo.Point(1, 2), maxDistance: 10 }) })
        .get(),
    )
    expect(geo.code).toBe('DATABASE_REQUEST_FAILED')
  })
})

describe('ordering, paging and projection', () => {
  test('multi-key orderBy', async () => {
    const res = await people().orderBy('city', 'asc').orderBy('age', 'desc').get()
    expect(ids(res.data)).toEqual(['p3', 'p1', 'p2', 'p5', 'p4'])
  })

  test('missing sorts first ascending; ties are broken by a further key', async () => {
    expect(ids((await people().orderBy('age', 'asc').orderBy('_id', 'asc').get()).data)).toEqual(['p5', 'p2', 'p4', 'p1', 'p3'])
  })

  test('strings sort by code point (upper case first)', async () => {
    expect(ids((await people().orderBy('name', 'asc').get()).data)).toEqual(['p1', 'p3', 'p5', 'p2', 'p4'])
  })

  test('arrays sort by their smallest element ascending, largest descending', async () => {
    // tags: p1 [a,b], p2 [b], p3 [], p4 [a,b,c], p5 missing. [] sorts before missing.
    expect(ids((await people().orderBy('tags', 'asc').orderBy('_id', 'asc').get()).data)).toEqual(['p3', 'p5', 'p1', 'p4', 'p2'])
    expect(ids((await people().orderBy('tags', 'desc').orderBy('_id', 'asc').get()).data)).toEqual(['p4', 'p1', 'p2', 'p5', 'p3'])
  })

  test('skip and limit apply after the sort', async () => {
    const res = await people().orderBy('city', 'asc').orderBy('age', 'desc').skip(1).limit(2).get()
    expect(ids(res.data)).toEqual(['p1', 'p2'])
  })

  test('field() inclusion keeps _id, exclusion drops only the named fields', async () => {
    const inc = await people().where({ _id: 'p1' }).field({ name: true, 'address.zip': true }).get()
    expect(inc.data).toEqual([{ _id: 'p1', name: 'Ann', address: { zip: '100' } }])
    const exc = await people().doc('p2').field({ scores: false, tags: false, address: false }).get()
    expect(exc.data).toEqual([{ _id: 'p2', name: 'bob', age: 25, city: 'Shanghai' }])
  })

  test('field() with slice and elemMatch projections', async () => {
    const p = cb.db.command.project
    // The SDK sends a command inside project.elemMatch unserialised, so the condition is spelt raw.
    const res = await people()
      .doc('p1')
      .field({ tags: p.slice(1), scores: p.elemMatch({ s: { $gt: 90 } }) })
      .get()
    expect(res.data).toEqual([{ _id: 'p1', tags: ['a'], scores: [{ s: 95, k: 'art' }] }])
    // No matching element: MongoDB leaves the field out (not null).
    const none = await people()
      .doc('p2')
      .field({ scores: p.elemMatch({ s: { $gt: 90 } }) })
      .get()
    expect(none.data).toEqual([{ _id: 'p2' }])
  })

  test('count', async () => {
    expect((await people().where({ city: 'Beijing' }).count()).total).toBe(2)
    expect((await people().count()).total).toBe(5)
  })

  test('get() defaults to 100 documents; limit up to 1000', async () => {
    await cb.db.collection('items').add(Array.from({ length: 120 }, (_v, i) => ({ i })))
    expect((await cb.db.collection('items').get()).data).toHaveLength(100)
    const all = await cb.db.collection('items').orderBy('i', 'desc').limit(1000).get()
    expect(all.data).toHaveLength(120)
    expect(all.data[0].i).toBe(119)
  })
})
