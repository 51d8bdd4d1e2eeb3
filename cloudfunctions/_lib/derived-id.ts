import { createHash } from 'node:crypto'

/**
 * Ids that derive from their parts (natural keys): a retried call lands on the same document. A
 * create sent with a client's form key derives its id from the union, the caller and the key, so
 * another member's key can never name the caller's record.
 */
export const derivedId = (...parts: readonly (string | number)[]): string => createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32)
