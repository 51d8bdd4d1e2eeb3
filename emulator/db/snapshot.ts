import fs from 'node:fs'
import path from 'node:path'
import { fsyncDir, writeAll } from './durable-fs'
import type { Mutation } from './store'
import { type Doc, type DocId, decodeEJSON, encodeEJSON } from './values'

/**
 * The compacted state, one JSON line per document between a header (carrying the journal sequence
 * it covers) and a footer (proving the file is complete). Written to a temp file, fsync'd and
 * renamed, so a reader sees either the old snapshot or the whole new one.
 */
const FORMAT = 'cloudbase-emulator-snapshot/1'
const CHUNK_BYTES = 1 << 20

export function writeSnapshot(file: string, seq: number, entries: Iterable<[string, Doc]>): void {
  const tmp = `${file}.tmp`
  const fd = fs.openSync(tmp, 'w')
  try {
    let chunk: string[] = [JSON.stringify({ format: FORMAT, seq })]
    let chunkBytes = 0
    let count = 0
    for (const [coll, doc] of entries) {
      const line = encodeEJSON({ c: coll, d: doc })
      chunk.push(line)
      chunkBytes += line.length
      count++
      if (chunkBytes > CHUNK_BYTES) {
        writeAll(fd, Buffer.from(chunk.join('\n') + '\n'))
        chunk = []
        chunkBytes = 0
      }
    }
    chunk.push(JSON.stringify({ end: true, count }))
    writeAll(fd, Buffer.from(chunk.join('\n') + '\n'))
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  fs.renameSync(tmp, file)
  fsyncDir(path.dirname(file))
}

/** Returns the covered sequence, feeding each stored document to `load`; seq 0 when absent. */
export function readSnapshot(file: string, load: (m: Mutation) => void): number {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0
    throw e
  }
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  const header = JSON.parse(lines[0] ?? '{}') as { format?: string; seq?: number }
  const footer = JSON.parse(lines[lines.length - 1] ?? '{}') as { end?: boolean; count?: number }
  if (header.format !== FORMAT || typeof header.seq !== 'number' || footer.end !== true || footer.count !== lines.length - 2) {
    throw new Error(`snapshot ${file} is incomplete or not a snapshot; refusing to guess`)
  }
  for (let i = 1; i < lines.length - 1; i++) {
    const { c, d } = decodeEJSON(lines[i], 'snapshot line') as { c: string; d: Doc }
    load({ coll: c, id: d._id as DocId, doc: d })
  }
  return header.seq
}
