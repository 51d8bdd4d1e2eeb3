/**
 * CloudBase reports a duplicate `_id` or a unique-index violation in two forms, depending on the
 * path the write took: code `DATABASE_DUPLICATE_WRITE`, or the generic `DATABASE_REQUEST_FAILED`
 * carrying MongoDB's `E11000 duplicate key error …` in the message. Both mean the same thing to
 * callers (the record already exists), so every call site asks here instead of comparing codes.
 */
export const isDuplicateWrite = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false
  const { code, message } = error as { code?: unknown; message?: unknown }
  if (code === 'DATABASE_DUPLICATE_WRITE') return true
  return typeof message === 'string' && /E11000|duplicate key/i.test(message)
}

/** Regex special characters escaped, so a member's search text is matched literally. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
