import type { AuditAnchor } from '@shared/contract'
import { inShanghai } from '../../constants/activities'

/**
 * 公开栏's line about the audit chain, in members' words. Publishing its length and newest
 * fingerprint means records cut off later no longer match what members have already seen.
 */
export const auditHeadText = (head: AuditAnchor): string => `账目记录共 ${head.seq} 条，最新指纹 ${head.fingerprint}，更新于 ${inShanghai(head.at).format('YYYY-MM-DD HH:mm')}`
