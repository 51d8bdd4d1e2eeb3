import { frequencyBucket, type AidCategory } from '@shared/domain/hardship'
import type { Deps } from '../_lib/deps'
import { isDuplicateWrite } from '../_lib/db-errors'
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

/**
 * Claims a free slot for the request, trying the numbers not yet taken up to the rule's limit. A slot
 * already held by this same request (a concurrent or retried approval of it) counts as its own.
 * Answers the slot's id, or null when every allowance is taken.
 */
export async function claimSlot(deps: Deps, b: Bucket, c: AidCategory, requestId: string, state: BucketState): Promise<string | null> {
  if (state.own) return state.own
  const coll = deps.db.collection(GRANTS)
  for (let n = 1; n <= c.frequency.times; n++) {
    if (state.taken.has(n)) continue
    const _id = slotId(b, n)
    try {
      await coll.add({ _id, ...b, slot: n, requestId, at: deps.clock.now() })
      return _id
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error
      const holder = (await coll.doc(_id).get()).data[0] as HardshipGrantDoc | undefined
      if (holder?.requestId === requestId) return _id
    }
  }
  return null
}

/** Gives a slot back after the approval it was claimed for did not happen. */
export async function releaseSlot(deps: Deps, slot: string, requestId: string): Promise<void> {
  await deps.db.collection(GRANTS).where({ _id: slot, requestId }).remove()
}

/** A request that ends without approval holds no allowance (a claim left by an interrupted approval goes too). */
export async function releaseAll(deps: Deps, req: Pick<HardshipRequestDoc, '_id' | 'unionId'>): Promise<void> {
  await deps.db.collection(GRANTS).where({ unionId: req.unionId, requestId: req._id }).remove()
}
