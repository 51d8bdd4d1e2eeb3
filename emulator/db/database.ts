import { ACTIONS, type ActionContext } from './actions'
import { DataDirLock } from './data-dir-lock'
import { CloudbaseError, invalidParam, requestFailed } from './errors'
import { Journal, type JournalLimits } from './journal'
import { type CollectionsInput, normalizeSpec } from './spec'
import { type Mutation, Store } from './store'
import { TransactionManager } from './transactions'
import type { Doc } from './values'
import type { View } from './view'
import { STRICT, type StrictModels } from './strictness'

export interface DatabaseOptions {
  dataDir: string
  /** collections.json's object, or its `collections` record. */
  collections: CollectionsInput
  journal?: JournalLimits
  /** Open transactions are discarded after this long. Default 30 s. */
  transactionTimeoutMs?: number
  /** Production's inconveniences, all on unless an emulator self-test switches one off. */
  models?: Partial<StrictModels>
}

/**
 * The database engine: declared collections in memory, every committed change journaled and
 * fsync'd before any reply that could reveal it. Requests run synchronously between reading the
 * body and awaiting durability, so each one is atomic with respect to all others.
 */
export class Database {
  private closed = false
  private compactionFailed = false
  private readonly committed: View
  private readonly transactions: TransactionManager

  private constructor(
    private readonly store: Store,
    private readonly journal: Journal,
    private readonly lock: DataDirLock,
    transactionTimeoutMs: number,
    private readonly models: StrictModels,
  ) {
    this.transactions = new TransactionManager(store, (mutations) => this.commit(mutations), transactionTimeoutMs)
    this.committed = {
      get: (coll, id) => store.get(coll, id),
      list: (coll) => store.docs(coll),
      observe: () => {},
      write: (mutations) => this.commit(mutations),
    }
  }

  static open(options: DatabaseOptions): Database {
    const store = new Store(normalizeSpec(options.collections))
    const lock = DataDirLock.acquire(options.dataDir)
    let journal: Journal | undefined
    try {
      journal = Journal.open(options.dataDir, options.journal ?? {}, (m) => store.load(m))
      store.rebuildIndexes()
      return new Database(store, journal, lock, options.transactionTimeoutMs ?? 30_000, { ...STRICT, ...options.models })
    } catch (e) {
      void journal?.close()
      lock.release()
      throw e
    }
  }

  private commit(mutations: Mutation[]): void {
    this.store.commit(mutations, () => this.journal.append(mutations))
    if (this.compactionFailed || !this.journal.shouldCompact()) return
    try {
      this.journal.compact(this.store.entries())
    } catch (e) {
      // The write itself is journaled; a failed compaction only means a longer journal, so stop
      // trying (until restart) rather than fail or slow down every later write.
      this.compactionFailed = true
      console.error('[local-cloudbase] compaction failed; the journal keeps growing:', e)
    }
  }

  /** Runs one `database.*` action and returns the reply body (without requestId). */
  async handle(action: string, params: Doc): Promise<Doc> {
    if (this.closed) throw new CloudbaseError('SYS_ERR', 'the local CloudBase is shutting down')
    const handler = ACTIONS[action]
    let reply: Doc | undefined
    let failure: unknown
    try {
      if (!handler) throw invalidParam(`action ${action} is not supported by the local CloudBase`)
      const ctx: ActionContext = {
        store: this.store,
        transactions: this.transactions,
        viewFor: (id) => (id === undefined || id === null || id === '' ? this.committed : this.transactions.view(String(id))),
        now: Date.now(),
        models: this.models,
      }
      reply = handler(ctx, params)
    } catch (e) {
      failure = e
    }
    // Whatever this request observed (its own write, or others' it read) must be durable first.
    try {
      await this.journal.waitDurable()
    } catch (e) {
      throw requestFailed(`write not durable: ${(e as Error).message}`)
    }
    if (failure !== undefined) throw failure
    return reply!
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.transactions.close()
    try {
      await this.journal.close()
    } finally {
      this.lock.release()
    }
  }
}
