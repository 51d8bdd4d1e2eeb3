/** CloudBase reports a duplicate `_id` or a unique-index violation with this code. */
export const isDuplicateWrite = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'DATABASE_DUPLICATE_WRITE'

/** Regex special characters escaped, so a member's search text is matched literally. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
