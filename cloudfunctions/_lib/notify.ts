import type { Deps } from './deps'

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
    /** To a request's member and reporter: each step of it. */
    | 'hardship-update'
    /** To reviewers: a request to take, or one answered after 退回补充材料. */
    | 'hardship-new'
    /** To reviewers: hardship files due for review. */
    | 'hardship-review-due'
  readonly title: string
  readonly body: string
  readonly link: string
}

export async function notify(deps: Deps, messages: readonly Message[]): Promise<void> {
  const now = deps.clock.now()
  for (let i = 0; i < messages.length; i += 500) {
    const batch = messages.slice(i, i + 500).map((m) => ({ _id: deps.ids.next(), ...m, createdAt: now, sentAt: null }))
    if (batch.length) await deps.db.collection('messages').add(batch)
  }
}
