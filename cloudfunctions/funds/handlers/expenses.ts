import type { ExpenseView } from '@shared/contract'
import { amountProblem, selfApprovalProblem } from '@shared/domain/funds'
import { hasRole, mayManageScope } from '@shared/domain/authorization'
import { shanghaiYear } from '@shared/domain/time'
import type { Handler } from '../../_lib/entry'
import type { Deps } from '../../_lib/deps'
import { AppError, forbidden, invalid, notFound } from '../../_lib/app-error'
import { derivedId } from '../../_lib/derived-id'
import type { ActivityDoc } from '../../_lib/documents'
import { temporaryLinks } from '../../_lib/files'
import { requireOpenYear } from '../../_lib/ledger'
import { TransactionContended } from '../../_lib/transaction'
import { AlreadyDecided, approveExpense, finishDecision, rejectExpense } from '../expense-decisions'
import { activityInUnion, expenseInUnion, expensesPage, insertExpense, type ExpenseDoc } from '../expenses.repo'
import type { CallerMember } from '../../_lib/membership'
import { uploadFolderOf } from '../../_lib/uploads'

async function views(deps: Deps, docs: readonly ExpenseDoc[]): Promise<ExpenseView[]> {
  const links = await temporaryLinks(docs.flatMap((d) => d.invoiceFileIds))
  return docs.map((d) => ({
    id: d._id,
    activityId: d.activityId,
    activityTitle: d.activityTitle,
    amount: d.amount,
    items: d.items,
    invoiceUrls: d.invoiceFileIds.map((f) => links.get(f) ?? '').filter(Boolean),
    status: d.status,
    requestedBy: d.requestedByName,
    requestedAt: d.requestedAt.toISOString(),
    decidedBy: d.decidedByName,
    decidedAt: d.decidedAt ? d.decidedAt.toISOString() : null,
    reason: d.reason,
  }))
}

const organizes = (me: CallerMember, a: ActivityDoc) =>
  a.scope.kind === 'union' ? hasRole(me.subject, 'admin') : mayManageScope(me.subject, { unionId: a.unionId, kind: a.scope.kind, id: a.scope.id })

/**
 * The organizer's claim: items add up to the amount; the invoice photos are their own uploads.
 * Nothing is posted until an admin approves. The claim's id derives from the organizer and the
 * form's key, so the same form sent again answers the claim it made (as it stands now), not a second.
 */
export const recordExpense: Handler<'funds.recordExpense'> = async ({ deps, me, input }) => {
  const a = await activityInUnion(deps, me.unionId, input.activityId)
  if (!a) throw notFound('没有找到这个活动')
  if (!organizes(me, a)) throw forbidden('只有活动的组织者可以报销活动费用')
  for (const [i, item] of input.items.entries()) {
    const problem = amountProblem(item.unitPrice)
    if (problem) throw invalid(`第 ${i + 1} 项「${item.name}」单价：${problem}`, { field: `items.${i}.unitPrice` })
  }
  const amount = input.items.reduce((s, i) => s + i.quantity * i.unitPrice, 0)
  const problem = amountProblem(amount)
  if (problem) throw invalid(`合计${problem}`, { field: 'items' })
  if (input.invoiceFileIds.some((f) => !f.includes(`/${uploadFolderOf(me.openid)}/`))) throw invalid('发票照片需要由您本人上传', { field: 'invoiceFileIds' })
  const year = shanghaiYear(a.startAt)
  await requireOpenYear(deps, me.unionId, year)
  const doc: ExpenseDoc = {
    _id: derivedId('expense', me.unionId, me.member._id, input.key),
    unionId: me.unionId,
    activityId: a._id,
    activityTitle: a.title,
    year,
    amount,
    items: input.items,
    invoiceFileIds: input.invoiceFileIds,
    status: 'pending',
    requestedBy: me.member._id,
    requestedByName: me.member.name,
    requestedAt: deps.clock.now(),
    decidedBy: null,
    decidedByName: null,
    decidedAt: null,
    reason: '',
  }
  if (await insertExpense(deps, doc)) return (await views(deps, [doc]))[0]
  const first = await expenseInUnion(deps, me.unionId, doc._id)
  if (!first) throw new AppError('INTERNAL', '报销申请暂时无法读取，请稍后刷新查看')
  return (await views(deps, [first]))[0]
}

export const listExpenses: Handler<'funds.expenses'> = async ({ deps, me, input }) => {
  const everyone = !input.mine && (hasRole(me.subject, 'admin') || hasRole(me.subject, 'auditor'))
  const { docs, total } = await expensesPage(deps, me.unionId, everyone ? null : me.member._id, input.status, input.page, input.pageSize)
  return { items: await views(deps, docs), total, page: input.page, pageSize: input.pageSize }
}

/**
 * Approval: not by the person who asked; the amount must fit the 文体活动 line's remainder. The
 * claim flips pending → approved once, in the same transaction as the remainder and the spend
 * (expense-decisions.ts). The same decision again by the same admin (a retry after a lost answer
 * or a crash) answers the decided claim, finishing its audit entry if the first try died before it.
 */
export const decideExpense: Handler<'funds.decideExpense'> = async ({ deps, me, input, timeLimitMs }) => {
  const load = () => expenseInUnion(deps, me.unionId, input.id)
  const e = await load()
  if (!e) throw notFound('没有找到这笔报销')
  const self = selfApprovalProblem(me.member._id, e.requestedBy)
  if (self) throw forbidden(self)
  if (e.status !== 'pending') return decidedBefore(deps, me, e, input.approve, timeLimitMs)
  if (!input.approve && !input.reason) throw invalid('退回时请写明原因', { field: 'reason' })
  await requireOpenYear(deps, me.unionId, e.year)
  let decided: ExpenseDoc
  try {
    decided = input.approve ? await approveExpense(deps, me, e, timeLimitMs) : await rejectExpense(deps, me, e, input.reason, timeLimitMs)
  } catch (error) {
    // Another admin decided meanwhile (nothing of this call was written), or others kept the claim busy.
    if (!(error instanceof AlreadyDecided || error instanceof TransactionContended)) throw error
    const now = await load()
    if (now && now.status !== 'pending') return decidedBefore(deps, me, now, input.approve, timeLimitMs, true)
    throw error
  }
  await finishDecision(deps, decided, { token: decided.followUp!.token, timeLimitMs })
  return (await views(deps, [decided]))[0]
}

/** Decided already: by this admin the same way, the claim as decided (finished if a try was cut); otherwise refused. */
async function decidedBefore(deps: Deps, me: CallerMember, e: ExpenseDoc, approve: boolean, timeLimitMs: number, justNow = false): Promise<ExpenseView> {
  if (e.decidedBy === me.member._id && (e.status === 'approved') === approve) {
    await finishDecision(deps, e, { timeLimitMs })
    return (await views(deps, [e]))[0]
  }
  if (justNow) throw new AppError('CONFLICT', '这笔报销刚刚已被审批')
  throw new AppError('CONFLICT', e.status === 'approved' ? '这笔报销已经审批通过' : '这笔报销已经退回')
}
