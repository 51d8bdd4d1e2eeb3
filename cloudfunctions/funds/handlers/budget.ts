import { BUDGET_LINE_LABELS, BUDGET_LINES, MAX_POSTING_FEN, type BudgetLine } from '@shared/domain/funds'
import { formatYuan } from '@shared/domain/money'
import { shanghaiYear } from '@shared/domain/time'
import type { Handler } from '../../_lib/entry'
import { AppError, invalid } from '../../_lib/app-error'
import { appendAudit } from '../../_lib/audit'
import { adjustAvailable, budgetId, requireOpenYear } from '../../_lib/ledger'
import { budgetView, loadBudget } from '../budget.repo'

export const getBudget: Handler<'funds.budget'> = async ({ deps, me, input }) => budgetView(deps, me.unionId, input.year)

/**
 * The year's amounts per line. A line cannot go below what it has already committed and spent;
 * each line's remainder moves by the difference, and the change is audited with old and new.
 */
export const setBudget: Handler<'funds.setBudget'> = async ({ deps, me, input }) => {
  await requireOpenYear(deps, me.unionId, input.year)
  const entries = Object.entries(input.lines) as [BudgetLine, number][]
  for (const [line, amount] of entries) if (amount > MAX_POSTING_FEN * 10) throw invalid(`「${BUDGET_LINE_LABELS[line]}」预算金额过大，请核对`, { field: `lines.${line}` })
  const [current, view] = await Promise.all([loadBudget(deps, me.unionId, input.year), budgetView(deps, me.unionId, input.year)])
  for (const [line, amount] of entries) {
    const used = view.lines.find((l) => l.line === line)!
    const floor = used.committed + used.spent
    if (amount < floor) throw invalid(`「${BUDGET_LINE_LABELS[line]}」已使用 ${formatYuan(floor)} 元，预算不能少于此数`, { field: `lines.${line}` })
  }
  const next = { ...current.lines, ...input.lines }
  const changed = BUDGET_LINES.filter((l) => (current.lines[l] ?? 0) !== (next[l] ?? 0))
  if (!changed.length) return view
  await deps.db.collection('budgets').doc(budgetId(me.unionId, input.year)).set({ unionId: me.unionId, year: input.year, lines: next, closed: false, updatedAt: deps.clock.now(), updatedBy: me.member._id })
  for (const line of changed) await adjustAvailable(deps, me.unionId, input.year, line, (next[line] ?? 0) - (current.lines[line] ?? 0))
  await appendAudit(deps, {
    unionId: me.unionId,
    actor: me.member._id,
    actorName: me.member.name,
    action: 'budget.set',
    target: `${input.year} 年预算`,
    data: Object.fromEntries(changed.map((l) => [l, { from: current.lines[l] ?? 0, to: next[l] ?? 0 }])),
  })
  return budgetView(deps, me.unionId, input.year)
}

/** 结账 once the year's benefits can no longer be redeemed; afterwards nothing posts to it. */
export const closeYear: Handler<'funds.closeYear'> = async ({ deps, me, input }) => {
  const now = deps.clock.now()
  if (input.year >= shanghaiYear(now)) throw invalid('只能结账已经过去的年份', { field: 'year' })
  const open = await deps.db.collection('campaigns').where({ unionId: me.unionId, year: input.year, redeemUntil: deps.db.command.gt(now) }).count()
  if (open.total) throw new AppError('CONFLICT', `${input.year} 年还有 ${open.total} 项福利未到兑换截止时间，不能结账`)
  const current = await loadBudget(deps, me.unionId, input.year)
  if (current.closed) return budgetView(deps, me.unionId, input.year)
  await deps.db.collection('budgets').doc(budgetId(me.unionId, input.year)).set({ unionId: me.unionId, year: input.year, lines: current.lines, closed: true, closedAt: now, closedBy: me.member._id })
  await appendAudit(deps, { unionId: me.unionId, actor: me.member._id, actorName: me.member.name, action: 'year.close', target: `${input.year} 年`, data: {} })
  return budgetView(deps, me.unionId, input.year)
}
