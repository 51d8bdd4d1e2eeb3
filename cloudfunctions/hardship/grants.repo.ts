import { frequencyBucket, type AidCategory } from '@shared/domain/hardship'
import type { Deps } from '../_lib/deps'
import { txGet, type Tx } from '../_lib/transaction'
import type { HardshipGrantDoc, HardshipRequestDoc } from '../_lib/documents'
import { derivedId } from './requests.repo'

const GRANTS = 'hardship_grants'

/**
 * The frequency rule's counter, kept as slots: approving the n-th time a member receives a category
 * in a period (and case) inserts slot n, whose `_id` derives from those parts. Two approvals racing
 * for the last allowance try the same `_id`; the database lets one in.
 */
export interface Bucket {
  readonly unionId: string
  readonly memberId: string
  readonly category: string
  readonly period: string
  readonly caseKey: string
}

export const bucketOf = (req: HardshipRequestDoc, c: AidCategory, caseLabel: string | null | undefined): Bucket => ({
  unionId: req.unionId,
  memberId: req.memberId,
  category: c.key,
  ...frequencyBucket(c, req.year, caseLabel),
})

const slotId = (b: Bucket, n: number) => derivedId('grant', b.unionId, b.memberId, b.category, b.period, b.caseKey, n)

export interface BucketState {
  /** Allowances given to other requests. */
  readonly used: number
  /** Slot numbers held, by anyone. */
  readonly taken: ReadonlySet<number>
  /** A slot this request already holds (an approval of it interrupted or racing), if any. */
  readonly own: string | null
}

/** The bucket as it stands (a read: nothing written). */
export async function readBucket(deps: Deps, b: Bucket, requestId: string): Promise<BucketState> {
  const res = await deps.db.collection(GRANTS).where({ ...b }).field({ _id: true, slot: true, requestId: true }).limit(100).get()
  const slots = res.data as Pick<HardshipGrantDoc, '_id' | 'slot' | 'requestId'>[]
  return {
    used: slots.filter((g) => g.requestId !== requestId).length,
    taken: new Set(slots.map((g) => g.slot)),
    own: slots.find((g) => g.requestId === requestId)?._id ?? null,
  }
}

/** The slot an approval will hold: the request's own already (`held`), or the first free one. */
export interface SlotChoice {
  readonly id: string
  readonly n: number
  readonly held: boolean
}

/**
 * Finds a free slot for the request inside the approval's transaction (reads only, so a refusal
 * writes nothing), trying the numbers not yet taken up to the rule's limit. Each is read inside,
 * so an approval racing for the same slot makes one commit conflict; it runs again and finds the
 * slot taken. A slot this request already holds (left by an approval cut under the earlier,
 * step-by-step code) counts as its own. null when every allowance is taken.
 */
export async function freeSlotIn(tx: Tx, b: Bucket, c: AidCategory, requestId: string, state: BucketState): Promise<SlotChoice | null> {
  if (state.own) return { id: state.own, n: 0, held: true }
  for (let n = 1; n <= c.frequency.times; n++) {
    if (state.taken.has(n)) continue
    const id = slotId(b, n)
    const holder = await txGet<HardshipGrantDoc>(tx, GRANTS, id)
    if (!holder) return { id, n, held: false }
    if (holder.requestId === requestId) return { id, n, held: true }
  }
  return null
}

/** Takes the slot found by freeSlotIn (in the same transaction). */
export async function holdSlotIn(tx: Tx, deps: Deps, b: Bucket, slot: SlotChoice, requestId: string): Promise<void> {
  if (!slot.held) await tx.collection(GRANTS).add({ _id: slot.id, ...b, slot: slot.n, requestId, at: deps.clock.now() })
}

/** A request that ends without approval holds no allowance (a claim left by an interrupted approval goes too). */
export async function releaseAll(deps: Deps, req: Pick<HardshipRequestDoc, '_id' | 'unionId'>): Promise<void> {
  await deps.db.collection(GRANTS).where({ unionId: req.unionId, requestId: req._id }).remove()
}
