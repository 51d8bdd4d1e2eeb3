import { randomBytes } from 'node:crypto'
import { CloudbaseError } from './errors'
import type { Mutation, Store } from './store'
import type { Doc, DocId } from './values'
import type { View } from './view'

interface Touched {
  coll: string
  id: DocId
  /** The committed document (by identity) when the transaction first depended on it. */
  doc: Doc | undefined
}

interface Transaction {
  id: string
  expiresAt: number
  /** key → what the transaction saw; validated at commit (optimistic concurrency). */
  seen: Map<string, Touched>
  /** key → the transaction's pending version of the document (null = removed). */
  writes: Map<string, Mutation>
}

const docKey = (coll: string, id: DocId): string => `${coll}\u0000${typeof id}:${id}`

const conflict = (message: string): CloudbaseError => new CloudbaseError('DATABASE_TRANSACTION_CONFLICT', message)

/**
 * Transactions buffer their writes in an overlay; reads see the overlay first. Conflicts:
 * writing a document another open transaction has written fails at once, and at commit every
 * document the transaction read or wrote must still be the one it saw. The loser is aborted
 * server-side, because the SDK's runTransaction retries a conflict without rolling back.
 */
export class TransactionManager {
  private readonly open = new Map<string, Transaction>()
  private readonly sweeper: NodeJS.Timeout

  constructor(
    private readonly store: Store,
    private readonly commitMutations: (mutations: Mutation[]) => void,
    private readonly timeoutMs: number,
  ) {
    this.sweeper = setInterval(() => this.sweep(), Math.min(5000, Math.max(50, timeoutMs / 2)))
    this.sweeper.unref()
  }

  start(): string {
    this.sweep()
    const id = randomBytes(16).toString('hex')
    this.open.set(id, { id, expiresAt: Date.now() + this.timeoutMs, seen: new Map(), writes: new Map() })
    return id
  }

  view(transactionId: string): View {
    const tx = this.get(transactionId)
    const store = this.store
    const observe = (coll: string, id: DocId): void => {
      const key = docKey(coll, id)
      if (!tx.seen.has(key) && !tx.writes.has(key)) tx.seen.set(key, { coll, id, doc: store.get(coll, id) })
    }
    return {
      get: (coll, id) => {
        const pending = tx.writes.get(docKey(coll, id))
        return pending ? (pending.doc ?? undefined) : store.get(coll, id)
      },
      list: (coll) => {
        const out: Doc[] = []
        const committedIds = new Set<DocId>()
        for (const doc of store.docs(coll)) {
          committedIds.add(doc._id as DocId)
          const pending = tx.writes.get(docKey(coll, doc._id as DocId))
          if (!pending) out.push(doc)
          else if (pending.doc) out.push(pending.doc)
        }
        for (const m of tx.writes.values()) if (m.coll === coll && m.doc && !committedIds.has(m.id)) out.push(m.doc)
        return out
      },
      observe: (coll, ids) => {
        for (const id of ids) observe(coll, id)
      },
      write: (mutations) => {
        for (const m of mutations) {
          const key = docKey(m.coll, m.id)
          for (const other of this.open.values()) {
            if (other !== tx && other.writes.has(key)) {
              this.open.delete(tx.id)
              throw conflict(`document ${m.coll}/${m.id} is being written by another transaction`)
            }
          }
          observe(m.coll, m.id)
          tx.writes.set(key, m)
        }
      },
    }
  }

  commit(transactionId: string): void {
    const tx = this.get(transactionId)
    this.open.delete(tx.id)
    for (const t of tx.seen.values()) {
      if (this.store.get(t.coll, t.id) !== t.doc) throw conflict(`document ${t.coll}/${t.id} changed since the transaction read it`)
    }
    if (tx.writes.size) this.commitMutations([...tx.writes.values()])
  }

  /** Idempotent: aborting an expired, conflicted or unknown transaction is not an error. */
  abort(transactionId: unknown): void {
    if (typeof transactionId === 'string') this.open.delete(transactionId)
  }

  private get(transactionId: string): Transaction {
    this.sweep()
    const tx = this.open.get(transactionId)
    if (!tx) {
      throw new CloudbaseError('DATABASE_TRANSACTION_FAIL', `transaction ${transactionId} not found (expired, committed or aborted)`)
    }
    return tx
  }

  private sweep(): void {
    const now = Date.now()
    for (const [id, tx] of this.open) if (tx.expiresAt <= now) this.open.delete(id)
  }

  close(): void {
    clearInterval(this.sweeper)
    this.open.clear()
  }
}
