import type { AuditAnchor } from '@shared/contract'
import { dateTimeText } from '@shared/domain/time'

/**
 * 公开栏's line about the audit chain, in members' words. Publishing its length and newest
 * fingerprint means records cut off later no longer match what members have already seen.
 */
export const auditHeadText = (head: AuditAnchor, now: Date = new Date()): string =>
  `账目记录共 ${head.seq} 条，最新指纹 ${head.fingerprint}，更新于 ${dateTimeText(head.at, now)}`
