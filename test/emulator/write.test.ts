/**
 * Writes through the real node-sdk: add, doc set/update/remove, where update/remove, update
 * operators, updateAndReturn, unique indexes, special values. Expected results are MongoDB's.
 */
import { type LocalCloudbaseFixture, withLocalCloudbase } from '../support/local-cloudbase'
import { TEST_COLLECTIONS, errorOf, ids, expectDuplicateKey } from './fixtures'

let cb: LocalCloudbaseFixture

beforeAll(async () => {
  cb = await withLocalCloudbase({ collections: TEST_COLLECTIONS })
})
afterAll(() => cb.close())

const items = () => cb.db.collection('items')
const accounts = () => cb.db.collection('accounts')
const _ = () => cb.db.command
const getDoc = async (coll: string, id: string) => (await cb.db.collection(coll).doc(id).get()).data[0]

describe('add', () => {
  test('single: generates a 32-hex id', async () => {
    const res = await items().add({ kind: 'single', n: 1 })
    expect(res.id).toMatch(/^[0-9a-f]{32}$/)
    expect(await getDoc('items', res.id!)).toEqual({ _id: res.id, kind: 'single', n: 1 })
  })

  test('array: returns every id in order, keeps a given _id', async () => {
    const res = await items().add([{ _id: 'given', kind: 'many' }, { kind: 'many' }])
    expect(res.ids).toHaveLength(2)
    expect(res.ids![0]).toBe('given')
    expect((await items().where({ kind: 'many' }).count()).total).toBe(2)
  })

  test('a duplicate _id fails; a batch keeps what came before the duplicate (ordered insert) and nothing after', async () => {
    await items().add({ _id: 'dup', v: 1 })
    expectDuplicateKey(await errorOf(items().add({ _id: 'dup', v: 2 })))
    expectDuplicateKey(
      await errorOf(
        items().add([
          { _id: 'fresh', v: 3 },
          { _id: 'dup', v: 4 },
          { _id: 'after', v: 5 },
        ]),
      ),
    )
    expect(await getDoc('items', 'dup')).toEqual({ _id: 'dup', v: 1 })
    expect(await getDoc('items', 'fresh')).toEqual({ _id: 'fresh', v: 3 })
    expect((await items().doc('after').get()).data).toEqual([])
  })

  test('an undeclared collection is DATABASE_COLLECTION_NOT_EXIST', async () => {
    expect((await errorOf(cb.db.collection('nope').add({ a: 1 }))).code).toBe('DATABASE_COLLECTION_NOT_EXIST')
    expect((await errorOf(cb.db.collection('nope').get())).code).toBe('DATABASE_COLLECTION_NOT_EXIST')
  })
})

describe('doc set / update / remove', () => {
  test('set creates (upsert) and then replaces the whole document', async () => {
    const created = await items()
      .doc('s1')
      .set({ a: 1, b: { c: 2 } })
    expect(created).toMatchObject({ updated: 0, upsertedId: 's1' })
    const replaced = await items().doc('s1').set({ z: true })
    expect(replaced.updated).toBe(1)
    expect(await getDoc('items', 's1')).toEqual({ _id: 's1', z: true })
  })

  test('update merges nested objects field by field; a missing doc updates nothing', async () => {
    await items()
      .doc('m1')
      .set({ a: 1, obj: { x: 1, y: 2 } })
    expect(
      (
        await items()
          .doc('m1')
          .update({ obj: { y: 3, z: 4 }, b: 2 })
      ).updated,
    ).toBe(1)
    expect(await getDoc('items', 'm1')).toEqual({ _id: 'm1', a: 1, obj: { x: 1, y: 3, z: 4 }, b: 2 })
    expect((await items().doc('missing').update({ a: 1 })).updated).toBe(0)
    expect((await items().doc('missing').get()).data).toEqual([])
  })

  test('update with nothing changing reports updated 0, like nModified', async () => {
    await items().doc('same').set({ a: 1 })
    expect((await items().doc('same').update({ a: 1 })).updated).toBe(0)
  })

  test('remove', async () => {
    await items().doc('r1').set({ a: 1 })
    expect((await items().doc('r1').remove()).deleted).toBe(1)
    expect((await items().doc('r1').remove()).deleted).toBe(0)
    expect((await items().doc('r1').get()).data).toEqual([])
  })
})

describe('update operators', () => {
  beforeEach(async () => {
    await items()
      .doc('u')
      .set({ n: 5, m: 2, arr: [1, 2, 3], set: ['x'], lo: 10, hi: 10, obj: { a: 1, b: 2 }, gone: 'x', name: 'str' })
  })

  test.each([
    ['inc', () => ({ n: _().inc(2) }), { n: 7 }],
    ['inc a missing field starts from 0', () => ({ fresh: _().inc(3) }), { fresh: 3 }],
    ['set replaces a whole sub-object', () => ({ obj: _().set({ c: 3 }) }), { obj: { c: 3 } }],
    ['remove', () => ({ gone: _().remove() }), { gone: undefined }],
    ['push values', () => ({ arr: _().push([4, 5]) }), { arr: [1, 2, 3, 4, 5] }],
    ['push with position', () => ({ arr: _().push({ each: [0], position: 0 }) }), { arr: [0, 1, 2, 3] }],
    ['pull a value', () => ({ arr: _().pull(2) }), { arr: [1, 3] }],
    ['pull by condition', () => ({ arr: _().pull(_().gt(1)) }), { arr: [1] }],
    ['pullAll', () => ({ arr: _().pullAll([1, 3]) }), { arr: [2] }],
    ['addToSet a new value', () => ({ set: _().addToSet('y') }), { set: ['x', 'y'] }],
    ['addToSet each', () => ({ set: _().addToSet({ $each: ['x', 'z', 'z'] }) }), { set: ['x', 'z'] }],
    ['pop', () => ({ arr: _().pop() }), { arr: [1, 2] }],
    ['shift', () => ({ arr: _().shift() }), { arr: [2, 3] }],
    ['unshift', () => ({ arr: _().unshift(-1, 0) }), { arr: [-1, 0, 1, 2, 3] }],
    ['mul', () => ({ m: _().mul(3) }), { m: 6 }],
    ['min lowers', () => ({ lo: _().min(3) }), { lo: 3 }],
    ['max raises', () => ({ hi: _().max(20) }), { hi: 20 }],
    ['rename', () => ({ name: _().rename('title') }), { name: undefined, title: 'str' }],
    ['dotted path into a sub-object', () => ({ 'obj.b': 9 }), { obj: { a: 1, b: 9 } }],
  ])('%s', async (_name, update, expected) => {
    expect((await items().doc('u').update(update())).updated).toBe(1)
    const doc = await getDoc('items', 'u')
    for (const [k, v] of Object.entries(expected)) expect(doc[k]).toEqual(v)
  })

  test.each([
    ['min above the value', () => ({ lo: _().min(70) })],
    ['max below the value', () => ({ hi: _().max(1) })],
    ['addToSet an existing value', () => ({ set: _().addToSet('x') })],
    ['pull an absent value', () => ({ arr: _().pull(9) })],
  ])('no-op: %s reports updated 0', async (_name, update) => {
    expect((await items().doc('u').update(update())).updated).toBe(0)
  })

  test.each([
    ['inc on a string', () => ({ name: _().inc(1) })],
    ['push onto a number', () => ({ n: _().push([1]) })],
    ['a path through a scalar', () => ({ 'n.deep': 1 })],
    ['conflicting operators on one path', () => ({ arr: _().push([9]), 'arr.0': 5 })],
  ])('type error: %s fails and changes nothing', async (_name, update) => {
    const before = await getDoc('items', 'u')
    expect((await errorOf(items().doc('u').update(update()))).code).toBe('DATABASE_REQUEST_FAILED')
    expect(await getDoc('items', 'u')).toEqual(before)
  })

  test('an unknown update operator is an error', async () => {
    const err = await errorOf(
      items()
        .where({ _id: 'u' })
        .options({ raw: true } as never)
        .update({ $bogus: { n: 1 } }),
    )
    expect(err.code).toBe('DATABASE_REQUEST_FAILED')
  })
})

describe('where update / remove / updateAndReturn', () => {
  beforeAll(async () => {
    await cb.db.collection('counters').add([
      { _id: 'w1', g: 'a', v: 1 },
      { _id: 'w2', g: 'a', v: 2 },
      { _id: 'w3', g: 'b', v: 3 },
    ])
  })
  const counters = () => cb.db.collection('counters')

  test('where().update() updates every match and returns the count', async () => {
    expect(
      (
        await counters()
          .where({ g: 'a' })
          .update({ v: _().inc(10) })
      ).updated,
    ).toBe(2)
    expect(
      ids(
        (
          await counters()
            .where({ v: _().gt(10) })
            .get()
        ).data,
      ).sort(),
    ).toEqual(['w1', 'w2'])
  })

  test('updateAndReturn returns the document after the update', async () => {
    const res = await counters()
      .where({ _id: 'w3' })
      .updateAndReturn({ v: _().inc(1) })
    expect(res.updated).toBe(1)
    expect(res.doc).toEqual({ _id: 'w3', g: 'b', v: 4 })
    const none = await counters().where({ _id: 'zzz' }).updateAndReturn({ v: 1 })
    expect(none.updated).toBe(0)
    expect(none.doc).toBeFalsy()
  })

  test('where().remove() removes every match and returns the count', async () => {
    expect((await counters().where({ g: 'a' }).remove()).deleted).toBe(2)
    expect(ids((await counters().get()).data)).toEqual(['w3'])
  })
})

describe('unique indexes', () => {
  beforeAll(async () => {
    await accounts().add([
      { _id: 'a1', unionId: 'u1', no: '001', email: 'a@x.cn' },
      { _id: 'a2', unionId: 'u1', no: '002' },
      { _id: 'a3', unionId: 'u2', no: '001' },
    ])
  })

  test('insert violating a compound unique index fails and inserts nothing from the duplicate on', async () => {
    const err = await errorOf(
      accounts().add([
        { _id: 'a5', unionId: 'u1', no: '001' },
        { _id: 'a4', unionId: 'u9', no: '1' },
      ]),
    )
    expectDuplicateKey(err)
    expect((await accounts().count()).total).toBe(3)
  })

  test('update violating it fails and changes nothing', async () => {
    expectDuplicateKey(await errorOf(accounts().doc('a2').update({ no: '001' })))
    expect((await accounts().doc('a2').get()).data[0].no).toBe('002')
  })

  test('a multi-document update that would collide changes none of them', async () => {
    const err = await errorOf(accounts().where({ unionId: 'u1' }).update({ no: 'same' }))
    expectDuplicateKey(err)
    expect(ids((await accounts().where({ no: 'same' }).get()).data)).toEqual([])
  })

  test('set (replacement) violating it fails', async () => {
    expectDuplicateKey(await errorOf(accounts().doc('a3').set({ unionId: 'u1', no: '002' })))
    expect((await accounts().doc('a3').get()).data[0]).toEqual({ _id: 'a3', unionId: 'u2', no: '001' })
  })

  test('a missing field counts as null unless the index is sparse', async () => {
    await accounts().add({ _id: 'n1', tag: 'no union, no number' })
    expectDuplicateKey(await errorOf(accounts().add({ _id: 'n2', tag: 'also none' })))
    // email is sparse: many documents without it are fine, a repeated value is not.
    await accounts().add({ _id: 'e1', unionId: 'u3', no: '1' })
    expectDuplicateKey(await errorOf(accounts().add({ _id: 'e2', unionId: 'u3', no: '2', email: 'a@x.cn' })))
  })

  test('moving a key from one document to another within limits works', async () => {
    await accounts().doc('a2').update({ no: '003' })
    await accounts().doc('a1').update({ no: '002' })
    expect((await accounts().where({ unionId: 'u1' }).orderBy('no', 'asc').get()).data.map((d: { no: string }) => d.no)).toEqual(['002', '003'])
  })
})

describe('special values', () => {
  test('db.serverDate() is stored as a Date near now (with its offset)', async () => {
    const before = Date.now()
    const { id } = await items().add({ at: cb.db.serverDate(), later: cb.db.serverDate({ offset: 60_000 }) })
    const after = Date.now()
    const doc = await getDoc('items', id!)
    expect(doc.at).toBeInstanceOf(Date)
    expect(doc.at.getTime()).toBeGreaterThanOrEqual(before)
    expect(doc.at.getTime()).toBeLessThanOrEqual(after)
    expect(doc.later.getTime() - doc.at.getTime()).toBe(60_000)
  })

  test('db.serverDate() in an update', async () => {
    await items().doc('sd').set({ a: 1 })
    await items().doc('sd').update({ touched: cb.db.serverDate() })
    expect((await getDoc('items', 'sd')).touched).toBeInstanceOf(Date)
  })

  test('Dates round-trip exactly and compare as dates', async () => {
    const d = new Date('2024-02-29T23:59:59.123Z')
    await items().add([
      { _id: 'd1', when: d, list: [new Date(0)] },
      { _id: 'd2', when: new Date('1969-07-20T20:17:00Z') },
    ])
    const doc = await getDoc('items', 'd1')
    expect(doc.when).toEqual(d)
    expect(doc.list[0]).toEqual(new Date(0))
    expect(
      ids(
        (
          await items()
            .where({ when: _().lt(new Date('2000-01-01')) })
            .get()
        ).data,
      ),
    ).toEqual(['d2'])
  })

  test('numbers, strings, booleans, null, nesting survive', async () => {
    const value = { _id: 'v', i: 42, f: 1.5, neg: -7, big: 2 ** 40, s: '工会 ✓', t: true, nul: null, deep: { a: [{ b: [1, { c: 'x' }] }] } }
    await items().add(value)
    expect(await getDoc('items', 'v')).toEqual(value)
  })
})
