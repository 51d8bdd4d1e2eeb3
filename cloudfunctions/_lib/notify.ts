import { isDuplicateWrite } from './db-errors'
import type { Deps } from './deps'
import type { Tx } from './transaction'

/**
 * Messages to members (waitlist promotion, an event called off, reminders, a hardship request's
 * progress, reviewers' work). Each is written to the
 * `messages` outbox: the member's in-app record, and the queue a timer function sends as WeChat
 * one-time subscription messages where the member accepted one. Locally, tests read the outbox.
 */
export interface Message {
  readonly unionId: string
  readonly memberId: string
  readonly kind:
    | 'waitlist-promoted'
    | 'activity-cancelled'
    | 'activity-reminder'
    | 'activity-changed'
    | 'lottery-result'
    | 'voucher-issued'
    | 'voucher-expiring'
    /** A gift not chosen yet, the day before its choice closes. */
    | 'gift-choice-closing'
    /** A leader's answer to a request to join an interest group. */
    | 'group-decision'
    /** To a request's member and reporter: each step of it. */
    | 'hardship-update'
    /** To reviewers: a request to take, or one answered after 退回补充材料. */
    | 'hardship-new'
    /** To reviewers: hardship files due for review. */
    | 'hardship-review-due'
    /** A sign-up whose call was cut, finished later by the repair job: how it ended. */
    | 'signup-resolved'
  readonly title: string
  readonly body: string
  readonly link: string
  /**
   * A natural key for this one message (e.g. `lottery-result:<event>:<member>`), stored as its
   * `_id`: a step resumed after a crash, or run twice at once, sends it once.
   */
  readonly key?: string
}

export async function notify(deps: Deps, messages: readonly Message[]): Promise<void> {
  const now = deps.clock.now()
  for (let i = 0; i < messages.length; i += 500) {
    const batch = messages.slice(i, i + 500).map(({ key, ...m }) => ({ _id: key ?? deps.ids.next(), ...m, createdAt: now, sentAt: null }))
    if (!batch.length) continue
    try {
      await deps.db.collection('messages').add(batch)
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error
      // Some were sent before (a resumed step): an ordered batch stops at the first one, so the rest go one by one.
      for (const doc of batch) {
        try {
          await deps.db.collection('messages').add(doc)
        } catch (e) {
          if (!isDuplicateWrite(e)) throw e
        }
      }
    }
  }
}

/**
 * The same messages written inside a transaction, so they land with the step they tell of (or not
 * at all) and nothing is left to send after it. One insert each: a transaction takes documents one
 * at a time. A step tells a handful of people at most.
 */
export async function notifyIn(tx: Tx, deps: Deps, messages: readonly Message[]): Promise<void> {
  const now = deps.clock.now()
  for (const { key, ...m } of messages) await tx.collection('messages').add({ _id: key ?? deps.ids.next(), ...m, createdAt: now, sentAt: null })
}
