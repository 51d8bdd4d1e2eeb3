/** Transactions through the real node-sdk: runTransaction, startTransaction, conflicts, expiry. */
import { type LocalCloudbaseFixture, withLocalCloudbase } from '../support/local-cloudbase'
import { TEST_COLLECTIONS, errorOf, expectDuplicateKey } from './fixtures'

let cb: LocalCloudbaseFixture

beforeAll(async () => {
  cb = await withLocalCloudbase({ collections: TEST_COLLECTIONS })
})
afterAll(() => cb.close())

// The SDK's transaction type is loose; these are the calls used here.
interface TxDoc {
  get(): Promise<{ data: Record<string, unknown> | null }>
  set(data: object): Promise<unknown>
  update(data: object): Promise<{ updated: number }>
  remove(): Promise<{ deleted: number }>
}
interface Tx {
  collection(name: string): {
    doc(id: string): TxDoc
    add(data: object): Promise<{ id: string }>
    where(q: object): { get(): Promise<{ data: Array<Record<string, unknown>> }> }
  }
  commit(): Promise<unknown>
  rollback(reason?: unknown): Promise<unknown>
}
const run = <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => cb.db.runTransaction(fn as never) as Promise<T>
const start = (): Promise<Tx> => cb.db.startTransaction() as Promise<Tx>
const _ = () => cb.db.command
const getDoc = async (id: string) => (await cb.db.collection('counters').doc(id).get()).data[0]

test('commit applies every write; reads inside see their own writes, outside see nothing yet', async () => {
  await cb.db.collection('counters').add({ _id: 't1', n: 1 })
  let outsideDuring: unknown
  const result = await run(async (tx) => {
    const c = tx.collection('counters')
    const before = (await c.doc('t1').get()).data
    await c.doc('t1').update({ n: _().inc(1) })
    const added = await c.add({ _id: 't1-child', parent: 't1' })
    await c.doc('t1-new').set({ fresh: true })
    const after = (await c.doc('t1').get()).data
    const listed = (await c.where({ parent: 't1' }).get()).data
    outsideDuring = await getDoc('t1')
    return { before, after, addedId: added.id, listed }
  })
  expect(result.before).toEqual({ _id: 't1', n: 1 })
  expect(result.after).toEqual({ _id: 't1', n: 2 })
  expect(result.addedId).toBe('t1-child')
  expect(result.listed).toEqual([{ _id: 't1-child', parent: 't1' }])
  expect(outsideDuring).toEqual({ _id: 't1', n: 1 })
  expect(await getDoc('t1')).toEqual({ _id: 't1', n: 2 })
  expect(await getDoc('t1-child')).toEqual({ _id: 't1-child', parent: 't1' })
  expect(await getDoc('t1-new')).toEqual({ _id: 't1-new', fresh: true })
})

test('transaction.rollback() discards the writes; runTransaction rejects with the reason', async () => {
  await cb.db.collection('counters').add({ _id: 't2', n: 1 })
  const reason = await errorOf(
    run(async (tx) => {
      await tx.collection('counters').doc('t2').update({ n: 100 })
      await tx.collection('counters').doc('t2-other').set({ x: 1 })
      await tx.rollback({ code: 'CUSTOM', message: 'changed my mind' })
    }),
  )
  expect(reason).toEqual({ code: 'CUSTOM', message: 'changed my mind' })
  expect(await getDoc('t2')).toEqual({ _id: 't2', n: 1 })
  expect(await getDoc('t2-other')).toBeUndefined()
})

test('an error thrown in the callback rolls back and is rethrown', async () => {
  await cb.db.collection('counters').add({ _id: 't3', n: 1 })
  const err = await errorOf(
    run(async (tx) => {
      await tx.collection('counters').doc('t3').remove()
      expect((await tx.collection('counters').doc('t3').get()).data).toBeNull()
      throw Object.assign(new Error('boom'), { code: 'APP_BOOM' })
    }),
  )
  expect(err).toMatchObject({ code: 'APP_BOOM', message: 'boom' })
  expect(await getDoc('t3')).toEqual({ _id: 't3', n: 1 })
})

test('a second transaction writing the same document gets DATABASE_TRANSACTION_CONFLICT', async () => {
  await cb.db.collection('counters').add({ _id: 't4', n: 0 })
  const first = await start()
  const second = await start()
  await first.collection('counters').doc('t4').update({ n: 1 })
  const err = await errorOf(second.collection('counters').doc('t4').update({ n: 2 }))
  expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT')
  // The loser is gone server-side; the winner commits.
  expect((await errorOf(second.commit())).code).toBe('DATABASE_TRANSACTION_FAIL')
  await first.commit()
  expect(await getDoc('t4')).toEqual({ _id: 't4', n: 1 })
})

test('a document changed after the transaction read it conflicts at commit', async () => {
  await cb.db.collection('counters').add({ _id: 't5', n: 0 })
  const tx = await start()
  const seen = (await tx.collection('counters').doc('t5').get()).data as { n: number }
  await cb.db.collection('counters').doc('t5').update({ n: 10 }) // someone else, outside
  await tx
    .collection('counters')
    .doc('t5')
    .update({ n: seen.n + 1 })
  expect((await errorOf(tx.commit())).code).toBe('DATABASE_TRANSACTION_CONFLICT')
  expect(await getDoc('t5')).toEqual({ _id: 't5', n: 10 })
})

test('a document read as absent and created by someone else meanwhile conflicts at commit', async () => {
  const tx = await start()
  expect((await tx.collection('counters').doc('t7').get()).data).toBeNull()
  await cb.db.collection('counters').add({ _id: 't7', by: 'other' })
  await tx.collection('counters').doc('t7').set({ by: 'tx' })
  expect((await errorOf(tx.commit())).code).toBe('DATABASE_TRANSACTION_CONFLICT')
  expect(await getDoc('t7')).toEqual({ _id: 't7', by: 'other' })
})

test('runTransaction retries a conflict and the retry sees the winner', async () => {
  await cb.db.collection('counters').add({ _id: 't6', n: 0 })
  const other = await start()
  await other
    .collection('counters')
    .doc('t6')
    .update({ n: _().inc(1) })
  let attempts = 0
  await run(async (tx) => {
    attempts++
    const { n } = (await tx.collection('counters').doc('t6').get()).data as { n: number }
    if (attempts === 1) await other.commit() // lands between our read and our write
    await tx
      .collection('counters')
      .doc('t6')
      .update({ n: n + 1 })
  })
  expect(attempts).toBe(2)
  expect(await getDoc('t6')).toEqual({ _id: 't6', n: 2 })
})

test('a unique-index violation at commit fails the whole transaction', async () => {
  await cb.db.collection('accounts').add({ _id: 'ta', unionId: 'tx', no: '1' })
  const err = await errorOf(
    run(async (tx) => {
      await tx.collection('accounts').doc('tb').set({ unionId: 'tx', no: '2' })
      await tx.collection('accounts').doc('tc').set({ unionId: 'tx', no: '1' })
    }),
  )
  expectDuplicateKey(err)
  expect((await cb.db.collection('accounts').where({ unionId: 'tx' }).count()).total).toBe(1)
})

test('a transaction left open expires and its writes never land', async () => {
  const short = await withLocalCloudbase({ collections: TEST_COLLECTIONS, transactionTimeoutMs: 100 })
  try {
    await short.db.collection('counters').add({ _id: 'e', n: 0 })
    const tx = (await short.db.startTransaction()) as Tx
    await tx.collection('counters').doc('e').update({ n: 1 })
    await new Promise((r) => setTimeout(r, 300))
    expect((await errorOf(tx.commit())).code).toBe('DATABASE_TRANSACTION_FAIL')
    expect((await short.db.collection('counters').doc('e').get()).data[0]).toEqual({ _id: 'e', n: 0 })
  } finally {
    await short.close()
  }
})
