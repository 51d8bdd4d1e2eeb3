import type { MessageTarget } from '@shared/domain/messages'
import type { Deps } from '../_lib/deps'

/** The collection each checkable target lives in; the 福利 list and the reviewer's file list always exist. */
const COLLECTION_OF = { activity: 'activities', voucher: 'vouchers', request: 'hardship_requests', review: 'hardship_requests', group: 'groups' } as const

type Checkable = Extract<MessageTarget, { id: string }>

const checkable = (t: MessageTarget | null): t is Checkable => !!t && t.kind in COLLECTION_OF && 'id' in t && typeof t.id === 'string'

/**
 * Which targets of a page of messages still exist in the union: one id-only query per collection
 * the page points into (at most four, in parallel). Key: `<kind>:<id>`.
 */
export async function existingTargets(deps: Deps, unionId: string, targets: readonly (MessageTarget | null)[]): Promise<Set<string>> {
  const _ = deps.db.command
  const byCollection = new Map<string, Set<string>>()
  for (const t of targets.filter(checkable)) {
    const coll = COLLECTION_OF[t.kind]
    byCollection.set(coll, (byCollection.get(coll) ?? new Set()).add(t.id))
  }
  const found = await Promise.all(
    [...byCollection].map(async ([coll, ids]) => {
      const rows = (await deps.db.collection(coll).where({ _id: _.in([...ids]), unionId }).field({ _id: true }).limit(ids.size).get()).data as { _id: string }[]
      return rows.map((r) => `${coll}:${r._id}`)
    }),
  )
  const present = new Set(found.flat())
  const out = new Set<string>()
  for (const t of targets.filter(checkable)) if (present.has(`${COLLECTION_OF[t.kind]}:${t.id}`)) out.add(targetKey(t))
  return out
}

export const targetKey = (t: Checkable): string => `${t.kind}:${t.id}`

export const isCheckable = checkable
