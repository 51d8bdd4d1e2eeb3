import { MAX_CREDITS_PER_TEMPLATE, type TemplateKey } from '@shared/domain/messages'
import { isDuplicateWrite } from '../_lib/db-errors'
import type { Deps } from '../_lib/deps'

/**
 * `subscribe_credits`: a member's acceptances per template. One accept in
 * `requestSubscribeMessage` allows WeChat one notice, so `count` is how many notices the sender may
 * still try. A send in flight holds its credit in `holds` (the message's id) until its outcome is
 * recorded, so a run that takes over a dead one's message knows the credit is already taken, and a
 * credit returned after a passing error is returned exactly once.
 */
export interface CreditDoc {
  readonly _id: string
  readonly unionId: string
  readonly memberId: string
  readonly template: TemplateKey
  readonly count: number
  readonly holds: readonly string[]
  /** The last acceptance report counted, so a re-run of that report counts nothing. */
  readonly lastRequest?: string
  readonly updatedAt: Date
}

const CREDITS = 'subscribe_credits'

export const creditId = (unionId: string, memberId: string, template: TemplateKey): string => `${unionId}:${memberId}:${template}`

/**
 * One more accept, up to the cap: a conditional increment, or the first document. A report past the
 * cap changes nothing (the client's count cannot be trusted; WeChat's own count is the real one).
 */
export async function addCredit(deps: Deps, unionId: string, memberId: string, template: TemplateKey, requestId: string): Promise<number> {
  const { db } = deps
  const _ = db.command
  const id = creditId(unionId, memberId, template)
  for (let attempt = 0; attempt < 3; attempt++) {
    // `lastRequest`: the same report run again (the entry re-runs a rate-limited call whole) adds nothing.
    const res = await db
      .collection(CREDITS)
      .where({ _id: id, count: _.lt(MAX_CREDITS_PER_TEMPLATE), lastRequest: _.neq(requestId) })
      .update({ count: _.inc(1), lastRequest: requestId, updatedAt: deps.clock.now() })
    if (res.updated === 1) break
    const doc = await creditOf(deps, id)
    if (doc) return doc.count // at the cap, or this request's accept already counted
    try {
      await db.collection(CREDITS).add({ _id: id, unionId, memberId, template, count: 1, holds: [], lastRequest: requestId, updatedAt: deps.clock.now() })
      return 1
    } catch (error) {
      // Another report made the first document meanwhile: increment that one.
      if (!isDuplicateWrite(error)) throw error
    }
  }
  return (await creditOf(deps, id))?.count ?? 0
}

export async function creditOf(deps: Deps, id: string): Promise<CreditDoc | null> {
  return ((await deps.db.collection(CREDITS).doc(id).get()).data[0] as CreditDoc | undefined) ?? null
}

/** The member's counts for these templates. */
export async function creditCounts(
  deps: Deps,
  unionId: string,
  memberId: string,
  templates: readonly TemplateKey[],
): Promise<Partial<Record<TemplateKey, number>>> {
  const ids = templates.map((t) => creditId(unionId, memberId, t))
  const rows = (
    await deps.db
      .collection(CREDITS)
      .where({ _id: deps.db.command.in(ids) })
      .limit(ids.length)
      .get()
  ).data as CreditDoc[]
  return Object.fromEntries(templates.map((t) => [t, rows.find((r) => r.template === t)?.count ?? 0]))
}

/** Takes one credit for a message: a conditional decrement that also records the hold. */
export async function takeCredit(deps: Deps, id: string, messageId: string): Promise<boolean> {
  const _ = deps.db.command
  const res = await deps.db
    .collection(CREDITS)
    .where({ _id: id, count: _.gt(0), holds: _.neq(messageId) })
    .update({ count: _.inc(-1), holds: _.push([messageId]), updatedAt: deps.clock.now() })
  return res.updated === 1
}

/** The credit was used (WeChat took the notice): only the hold goes. */
export async function spendHeld(deps: Deps, id: string, messageId: string): Promise<void> {
  await deps.db
    .collection(CREDITS)
    .where({ _id: id, holds: messageId })
    .update({ holds: deps.db.command.pull(messageId) })
}

/** The notice did not go out: the credit comes back, once (only while the hold is there). */
export async function returnHeld(deps: Deps, id: string, messageId: string): Promise<void> {
  const _ = deps.db.command
  await deps.db
    .collection(CREDITS)
    .where({ _id: id, holds: messageId })
    .update({ count: _.inc(1), holds: _.pull(messageId), updatedAt: deps.clock.now() })
}

/** 43101: WeChat has no acceptance left for this member and template, whatever we counted. */
export async function clearCredits(deps: Deps, id: string, messageId: string): Promise<void> {
  await deps.db
    .collection(CREDITS)
    .where({ _id: id })
    .update({ count: 0, holds: deps.db.command.pull(messageId), updatedAt: deps.clock.now() })
}
