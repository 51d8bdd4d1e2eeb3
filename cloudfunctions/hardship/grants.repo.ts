import { frequencyBucket, type AidCategory } from '@shared/domain/hardship'
import type { Deps } from '../_lib/deps'
import type { Tx } from '../_lib/transaction'
import type { HardshipGrantDoc, HardshipRequestDoc } from './records'
import { derivedId } from './requests.repo'

export const GRANTS = 'hardship_grants'

/**
 * The frequency rule's counter, kept as slots: approving the n-th time a member receives a category
 * in a period (and case) inserts slot n, whose `_id` derives from those parts. Two approvals racing
 * for the last allowance insert the same `_id`; the database lets one in.
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

export type GrantRow = Pick<HardshipGrantDoc, '_id' | 'slot' | 'requestId' | 'period' | 'caseKey'>

export interface BucketState {
  /** Allowances given to other requests. */
  readonly used: number
  /** Slot numbers held, by anyone. */
  readonly taken: ReadonlySet<number>
  /** A slot this request already holds (an approval of it interrupted under the earlier, step-by-step code), if any. */
  readonly own: string | null
}

/** The bucket among a member's grants of the category (all periods and cases, as one read brings them). */
export function bucketState(rows: readonly GrantRow[], b: Bucket, requestId: string): BucketState {
  const slots = rows.filter((g) => g.period === b.period && g.caseKey === b.caseKey)
  return {
    used: slots.filter((g) => g.requestId !== requestId).length,
    taken: new Set(slots.map((g) => g.slot)),
    own: slots.find((g) => g.requestId === requestId)?._id ?? null,
  }
}

/** The bucket as it stands (a read: nothing written). */
export async function readBucket(deps: Deps, b: Bucket, requestId: string): Promise<BucketState> {
  const res = await deps.db
    .collection(GRANTS)
    .where({ ...b })
    .field({ _id: true, slot: true, requestId: true, period: true, caseKey: true })
    .limit(100)
    .get()
  return bucketState(res.data as GrantRow[], b, requestId)
}

/** The slot an approval will hold: the request's own already (`held`), or the first free one. */
export interface SlotChoice {
  readonly id: string
  readonly n: number
  readonly held: boolean
}

/**
 * The first slot number not taken, up to the rule's limit, or the request's own. No read: the
 * insert decides — an approval racing for the same slot makes one insert collide, and its
 * transaction runs again on a fresh read of the bucket. null when every allowance is taken.
 */
export function freeSlot(b: Bucket, c: AidCategory, state: BucketState): SlotChoice | null {
  if (state.own) return { id: state.own, n: 0, held: true }
  for (let n = 1; n <= c.frequency.times; n++) if (!state.taken.has(n)) return { id: slotId(b, n), n, held: false }
  return null
}

/** Takes the slot chosen by freeSlot, in the approval's transaction. */
export async function holdSlotIn(tx: Tx, deps: Deps, b: Bucket, slot: SlotChoice, requestId: string): Promise<void> {
  if (!slot.held) await tx.collection(GRANTS).add({ _id: slot.id, ...b, slot: slot.n, requestId, at: deps.clock.now() })
}

/** A request that ends without approval holds no allowance (a claim left by an interrupted approval goes too). */
export async function releaseAll(deps: Deps, req: Pick<HardshipRequestDoc, '_id' | 'unionId'>): Promise<void> {
  await deps.db.collection(GRANTS).where({ unionId: req.unionId, requestId: req._id }).remove()
}

/** A member's grants of one category, as a lookup's pipeline on the request (`$$u`, `$$m`, `$$c`). */
export const grantsLookup = {
  from: GRANTS,
  let: { u: '$unionId', m: '$memberId', c: '$category' },
  pipeline: [
    { $match: { $expr: { $and: [{ $eq: ['$unionId', '$$u'] }, { $eq: ['$memberId', '$$m'] }, { $eq: ['$category', '$$c'] }] } } },
    { $project: { _id: 1, slot: 1, requestId: 1, period: 1, caseKey: 1 } },
    { $limit: 100 },
  ],
}
