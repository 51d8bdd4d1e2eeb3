import { isDuplicateWrite } from '../../cloudfunctions/_lib/db-errors'

/** Shaped as the node-sdk throws them: an Error with CloudBase's `code` and the server's message. */
const sdkError = (code: string, message: string) => Object.assign(new Error(message), { code })

describe('isDuplicateWrite: both forms CloudBase reports a duplicate key in', () => {
  it('CloudBase’s own code', () => {
    expect(isDuplicateWrite(sdkError('DATABASE_DUPLICATE_WRITE', 'duplicate write'))).toBe(true)
  })

  it('MongoDB’s error passed through as a failed request (updates, upserts, batch inserts, commits)', () => {
    expect(
      isDuplicateWrite(
        sdkError(
          'DATABASE_REQUEST_FAILED',
          '[FailedOperation] E11000 duplicate key error collection: members index: union_memberNo dup key: { unionId: "u", memberNo: "M1" }',
        ),
      ),
    ).toBe(true)
    expect(isDuplicateWrite(sdkError('DATABASE_REQUEST_FAILED', 'E11000 index: _id_'))).toBe(true)
    expect(isDuplicateWrite(sdkError('DATABASE_REQUEST_FAILED', 'Duplicate key on insert'))).toBe(true)
  })

  it('anything else is not a duplicate', () => {
    expect(isDuplicateWrite(sdkError('DATABASE_REQUEST_FAILED', 'unknown operator $foo'))).toBe(false)
    expect(isDuplicateWrite(sdkError('EXCEED_REQUEST_LIMIT', 'request limit exceeded'))).toBe(false)
    expect(isDuplicateWrite(sdkError('DATABASE_TRANSACTION_CONFLICT', 'write conflict'))).toBe(false)
    expect(isDuplicateWrite(new Error('socket hang up'))).toBe(false)
    expect(isDuplicateWrite({ code: 42, message: 7 })).toBe(false)
    expect(isDuplicateWrite('E11000 duplicate key')).toBe(false)
    expect(isDuplicateWrite(null)).toBe(false)
    expect(isDuplicateWrite(undefined)).toBe(false)
  })
})
