import { MESSAGE_KINDS, TEMPLATE_OF_KIND, pushSlots, type MessageKind } from '@shared/domain/messages'
import { templateData } from '@shared/domain/subscribe-fields'
import type { Deps } from '../_lib/deps'
import { openidOfMember } from '../_lib/members.repo'
import { claimPush, deferPush, settlePush, type MessageDoc } from '../_lib/messages.repo'
import type { SubscribeSender } from '../_lib/subscribe-sender'
import { clearCredits, creditId, creditOf, returnHeld, spendHeld, takeCredit } from './credits.repo'
import type { TemplatesConfig } from './templates-config'

export interface PushDeps extends Deps {
  readonly sender: SubscribeSender
}

export interface PushRun {
  /** This run's claim id and when its leases end (its start plus the function's time limit). */
  readonly claim: string
  readonly leaseUntil: Date
  /** How long one send may take: well inside the lease. */
  readonly sendTimeoutMs: number
  readonly templates: TemplatesConfig
  readonly state: 'developer' | 'trial' | 'formal'
}

/** A passing error is tried again after these waits, then the message stays in 消息 only. */
export const RETRY_AFTER_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000]

export type PushResult = 'sent' | 'in-app' | 'failed' | 'retry' | 'taken'

const isKind = (kind: string): kind is MessageKind => (MESSAGE_KINDS as readonly string[]).includes(kind)

/**
 * One message through WeChat. Each step is one conditional write, in an order that a run dying
 * after any of them leaves a state the next run finishes with the same result:
 *   1. claim the message (a lease until the time limit; a dead run's lease lapses);
 *   2. take a credit, recording the message in its holds (a run taking over sees the hold and does
 *      not take a second);
 *   3. send; 4. record the outcome on the message, then settle the credit (sent: drop the hold;
 *      otherwise the credit is returned or cleared first, then the message recorded, so a death in
 *      between sends again at most what WeChat refused anyway).
 * The one gap no write can close: a run dying after WeChat took the notice and before step 4 is
 * retried, and WeChat sends again only if the member has another accept left.
 */
export async function pushOne(deps: PushDeps, run: PushRun, m: MessageDoc): Promise<PushResult> {
  const now = deps.clock.now()
  if (!(await claimPush(deps, m._id, run.claim, now, run.leaseUntil))) return 'taken'
  const settle = async (push: 'sent' | 'in-app' | 'failed', reason: string): Promise<PushResult> => {
    await settlePush(deps, m._id, run.claim, push, reason)
    return push
  }

  const template = isKind(m.kind) ? TEMPLATE_OF_KIND[m.kind] : null
  const config = template ? run.templates[template] : undefined
  if (!template || !config) return settle('in-app', 'no-template')

  const credit = creditId(m.unionId, m.memberId, template)
  const [openid, held] = await Promise.all([openidOfMember(deps, m.unionId, m.memberId), creditOf(deps, credit).then((c) => !!c?.holds.includes(m._id))])
  if (!openid) {
    if (held) await returnHeld(deps, credit, m._id)
    return settle('in-app', 'not-bound')
  }
  if (!held && !(await takeCredit(deps, credit, m._id))) return settle('in-app', 'no-credit')

  const slots = pushSlots(m)
  const data = templateData(Object.fromEntries(Object.entries(config.fields).map(([keyword, slot]) => [keyword, slots[slot]])))
  const empty = Object.entries(data).find(([, v]) => !v.value)
  if (empty) {
    // WeChat would answer 47003; the member's accept is kept for a notice that fits.
    await returnHeld(deps, credit, m._id)
    deps.log('error', 'push-unfit', { message: m._id, kind: m.kind, keyword: empty[0] })
    return settle('failed', `empty:${empty[0]}`)
  }

  const outcome = await deps.sender.send(
    { touser: openid, templateId: config.id, page: m.link.replace(/^\//, ''), data, miniprogramState: run.state },
    run.sendTimeoutMs,
  )
  switch (outcome.kind) {
    case 'sent':
      await settle('sent', 'sent')
      await spendHeld(deps, credit, m._id)
      return 'sent'
    case 'no-credit':
      // WeChat's count is the real one: whatever we held for this template is gone.
      await clearCredits(deps, credit, m._id)
      return settle('in-app', `wechat-${outcome.code}`)
    case 'rejected':
      await returnHeld(deps, credit, m._id)
      deps.log('error', 'push-rejected', { message: m._id, kind: m.kind, template, code: outcome.code, reason: outcome.message.slice(0, 200) })
      return settle('failed', `wechat-${outcome.code}`)
    case 'transient': {
      await returnHeld(deps, credit, m._id)
      const attempts = (m.attempts ?? 0) + 1
      deps.log('warn', 'push-retry', { message: m._id, kind: m.kind, code: outcome.code, attempts, reason: outcome.message.slice(0, 200) })
      if (attempts > RETRY_AFTER_MS.length) return settle('failed', `gave-up:${outcome.code ?? 'timeout'}`)
      await deferPush(deps, m._id, run.claim, new Date(now.getTime() + RETRY_AFTER_MS[attempts - 1]))
      return 'retry'
    }
  }
}
