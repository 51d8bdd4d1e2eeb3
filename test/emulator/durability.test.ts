/**
 * Durability: acknowledged writes survive SIGKILL; a torn or garbled last journal line is cut
 * away on reopen; compaction into a snapshot reopens to identical data.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { startLocalCloudbase } from '../../emulator/cloudbase-server'
import { type Database, type LocalCloudbaseFixture, withLocalCloudbase } from '../support/local-cloudbase'
import { TEST_COLLECTIONS, expectDuplicateKey } from './fixtures'

jest.setTimeout(30_000)

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloudbase-durability-'))
const journalOf = (dataDir: string) => path.join(dataDir, 'db.journal')

/** Every document of every test collection, for before/after comparisons. */
async function dump(db: Database): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const name of Object.keys(TEST_COLLECTIONS.collections)) {
    const all: unknown[] = []
    for (let offset = 0; ; offset += 1000) {
      const page = (await db.collection(name).orderBy('_id', 'asc').skip(offset).limit(1000).get()).data
      all.push(...page)
      if (page.length < 1000) break
    }
    out[name] = all
  }
  return out
}

describe('SIGKILL mid-stream', () => {
  let dataDir: string
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  test('every acknowledged write is there after a restart', async () => {
    dataDir = tempDir()
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'durability-writer.ts'), dataDir], {
      cwd: path.resolve(__dirname, '../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('close', (code, signal) => resolve(signal ?? code)))

    const added = new Set<string>()
    const deleted = new Set<string>()
    let maxInc = 0
    let killed = false
    // Every line read counts, including those still in the pipe when the kill lands.
    for await (const line of createInterface({ input: child.stdout })) {
      const [kind, value] = line.split(' ')
      if (kind === 'add') added.add(value)
      if (kind === 'del') deleted.add(value)
      if (kind === 'inc') maxInc = Math.max(maxInc, Number(value))
      if (!killed && added.size >= 400) {
        killed = true
        child.kill('SIGKILL')
      }
    }
    expect(await exited).toBe('SIGKILL')
    expect(stderr).toBe('')
    expect(deleted.size).toBeGreaterThan(0)
    expect(maxInc).toBeGreaterThan(0)

    const cb = await withLocalCloudbase({ collections: TEST_COLLECTIONS, dataDir })
    try {
      const stored = await dump(cb.db)
      const storedIds = new Set(stored.items.map((d) => (d as { _id: string })._id))
      const missing = [...added].filter((id) => !deleted.has(id) && !storedIds.has(id))
      const resurrected = [...deleted].filter((id) => storedIds.has(id))
      expect(missing).toEqual([])
      expect(resurrected).toEqual([])
      // Writes in flight at the kill may or may not have landed; acknowledged ones must have.
      const counter = stored.counters.find((d) => (d as { _id: string })._id === 'c') as { n: number }
      expect(counter.n).toBeGreaterThanOrEqual(maxInc)
      // The reopened store keeps working.
      await cb.db.collection('items').add({ _id: 'after-restart' })
      expect((await cb.db.collection('items').doc('after-restart').get()).data).toHaveLength(1)
    } finally {
      await cb.close()
    }
  })
})

describe('journal recovery', () => {
  let dataDir: string
  let cb: LocalCloudbaseFixture | undefined
  beforeEach(() => {
    dataDir = tempDir()
  })
  afterEach(async () => {
    await cb?.close()
    cb = undefined
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  const open = async () => (cb = await withLocalCloudbase({ collections: TEST_COLLECTIONS, dataDir }))
  const reopen = async () => {
    await cb!.close()
    return open()
  }

  test.each([
    ['a torn last line (no newline)', '{"seq":999,"ops":[{"c":"items","id":"torn","d":{"_id":"to'],
    ['a garbled last line', 'this is not json\n'],
  ])('%s is cut away on reopen; later writes are kept', async (_name, garbage) => {
    await open()
    await cb!.db.collection('items').add([
      { _id: 'a', v: 1 },
      { _id: 'b', v: 2 },
    ])
    await cb!.db.collection('items').doc('a').update({ v: 10 })
    const before = await dump(cb!.db)
    await cb!.close()

    const size = fs.statSync(journalOf(dataDir)).size
    fs.appendFileSync(journalOf(dataDir), garbage)
    await open()
    expect(await dump(cb!.db)).toEqual(before)
    expect(fs.statSync(journalOf(dataDir)).size).toBe(size)

    await cb!.db.collection('items').add({ _id: 'c', v: 3 })
    await reopen()
    expect((await dump(cb!.db)).items).toEqual([...before.items, { _id: 'c', v: 3 }])
  })

  test('corruption before the last line refuses to start instead of guessing', async () => {
    await open()
    await cb!.db.collection('items').add({ _id: 'a' })
    await cb!.db.collection('items').add({ _id: 'b' })
    await cb!.close()
    cb = undefined
    const lines = fs.readFileSync(journalOf(dataDir), 'utf8').split('\n')
    lines[0] = '{"broken'
    fs.writeFileSync(journalOf(dataDir), lines.join('\n'))
    await expect(startLocalCloudbase({ dataDir, collections: TEST_COLLECTIONS })).rejects.toThrow(/corrupted/)
  })

  test('compaction writes a snapshot, empties the journal, and reopens to identical data', async () => {
    cb = await withLocalCloudbase({ collections: TEST_COLLECTIONS, dataDir, journal: { maxLines: 25 } })
    const db = cb.db
    const _ = db.command
    for (let i = 0; i < 60; i++) await db.collection('items').add({ _id: `i${String(i).padStart(3, '0')}`, i, at: new Date(i * 1000), tags: [i % 3] })
    await db
      .collection('items')
      .where({ i: _.gte(50) })
      .update({ big: true, n: _.inc(1) })
    await db
      .collection('items')
      .where({ i: _.lt(5) })
      .remove()
    await db.collection('accounts').add([{ _id: 'x', unionId: 'u', no: '1' }])
    await db.runTransaction(async (tx: { collection(n: string): { doc(id: string): { set(d: object): Promise<unknown> } } }) => {
      await tx.collection('counters').doc('t').set({ n: 1 })
      await tx.collection('items').doc('i010').set({ replaced: true })
    })
    const before = await dump(db)

    expect(fs.existsSync(path.join(dataDir, 'db.snapshot'))).toBe(true)
    const journalLines = fs.readFileSync(journalOf(dataDir), 'utf8').split('\n').filter(Boolean).length
    expect(journalLines).toBeLessThan(25)
    expect(journalLines).toBeGreaterThan(0) // snapshot + journal both feed the reopen

    await cb.close()
    cb = await withLocalCloudbase({ collections: TEST_COLLECTIONS, dataDir })
    expect(await dump(cb.db)).toEqual(before)
    // The unique index was rebuilt from the snapshot too.
    expectDuplicateKey(
      await cb.db
        .collection('accounts')
        .add({ unionId: 'u', no: '1' })
        .catch((e) => e),
    )
  })
})
