import type { MessageTarget } from '@shared/domain/messages'
import { readTogether, stages, type SubRead } from '../_lib/batch-read'
import type { Deps } from '../_lib/deps'

/** The collection each checkable target lives in; the 福利 list and the reviewer's file list always exist. */
const COLLECTION_OF = { activity: 'activities', voucher: 'vouchers', request: 'hardship_requests', review: 'hardship_requests', group: 'groups' } as const

type Checkable = Extract<MessageTarget, { id: string }>

const checkable = (t: MessageTarget | null): t is Checkable => !!t && t.kind in COLLECTION_OF && 'id' in t && typeof t.id === 'string'

/**
 * Reads of which targets of a page of messages still exist in the union: one id-only read per
 * collection the page points into (at most four), to run inside a batch (see batch-read.ts).
 */
export function targetReads(deps: Deps, unionId: string, targets: readonly (MessageTarget | null)[]): Record<string, SubRead> {
  const _ = deps.db.command
  const byCollection = new Map<string, Set<string>>()
  for (const t of targets.filter(checkable)) {
    const coll = COLLECTION_OF[t.kind]
    byCollection.set(coll, (byCollection.get(coll) ?? new Set()).add(t.id))
  }
  return Object.fromEntries(
    [...byCollection].map(([coll, ids]) => [
      coll,
      {
        from: coll,
        pipeline: stages(deps)
          .match({ _id: _.in([...ids]), unionId })
          .project({ _id: 1 })
          .limit(ids.size)
          .done(),
      },
    ]),
  )
}

/** Which targets exist, from the rows of targetReads. Key: `<kind>:<id>`. */
export function presentTargets(targets: readonly (MessageTarget | null)[], rows: Readonly<Record<string, readonly unknown[]>>): Set<string> {
  const present = new Set(Object.entries(rows).flatMap(([coll, found]) => (found as { _id: string }[]).map((r) => `${coll}:${r._id}`)))
  const out = new Set<string>()
  for (const t of targets.filter(checkable)) if (present.has(`${COLLECTION_OF[t.kind]}:${t.id}`)) out.add(targetKey(t))
  return out
}

/** Which targets of a page of messages still exist in the union: one round trip (none when nothing is checkable). */
export async function existingTargets(deps: Deps, unionId: string, targets: readonly (MessageTarget | null)[]): Promise<Set<string>> {
  const reads = targetReads(deps, unionId, targets)
  if (!Object.keys(reads).length) return new Set()
  const batch = await readTogether(deps, { collection: 'unions', where: { _id: unionId } }, reads)
  return presentTargets(targets, batch?.rows ?? {})
}

export const targetKey = (t: Checkable): string => `${t.kind}:${t.id}`

export const isCheckable = checkable
