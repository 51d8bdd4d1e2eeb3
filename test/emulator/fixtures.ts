import type { CollectionsSpec } from '../../emulator/cloudbase-server'

/** A declaration of its own, so these tests do not depend on the app's collections.json. */
export const TEST_COLLECTIONS: CollectionsSpec = {
  collections: {
    people: { indexes: [] },
    items: { indexes: [] },
    counters: { indexes: [] },
    accounts: {
      indexes: [
        { name: 'union_no', keys: { unionId: 1, no: 1 }, unique: true },
        { name: 'email', keys: { email: 1 }, unique: true, sparse: true },
        { name: 'by_union', keys: { unionId: 1 } },
      ],
    },
  },
}

/** What an SDK call rejected with: node-sdk throws errors carrying CloudBase's `code`. */
export async function errorOf(promise: Promise<unknown>): Promise<{ code?: string; message?: string }> {
  try {
    await promise
  } catch (e) {
    return e as { code?: string; message?: string }
  }
  throw new Error('expected the call to fail, it succeeded')
}

export const ids = (docs: Array<{ _id?: unknown }>): unknown[] => docs.map((d) => d._id)

/** A duplicate key in either form CloudBase reports it (DATABASE_DUPLICATE_WRITE, or E11000 passed through). */
export function expectDuplicateKey(error: { code?: string; message?: string }): void {
  const recognised = error.code === 'DATABASE_DUPLICATE_WRITE' || (error.code === 'DATABASE_REQUEST_FAILED' && /E11000 duplicate key/.test(error.message ?? ''))
  if (!recognised) throw new Error(`expected a duplicate-key error, got ${error.code}: ${error.message}`)
}
