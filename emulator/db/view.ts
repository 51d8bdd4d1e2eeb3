import type { Mutation } from './store'
import type { Doc, DocId } from './values'

/**
 * What an action reads from and writes to: the committed store directly, or a transaction's
 * private overlay on top of it. Actions are written once against this interface.
 */
export interface View {
  get(coll: string, id: DocId): Doc | undefined
  /** Every document of the collection, in natural order. */
  list(coll: string): Doc[]
  /**
   * Tells a transaction which documents (by _id, present or absent) the action's result depended
   * on; commit fails if any of them changed meanwhile.
   */
  observe(coll: string, ids: DocId[]): void
  write(mutations: Mutation[]): void
}
