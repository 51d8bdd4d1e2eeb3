import type { ImportReport } from '@shared/contract'
import type { Handler } from '../../_lib/entry'
import { downloadFile } from '../../_lib/files'
import { MAX_ROSTER_BYTES, readRosterFile } from '../../_lib/roster-file'
import { loadDepartments } from '../import/departments'
import { loadUnionMembers } from '../import/existing-members'
import { CHUNK_SIZE, chunkId, type ImportChunkDoc, type ImportJobDoc, type ImportRow } from '../import/import-docs'
import { saveCheckedImport } from '../import/import-jobs.repo'
import { checkImportRows } from '../import/import-rows'
import { changesFor, type ExistingMember } from '../import/member-changes'
import { departmentIdFor } from '../import/stable-ids'

/** Problems listed on the admin's screen; `problemCount` carries the rest. */
const MAX_LISTED_PROBLEMS = 500

/**
 * The dry run: reads and checks the file, compares it with the union's members by 会员编号, and
 * stores what apply will write, so apply never reads the file again. Writes no member.
 */
export const importCheck: Handler<'member.importCheck'> = async ({ deps, me, input }) => {
  const { db, clock, ids } = deps
  const now = clock.now()
  const sheet = await readRosterFile(input.fileName, await downloadFile(input.fileId, MAX_ROSTER_BYTES))
  const { rows, problems, total } = checkImportRows(sheet)

  const [members, departments] = rows.length
    ? await Promise.all([loadUnionMembers(db, me.unionId), loadDepartments(db, me.unionId)])
    : [new Map<string, ExistingMember>(), new Map<string, string>()]
  const toApply: ImportRow[] = []
  const newDepartments = new Set<string>()
  let toCreate = 0
  let toUpdate = 0
  for (const row of rows) {
    const existingDept = departments.get(row.department)
    if (!existingDept) newDepartments.add(row.department)
    const current = members.get(row.memberNo)
    if (!current) toCreate++
    else if (changesFor(current, row, { id: existingDept ?? departmentIdFor(me.unionId, row.department), name: row.department })) toUpdate++
    else continue
    toApply.push({ ...row, isNew: !current })
  }

  const canApply = problems.length === 0 && toApply.length > 0
  const jobId = ids.next()
  const chunkCount = canApply ? Math.ceil(toApply.length / CHUNK_SIZE) : 0
  const chunks: ImportChunkDoc[] = Array.from({ length: chunkCount }, (_, n) => ({
    _id: chunkId(jobId, n),
    jobId,
    unionId: me.unionId,
    n,
    rows: toApply.slice(n * CHUNK_SIZE, (n + 1) * CHUNK_SIZE),
  }))
  const job: ImportJobDoc = {
    _id: jobId,
    unionId: me.unionId,
    createdBy: me.member._id,
    fileName: input.fileName,
    fileId: input.fileId,
    status: problems.length ? 'blocked' : canApply ? 'ready' : 'done',
    total,
    valid: rows.length,
    problemCount: problems.length,
    toCreate,
    toUpdate,
    unchanged: rows.length - toCreate - toUpdate,
    newDepartments: [...newDepartments],
    rowCount: chunkCount ? toApply.length : 0,
    chunkCount,
    nextChunk: 0,
    createdAt: now,
    updatedAt: now,
    ...(canApply || problems.length ? {} : { finishedAt: now }),
  }
  await saveCheckedImport(deps, job, chunks)

  const report: ImportReport = {
    jobId,
    fileName: input.fileName,
    total,
    valid: job.valid,
    problems: problems.slice(0, MAX_LISTED_PROBLEMS),
    problemCount: problems.length,
    toCreate,
    toUpdate,
    unchanged: job.unchanged,
    newDepartments: job.newDepartments,
    canApply,
  }
  return report
}
