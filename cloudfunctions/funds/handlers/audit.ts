import { BUDGET_LINE_LABELS, type BudgetLine } from '@shared/domain/funds'
import { formatMoney } from '@shared/domain/money'
import type { Handler } from '../../_lib/entry'
import type { Deps } from '../../_lib/deps'
import { advanceAuditHead, auditPage, loadAuditHead, verifyChain, type AuditEntry } from '../../_lib/audit'
import { entriesByIds, ledgerDigest, sealLedger } from '../../_lib/ledger'
import { anchorView, cutAgainst, loadCheckpoint, saveCheckpoint } from '../audit-anchors.repo'

/**
 * What an entry is about, for people. Hardship steps are recorded by request id (the trail names no
 * member and no story; the id also finds the entry again on a retry): shown as their line and
 * amount instead — the same facts the ledger publishes, never a 32-character id.
 */
function targetText(e: AuditEntry): string {
  if (e.action === 'hardship.approve' || e.action === 'hardship.pay') {
    const line = e.data.line as BudgetLine | undefined
    const amount = e.data.amountFen as number | undefined
    return `${line && BUDGET_LINE_LABELS[line] ? BUDGET_LINE_LABELS[line] : '帮扶慰问'}${typeof amount === 'number' ? ` ${formatMoney(amount)} 元` : ''}`
  }
  return e.target
}

export const auditLog: Handler<'funds.auditLog'> = async ({ deps, me, input }) => {
  const { entries, total } = await auditPage(deps, me.unionId, input.page, input.pageSize)
  return {
    items: entries.map((e) => ({ seq: e.seq, at: e.at.toISOString(), actor: e.actorName, action: e.action, target: targetText(e), hash: e.hash })),
    total,
    page: input.page,
    pageSize: input.pageSize,
  }
}

/** A seal vouches for ledger entries: each must still exist with the digest it had when sealed. */
const ledgerMatches =
  (deps: Deps) =>
  async (e: AuditEntry): Promise<string | null> => {
    if (e.action !== 'ledger.seal') return null
    const digests = e.data.digests as Record<string, string>
    const ids = Object.keys(digests)
    const found = await entriesByIds(deps, ids)
    for (const id of ids) {
      const doc = found.get(id)
      if (!doc) return `第 ${e.seq} 条记录担保的分录 ${id} 已被删除`
      if (ledgerDigest(doc) !== digests[id]) return `第 ${e.seq} 条记录担保的分录 ${id} 被改动`
    }
    return null
  }

/**
 * 经费审查: seals what is pending, walks the whole chain and every sealed ledger entry, then
 * compares its end with the published head and with what this caller's previous check saw, so
 * newest entries cut off (and the head edited back) still show. An intact check moves both on.
 */
export const verifyAudit: Handler<'funds.verify'> = async ({ deps, me }) => {
  await sealLedger(deps, me.unionId)
  const check = await verifyChain(deps, me.unionId, ledgerMatches(deps))
  const [head, checkpoint] = await Promise.all([loadAuditHead(deps, me.unionId), loadCheckpoint(deps, me.unionId, me.member._id)])
  const lastSeen = checkpoint ? anchorView(checkpoint, checkpoint.checkedAt) : null
  const published = head ? anchorView(head) : null
  if (!check.ok) return { ok: false, checked: check.checked, brokenAt: check.brokenAt, reason: check.reason, truncation: null, lastSeen, head: published }
  const cut =
    cutAgainst(check.hashes, head, 'head', deps.clock.now()) ?? cutAgainst(check.hashes, checkpoint, 'checkpoint', deps.clock.now(), checkpoint?.checkedAt)
  if (cut) {
    const { brokenAt, reason, ...truncation } = cut
    deps.log('warn', 'audit-truncated', { unionId: me.unionId, ...truncation })
    return { ok: false, checked: check.checked, brokenAt, reason, truncation, lastSeen, head: published }
  }
  if (!check.last) return { ok: true, checked: 0, brokenAt: null, reason: null, truncation: null, lastSeen, head: published }
  // The head lags when an append died before moving it; the chain has just been checked up to here.
  await advanceAuditHead(deps, me.unionId, check.last)
  await saveCheckpoint(deps, me.unionId, me.member._id, check.last)
  return { ok: true, checked: check.checked, brokenAt: null, reason: null, truncation: null, lastSeen, head: anchorView(check.last) }
}
