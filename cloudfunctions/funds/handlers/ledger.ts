import type { LedgerRow } from '@shared/contract'
import { BUDGET_LINE_LABELS } from '@shared/domain/funds'
import type { Handler } from '../../_lib/entry'
import { AppError, notFound } from '../../_lib/app-error'
import { appendAudit } from '../../_lib/audit'
import { adjustAvailable, entryById, ledgerPage, post, requireOpenYear, type LedgerEntryDoc } from '../../_lib/ledger'

const row = (e: LedgerEntryDoc, reversedBy: string | null): LedgerRow => ({
  id: e._id,
  at: e.at.toISOString(),
  line: e.line,
  lineName: BUDGET_LINE_LABELS[e.line],
  committed: e.committed,
  spent: e.spent,
  source: e.source,
  memo: e.memo,
  by: e.byName,
  reverses: e.reverses,
  reversedBy,
})

export const listLedger: Handler<'funds.ledger'> = async ({ deps, me, input }) => {
  const { entries, total, reversedBy } = await ledgerPage(deps, me.unionId, input.year, input.line, input.page, input.pageSize)
  return { items: entries.map((e) => row(e, reversedBy.get(e._id) ?? null)), total, page: input.page, pageSize: input.pageSize }
}

/** 冲正: a new entry with the opposite amounts, keyed by the one it reverses, so it happens once. */
export const correctEntry: Handler<'funds.correct'> = async ({ deps, me, input }) => {
  const original = await entryById(deps, input.entryId)
  if (!original || original.unionId !== me.unionId) throw notFound('没有找到这笔分录')
  if (original.reverses) throw new AppError('CONFLICT', '冲正分录不能再冲正')
  await requireOpenYear(deps, me.unionId, original.year)
  const id = `correction:${original._id}`
  if (await entryById(deps, id)) throw new AppError('CONFLICT', '这笔分录已经冲正过了')
  const { entry, created } = await post(deps, {
    _id: id,
    unionId: me.unionId,
    year: original.year,
    line: original.line,
    committed: -original.committed,
    spent: -original.spent,
    source: { type: 'correction', id: original._id },
    memo: `冲正：${input.reason}`,
    by: me.member._id,
    byName: me.member.name,
    reverses: original._id,
  })
  if (!created) throw new AppError('CONFLICT', '这笔分录已经冲正过了')
  await adjustAvailable(deps, me.unionId, original.year, original.line, original.committed + original.spent)
  await appendAudit(deps, {
    unionId: me.unionId,
    actor: me.member._id,
    actorName: me.member.name,
    action: 'ledger.correct',
    target: original.memo,
    data: { entryId: original._id, reason: input.reason, committed: -original.committed, spent: -original.spent },
  })
  return row(entry, null)
}
