import type { AuditAnchor, ChainVerification } from '@shared/contract'
import { dateTimeText } from '@shared/domain/time'
import type { Deps } from '../_lib/deps'

/**
 * What a chain is compared with to see a cut-off tail: the published head (audit_heads) and, per
 * auditor, the head their previous check saw (audit_checkpoints, _id = <union>:<member>). Someone
 * who deletes the newest entries and edits the head back still meets every auditor's checkpoint.
 */
export interface Anchor {
  readonly seq: number
  readonly hash: string
  readonly at: Date
}

export interface CheckpointDoc extends Anchor {
  readonly _id: string
  readonly unionId: string
  readonly memberId: string
  /** When this auditor's check that saw it ran. */
  readonly checkedAt: Date
}

export const fingerprint = (hash: string) => hash.slice(0, 8)
export const anchorView = (a: Anchor, at: Date = a.at): AuditAnchor => ({ seq: a.seq, fingerprint: fingerprint(a.hash), at: new Date(at).toISOString() })

const checkpointId = (unionId: string, memberId: string) => `${unionId}:${memberId}`

export const loadCheckpoint = async (deps: Deps, unionId: string, memberId: string) =>
  (await deps.db.collection('audit_checkpoints').doc(checkpointId(unionId, memberId)).get()).data[0] as CheckpointDoc | undefined

/** Only after an intact check: a warning stays until the cut is explained, however often one checks. */
export async function saveCheckpoint(deps: Deps, unionId: string, memberId: string, seen: Anchor): Promise<void> {
  await deps.db
    .collection('audit_checkpoints')
    .doc(checkpointId(unionId, memberId))
    .set({ unionId, memberId, seq: seen.seq, hash: seen.hash, at: seen.at, checkedAt: deps.clock.now() })
}

const missing = (from: number, to: number) => (to > from ? `第 ${from} 至第 ${to} 条` : `第 ${from} 条`)

/**
 * Pure: does an intact chain (hashes[i] = entry i+1's hash) still reach the anchor with the same
 * entry there? null when it does; otherwise where it was cut, in words for the audit committee.
 */
export function cutAgainst(
  hashes: readonly string[],
  anchor: Anchor | undefined,
  against: 'head' | 'checkpoint',
  now: Date,
  checkedAt?: Date,
): (NonNullable<ChainVerification['truncation']> & { brokenAt: number; reason: string }) | null {
  if (!anchor || anchor.seq < 1) return null
  const count = hashes.length
  const where =
    against === 'head'
      ? `公开栏公布的最新指纹 ${fingerprint(anchor.hash)}`
      : `您上次校验（${dateTimeText(checkedAt ?? anchor.at, now)}）时看到的指纹 ${fingerprint(anchor.hash)}`
  if (count < anchor.seq) {
    const reason =
      against === 'head'
        ? `账目记录应有 ${anchor.seq} 条（${where}），现在只有 ${count} 条：${missing(count + 1, anchor.seq)}记录被删除了`
        : `您上次校验（${dateTimeText(checkedAt ?? anchor.at, now)}）时账目记录有 ${anchor.seq} 条，现在只有 ${count} 条：${missing(count + 1, anchor.seq)}记录被删除了`
    return { against, expectedSeq: anchor.seq, actualSeq: count, brokenAt: count + 1, reason }
  }
  if (hashes[anchor.seq - 1] !== anchor.hash) {
    return {
      against,
      expectedSeq: anchor.seq,
      actualSeq: count,
      brokenAt: anchor.seq,
      reason: `第 ${anchor.seq} 条记录与${where}不一致：这条及之后的记录被删除后重新写过`,
    }
  }
  return null
}
