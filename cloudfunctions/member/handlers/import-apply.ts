import type { Handler } from '../../_lib/entry'
import { conflict } from '../../_lib/app-error'
import { applyRows } from '../import/apply-rows'
import { ensureDepartments, loadDepartments, type DepartmentIds } from '../import/departments'
import { removeChunksOf } from '../import/finished-chunks'
import { progressOf } from '../import/import-docs'
import { advanceJob, chunkOf, jobInUnion } from '../import/import-jobs.repo'

/**
 * Work per call is bounded (functions time out after 10 s): at most this many chunks, and no new
 * chunk once the budget is spent. The client calls again until `done`, showing the progress.
 */
const MAX_CHUNKS_PER_CALL = 4
const TIME_BUDGET_MS = 4000

/**
 * Applies the next chunks of a checked import. Chunk k counts as done only when the conditional
 * write moves `nextChunk` from k to k + 1, so a retried or concurrent call redoes at most one
 * chunk, and redoing one writes only what is still missing or different (see applyRows): a call
 * cut anywhere is completed by the same apply again, without a second copy of any member.
 */
export const importApply: Handler<'member.importApply'> = async ({ deps, me, input }) => {
  const { db, clock, log } = deps
  const started = performance.now()
  let job = await jobInUnion(deps, input.jobId, me.unionId)
  if (job.status === 'blocked') throw conflict(`这份名单还有 ${job.problemCount} 处问题，不能导入，请按检查结果改好后重新上传`)

  // Finished already: the call that finished may have died before removing the chunks.
  if (job.chunkCount > 0 && job.nextChunk >= job.chunkCount) await removeChunksOf(deps, job._id)

  let next = job.nextChunk
  let departments: DepartmentIds | undefined
  for (let worked = 0; next < job.chunkCount && worked < MAX_CHUNKS_PER_CALL && (worked === 0 || performance.now() - started < TIME_BUDGET_MS); worked++) {
    const now = clock.now()
    const chunk = await chunkOf(deps, job._id, next)
    if (!chunk) {
      // The call that finished the job has removed the chunks.
      job = await jobInUnion(deps, job._id, me.unionId)
      next = job.nextChunk
      if (next >= job.chunkCount) break
      throw new Error(`import job ${job._id} is missing chunk ${next}`)
    }
    departments ??= await loadDepartments(db, me.unionId)
    await ensureDepartments(
      db,
      me.unionId,
      chunk.rows.map((r) => r.department),
      departments,
      now,
    )
    const counts = await applyRows(db, me.unionId, chunk.rows, departments, now)
    log('info', 'import-chunk', { jobId: job._id, chunk: next, ...counts })

    const last = next + 1 === job.chunkCount
    if (await advanceJob(deps, job._id, next, last, now)) {
      next++
      if (last) await removeChunksOf(deps, job._id, { counted: false })
    } else {
      // Another call got there first; carry on from where it is.
      job = await jobInUnion(deps, job._id, me.unionId)
      next = job.nextChunk
    }
  }
  return progressOf(job, next)
}
