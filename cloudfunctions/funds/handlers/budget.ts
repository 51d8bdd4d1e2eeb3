import { BUDGET_LINE_LABELS, MAX_POSTING_FEN, type BudgetLine } from '@shared/domain/funds'
import { formatMoney } from '@shared/domain/money'
import { shanghaiYear } from '@shared/domain/time'
import type { Handler } from '../../_lib/entry'
import { AppError, invalid } from '../../_lib/app-error'
import { appendAudit } from '../../_lib/audit'
import { budgetView, campaignsStillRedeemable, closeBudget, loadBudget } from '../budget.repo'
import { carryChange, describeChange, recordChange, settleChange, writeVersion } from '../budget-versions'

export const getBudget: Handler<'funds.budget'> = async ({ deps, me, input }) => budgetView(deps, me.unionId, input.year)

/** Enough rounds for a handful of admins saving at once; each round waits a little longer. */
const ATTEMPTS = 12
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 40 * (attempt + 1)))

/**
 * The year's amounts per line. A line cannot go below what it has already committed and spent.
 * One versioned write per change (budget-versions.ts): two admins saving at once are applied one
 * after the other, each line's remainder moves by exactly the difference, and the change is audited.
 */
export const setBudget: Handler<'funds.setBudget'> = async ({ deps, me, input, timeLimitMs }) => {
  const entries = Object.entries(input.lines) as [BudgetLine, number][]
  for (const [line, amount] of entries)
    if (amount > MAX_POSTING_FEN * 10) throw invalid(`「${BUDGET_LINE_LABELS[line]}」预算金额过大，请核对`, { field: `lines.${line}` })
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await loadBudget(deps, me.unionId, input.year)
    if (current.closed) throw new AppError('CLOSED', `${input.year} 年已结账，不能再记账`)
    const settled = await settleChange(deps, current, timeLimitMs)
    const view = await budgetView(deps, me.unionId, input.year)
    for (const [line, amount] of entries) {
      const used = view.lines.find((l) => l.line === line)!
      const floor = used.committed + used.spent
      if (amount < floor) throw invalid(`「${BUDGET_LINE_LABELS[line]}」已使用 ${formatMoney(floor)} 元，预算不能少于此数`, { field: `lines.${line}` })
    }
    const next = { ...current.lines, ...input.lines }
    const change = describeChange(current, next, { id: me.member._id, name: me.member.name }, deps.clock.now())
    // Nothing to change — also where a retry lands after its first try wrote the budget and died.
    if (!change) return view
    if (settled && (await writeVersion(deps, current, next, change))) {
      await carryChange(deps, current, change)
      await recordChange(deps, current, change, false)
      return budgetView(deps, me.unionId, input.year)
    }
    await pause(attempt)
  }
  // An open change of this admin's own is their earlier try, cut off: it completes once that try is surely over.
  const open = (await loadBudget(deps, me.unionId, input.year)).change
  if (open && !open.done && open.by === me.member._id) throw new AppError('CONFLICT', '您刚才的预算调整还在处理中，请稍后再试')
  throw new AppError('CONFLICT', '其他管理员正在调整预算，请稍后再试')
}

/** 结账 once the year's benefits can no longer be redeemed; afterwards nothing posts to it. */
export const closeYear: Handler<'funds.closeYear'> = async ({ deps, me, input }) => {
  const now = deps.clock.now()
  if (input.year >= shanghaiYear(now)) throw invalid('只能结账已经过去的年份', { field: 'year' })
  const open = await campaignsStillRedeemable(deps, me.unionId, input.year, now)
  if (open) throw new AppError('CONFLICT', `${input.year} 年还有 ${open} 项福利未到兑换截止时间，不能结账`)
  const current = await loadBudget(deps, me.unionId, input.year)
  if (current.closed) return budgetView(deps, me.unionId, input.year)
  await settleChange(deps, current)
  // Only the flag: the lines, version and any open change stay as they are. Two closings audit once.
  const closedNow = await closeBudget(deps, current, { at: now, by: me.member._id })
  if (closedNow)
    await appendAudit(deps, {
      unionId: me.unionId,
      actor: me.member._id,
      actorName: me.member.name,
      action: 'year.close',
      target: `${input.year} 年`,
      data: {},
    })
  return budgetView(deps, me.unionId, input.year)
}
