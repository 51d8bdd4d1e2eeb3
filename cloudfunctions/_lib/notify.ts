import type { Deps } from './deps'

/**
 * Messages to members (waitlist promotion, an event called off, reminders). Each is written to the
 * `messages` outbox: the member's in-app record, and the queue a timer function sends as WeChat
 * one-time subscription messages where the member accepted one. Locally, tests read the outbox.
 */
export interface Message {
  readonly unionId: string
  readonly memberId: string
  readonly kind: 'waitlist-promoted' | 'activity-cancelled' | 'activity-reminder' | 'activity-changed' | 'lottery-result' | 'voucher-issued' | 'voucher-expiring'
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
