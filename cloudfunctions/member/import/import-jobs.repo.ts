import { notFound } from '../../_lib/app-error'
import type { Deps } from '../../_lib/deps'
import { chunkId, type ImportChunkDoc, type ImportJobDoc } from './import-docs'

/** Chunks per insert: about 2,000 rows, well under a request's size limit. */
const CHUNKS_PER_INSERT = 4

/**
 * The `import_jobs` and `import_chunks` records of a roster import. Chunks are written before their
 * job, so a job that exists always has all its chunks; the job's `nextChunk` moves only by a
 * conditional write, so each chunk is counted done once however many calls apply it.
 */

/** Stores a checked import: its chunks first, the job last. */
export async function saveCheckedImport(deps: Deps, job: ImportJobDoc, chunks: readonly ImportChunkDoc[]): Promise<void> {
  for (let i = 0; i < chunks.length; i += CHUNKS_PER_INSERT) await deps.db.collection('import_chunks').add(chunks.slice(i, i + CHUNKS_PER_INSERT))
  await deps.db.collection('import_jobs').add(job)
}

/** One import of the caller's union; another union's does not exist for this caller. */
export async function jobInUnion(deps: Deps, jobId: string, unionId: string): Promise<ImportJobDoc> {
  const job = (await deps.db.collection('import_jobs').doc(jobId).get()).data[0] as ImportJobDoc | undefined
  if (!job || job.unionId !== unionId) throw notFound('没有找到这次导入，请重新上传名单')
  return job
}

export async function chunkOf(deps: Deps, jobId: string, n: number): Promise<ImportChunkDoc | undefined> {
  return (await deps.db.collection('import_chunks').doc(chunkId(jobId, n)).get()).data[0] as ImportChunkDoc | undefined
}

/** Chunk `n` counts as done only if this write moves `nextChunk` from n to n + 1 (the last one also finishes the job). */
export async function advanceJob(deps: Deps, jobId: string, n: number, last: boolean, now: Date): Promise<boolean> {
  const res = await deps.db
    .collection('import_jobs')
    .where({ _id: jobId, nextChunk: n })
    .update({ nextChunk: n + 1, updatedAt: now, ...(last ? { status: 'done', finishedAt: now } : {}) })
  return res.updated === 1
}
