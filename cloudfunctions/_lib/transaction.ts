import { AppError } from './app-error'
import { isDuplicateWrite } from './db-errors'
import type { Deps } from './deps'

/**
 * The part of a CloudBase transaction the functions use: documents by id and inserts (CloudBase
 * transactions take no queries). Its writes land together at the commit, or not at all: a function
 * that dies inside one leaves nothing half-written.
 */
export interface TxDoc {
  get(): Promise<{ data: unknown }>
  update(data: object): Promise<unknown>
  set(data: object): Promise<unknown>
}
export interface Tx {
  collection(name: string): { doc(id: string): TxDoc; add(data: object): Promise<unknown> }
}

export const txGet = async <T>(tx: Tx, collection: string, id: string): Promise<T | undefined> =>
  ((await tx.collection(collection).doc(id).get()).data as T | null) ?? undefined

const TRANSACTION_ERRORS = new Set(['DATABASE_TRANSACTION_CONFLICT', 'DATABASE_TRANSACTION_FAIL'])
const isTransactionError = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && TRANSACTION_ERRORS.has(code)
}

/** Others kept changing what the transaction read: the caller reads again and answers what happened. */
export class TransactionContended extends AppError {
  constructor() {
    super('CONFLICT', '刚才有其他人同时在办理，请刷新后再试')
  }
}

const ATTEMPTS = 6
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 15 + Math.random() * 30 * attempt))

/**
 * Runs `work` in a transaction. A conflict (someone changed what it read, holds it in their own
 * open transaction, or inserted a key it inserts) runs it again from the start after a short, growing pause, so `work` reads
 * everything it decides on inside. An AppError thrown by `work` rolls back and reaches the caller.
 */
export async function inTransaction<T>(deps: Deps, work: (tx: Tx, attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      // times 0: the SDK rolls back and throws on the first conflict; the pause and the retry are here.
      // `attempt` lets work take a cheap path first and a careful one after a collision (e.g. appendAuditIn).
      return (await deps.db.runTransaction((tx: Tx) => work(tx, attempt), 0)) as T
    } catch (error) {
      // A natural key inserted meanwhile by a transaction that committed first: what this one read is
      // stale too, so it runs again and sees the winner (one that still collides ends as contended).
      if (!isTransactionError(error) && !isDuplicateWrite(error)) throw error
      if (attempt >= ATTEMPTS) throw new TransactionContended()
      await pause(attempt)
    }
  }
}
