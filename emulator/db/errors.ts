/**
 * Errors the local CloudBase replies with. The codes are CloudBase's own, because callers (and the
 * SDK's runTransaction retry loop) branch on them.
 */
export type CloudbaseErrorCode =
  | 'INVALID_PARAM'
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_DUPLICATE_WRITE'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_TRANSACTION_FAIL'
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'STORAGE_FILE_NONEXIST'
  | 'STORAGE_REQUEST_FAIL'
  | 'SYS_ERR'

export class CloudbaseError extends Error {
  constructor(
    readonly code: CloudbaseErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'CloudbaseError'
  }
}

export const invalidParam = (message: string): CloudbaseError => new CloudbaseError('INVALID_PARAM', message)

/** Anything the engine cannot evaluate: unknown operators, type errors. Never a silently wrong result. */
export const requestFailed = (message: string): CloudbaseError => new CloudbaseError('DATABASE_REQUEST_FAILED', message)
