import type { ImportProgress } from '@shared/contract'
import type { RosterRow } from '@shared/domain/roster'

/**
 * An import is checked once (the file is read there and only there) and applied in chunks over
 * several calls, so a 50,000-row roster never runs into a function timeout.
 */

/** Rows per stored chunk: one batch insert, and at most one member query (`_.in` ≤ 1000), each. */
export const CHUNK_SIZE = 500

/**
 * One valid row of the file, without its row number. An empty string means "not given in the
 * file": it fills a new member's field with nothing and leaves an existing member's value alone
 * (a file without a 状态 or 手机号 column must not reset everyone's).
 */
export type CheckedRow = Omit<RosterRow, 'row'>

/** A row as stored for apply. */
export interface ImportRow extends CheckedRow {
  /** No member had this 会员编号 when the file was checked: apply inserts it without looking first. */
  readonly isNew: boolean
}

/** `blocked`: the file has problems and cannot be applied; `done`: applied, or nothing to do. */
export type ImportStatus = 'ready' | 'blocked' | 'done'

export interface ImportJobDoc {
  readonly _id: string
  readonly unionId: string
  /** Member id of the admin who uploaded the file. */
  readonly createdBy: string
  readonly fileName: string
  readonly fileId: string
  readonly status: ImportStatus
  /** Non-blank data rows in the file. */
  readonly total: number
  readonly valid: number
  readonly problemCount: number
  readonly toCreate: number
  readonly toUpdate: number
  readonly unchanged: number
  readonly newDepartments: readonly string[]
  /** Rows stored for apply: only those that create or change a member. */
  readonly rowCount: number
  readonly chunkCount: number
  /** The first chunk not yet applied; advanced only by a conditional write after the chunk is done. */
  readonly nextChunk: number
  readonly createdAt: Date
  readonly updatedAt: Date
  readonly finishedAt?: Date
}

export interface ImportChunkDoc {
  /** `${jobId}:${n}` */
  readonly _id: string
  readonly jobId: string
  readonly unionId: string
  readonly n: number
  readonly rows: readonly ImportRow[]
}

export const chunkId = (jobId: string, n: number) => `${jobId}:${n}`

export function progressOf(job: ImportJobDoc, nextChunk = job.nextChunk): ImportProgress {
  const done = nextChunk >= job.chunkCount
  return { jobId: job._id, processed: done ? job.rowCount : Math.min(nextChunk * CHUNK_SIZE, job.rowCount), total: job.rowCount, done }
}
