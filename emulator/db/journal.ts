import fs from 'node:fs'
import path from 'node:path'
import { fsyncDir, writeAll } from './durable-fs'
import { readSnapshot, writeSnapshot } from './snapshot'
import type { Mutation } from './store'
import { type Doc, type DocId, decodeEJSON, encodeEJSON } from './values'

export interface JournalLimits {
  /** Compact once the journal holds this many records. Default 20 000. */
  maxLines?: number
  /** …or this many bytes. Default 16 MB. */
  maxBytes?: number
}

interface JournalRecord {
  seq: number
  ops: Array<{ c: string; id: DocId; d: Doc | null }>
}

interface Waiter {
  seq: number
  resolve: () => void
  reject: (e: Error) => void
}

/**
 * Append-only journal, one JSON line per committed request, next to a snapshot (db.snapshot).
 * Appends are synchronous writes (so state and journal never disagree at a tick boundary);
 * durability is a group commit: one fdatasync in flight at a time covers every line appended
 * before it started, and callers await `waitDurable(seq)` before replying.
 */
export class Journal {
  private appended = 0
  private durable = 0
  private lines = 0
  private bytes = 0
  private syncing = false
  private waiters: Waiter[] = []
  private failure: Error | null = null
  private closed = false

  private constructor(
    private readonly fd: number,
    private readonly snapshotFile: string,
    private readonly limits: Required<JournalLimits>,
  ) {}

  /** Replays snapshot + journal into `load`, cuts a torn or garbled last line, opens for append. */
  static open(dir: string, limits: JournalLimits, load: (m: Mutation) => void): Journal {
    fs.mkdirSync(dir, { recursive: true })
    const snapshotFile = path.join(dir, 'db.snapshot')
    const journalFile = path.join(dir, 'db.journal')
    const snapshotSeq = readSnapshot(snapshotFile, load)

    const existed = fs.existsSync(journalFile)
    const fd = fs.openSync(journalFile, 'a+')
    if (!existed) fsyncDir(dir)
    const journal = new Journal(fd, snapshotFile, {
      maxLines: limits.maxLines ?? 20_000,
      maxBytes: limits.maxBytes ?? 16 * 1024 * 1024,
    })
    journal.appended = snapshotSeq
    try {
      journal.replay(fs.readFileSync(journalFile), snapshotSeq, load)
    } catch (e) {
      fs.closeSync(fd)
      throw e
    }
    journal.durable = journal.appended
    return journal
  }

  private replay(buf: Buffer, snapshotSeq: number, load: (m: Mutation) => void): void {
    let offset = 0
    let validEnd = 0
    while (offset < buf.length) {
      const nl = buf.indexOf(0x0a, offset)
      const end = nl === -1 ? buf.length : nl
      const isLast = nl === -1 || nl === buf.length - 1
      let record: JournalRecord | null = null
      if (nl !== -1) {
        try {
          record = decodeEJSON(buf.subarray(offset, end).toString('utf8'), 'journal line') as JournalRecord
          if (typeof record.seq !== 'number' || !Array.isArray(record.ops)) record = null
        } catch {
          record = null
        }
      }
      if (!record) {
        // A torn tail (no newline) or a garbled final line is what a crash mid-append leaves.
        if (isLast) break
        throw new Error(`journal corrupted at byte ${offset} (not the last line); refusing to guess`)
      }
      if (record.seq > snapshotSeq) {
        for (const op of record.ops) load({ coll: op.c, id: op.id, doc: op.d })
        this.appended = record.seq
      }
      this.lines++
      offset = nl + 1
      validEnd = offset
    }
    this.bytes = validEnd
    if (validEnd < buf.length) {
      fs.ftruncateSync(this.fd, validEnd)
      fs.fsyncSync(this.fd)
    }
  }

  get appendedSeq(): number {
    return this.appended
  }

  /** Writes one record for the batch; throws (leaving the file as it was) if it cannot. */
  append(mutations: Mutation[]): number {
    if (this.closed) throw new Error('journal is closed')
    if (this.failure) throw this.failure
    const seq = this.appended + 1
    const line = Buffer.from(encodeEJSON({ seq, ops: mutations.map((m) => ({ c: m.coll, id: m.id, d: m.doc })) }) + '\n')
    try {
      writeAll(this.fd, line)
    } catch (e) {
      try {
        fs.ftruncateSync(this.fd, this.bytes)
      } catch {
        this.failure = new Error(`journal unusable after a failed append: ${(e as Error).message}`)
      }
      throw e
    }
    this.appended = seq
    this.lines++
    this.bytes += line.length
    return seq
  }

  /** Resolves once every record up to `seq` is on disk. */
  waitDurable(seq: number = this.appended): Promise<void> {
    if (seq <= this.durable) return Promise.resolve()
    if (this.failure) return Promise.reject(this.failure)
    return new Promise((resolve, reject) => {
      this.waiters.push({ seq, resolve, reject })
      this.kick()
    })
  }

  private kick(): void {
    if (this.syncing || this.waiters.length === 0) return
    this.syncing = true
    const target = this.appended
    fs.fdatasync(this.fd, (err) => {
      this.syncing = false
      if (err) {
        this.failure = new Error(`journal fsync failed: ${err.message}`)
        for (const w of this.waiters.splice(0)) w.reject(this.failure)
        return
      }
      this.markDurable(target)
      this.kick()
    })
  }

  private markDurable(seq: number): void {
    this.durable = Math.max(this.durable, seq)
    const ready = this.waiters.filter((w) => w.seq <= this.durable)
    this.waiters = this.waiters.filter((w) => w.seq > this.durable)
    for (const w of ready) w.resolve()
  }

  shouldCompact(): boolean {
    return this.lines >= this.limits.maxLines || this.bytes >= this.limits.maxBytes
  }

  /**
   * Writes the whole state as a snapshot covering every appended record, then empties the journal.
   * A crash in between is harmless: replay skips records the snapshot already covers.
   */
  compact(entries: Iterable<[string, Doc]>): void {
    if (this.failure) throw this.failure
    writeSnapshot(this.snapshotFile, this.appended, entries)
    fs.ftruncateSync(this.fd, 0)
    fs.fsyncSync(this.fd)
    this.lines = 0
    this.bytes = 0
    this.markDurable(this.appended)
  }

  async close(): Promise<void> {
    if (this.closed) return
    try {
      await this.waitDurable()
    } finally {
      this.closed = true
      while (this.syncing) await new Promise((r) => setImmediate(r))
      fs.closeSync(this.fd)
    }
  }
}
