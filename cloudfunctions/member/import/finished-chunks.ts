import type { Deps } from '../../_lib/deps'
import type { ImportJobDoc } from './import-docs'

/** Jobs whose chunks one run looks at: there are only as many as imports in progress or cut short. */
const MAX_JOBS = 1000

/**
 * The chunks of a finished job: its last apply removes them, unless it died just before. Looked for
 * first (a read, no write when none is left) unless the caller knows they are there.
 */
export async function removeChunksOf(deps: Deps, jobId: string, { counted = true }: { counted?: boolean } = {}): Promise<boolean> {
  const coll = deps.db.collection('import_chunks')
  if (counted && (await coll.where({ jobId }).count()).total === 0) return false
  await coll.where({ jobId }).remove()
  return true
}

/** The repair job's part: chunks left behind by finished imports are removed and logged. */
export async function removeFinishedChunks(deps: Deps): Promise<{ chunksRemoved: number }> {
  const { db, log } = deps
  const $ = db.command.aggregate
  const res = await db
    .collection('import_chunks')
    .aggregate()
    .group({ _id: '$jobId', n: $.sum(1) })
    .limit(MAX_JOBS)
    .end()
  const held = (res as { data?: { _id: string; n: number }[] }).data ?? []
  let chunksRemoved = 0
  for (const { _id: jobId, n } of held) {
    const job = (await db.collection('import_jobs').doc(jobId).get()).data[0] as ImportJobDoc | undefined
    if (job?.status !== 'done') continue
    if (await removeChunksOf(deps, jobId)) {
      chunksRemoved += n
      log('warn', 'import-chunks-removed', { jobId, chunks: n })
    }
  }
  return { chunksRemoved }
}
