import { isDuplicateWrite } from '../_lib/db-errors'
import type { ActivityDoc } from '../_lib/documents'
import type { Deps } from '../_lib/deps'
import type { FollowUp } from '../_lib/follow-up'
import { readAll } from '../_lib/read-all'
import { txGet, type Tx } from '../_lib/transaction'
import { readPage } from '../_lib/read-page'

/**
 * Activity expense claims (活动经费报销): the only code that names the `expenses` collection. Also
 * the one read of an activity this domain makes (whose claim it is), kept here rather than in a
 * handler.
 */
export const EXPENSES = 'expenses'

export interface ExpenseDoc {
  readonly _id: string
  readonly unionId: string
  readonly activityId: string
  readonly activityTitle: string
  readonly year: number
  readonly amount: number
  readonly items: readonly { name: string; quantity: number; unitPrice: number }[]
  readonly invoiceFileIds: readonly string[]
  readonly status: 'pending' | 'approved' | 'rejected'
  readonly requestedBy: string
  readonly requestedByName: string
  readonly requestedAt: Date
  readonly decidedBy: string | null
  readonly decidedByName: string | null
  readonly decidedAt: Date | null
  readonly reason: string
  /** The decision's audit entry, still to be appended (expense-decisions.ts). */
  readonly followUp?: FollowUp
}

const expenses = (deps: Deps) => deps.db.collection(EXPENSES)

/** A claim of this union, or undefined (another union's claim does not exist here). */
export async function expenseInUnion(deps: Deps, unionId: string, id: string): Promise<ExpenseDoc | undefined> {
  const e = (await expenses(deps).doc(id).get()).data[0] as ExpenseDoc | undefined
  return e && e.unionId === unionId ? e : undefined
}

/** A new claim; false when one of this id exists already (the same form sent again: its id derives from the form's key). */
export async function insertExpense(deps: Deps, doc: ExpenseDoc): Promise<boolean> {
  try {
    await expenses(deps).add(doc)
    return true
  } catch (error) {
    if (isDuplicateWrite(error)) return false
    throw error
  }
}

/** Claims newest first: everyone's (admins, auditors) or one member's, optionally in one status. */
export async function expensesPage(
  deps: Deps,
  unionId: string,
  by: string | null,
  status: ExpenseDoc['status'] | undefined,
  page: number,
  pageSize: number,
): Promise<{ docs: ExpenseDoc[]; total: number }> {
  const query = expenses(deps).where({ unionId, ...(by ? { requestedBy: by } : {}), ...(status ? { status } : {}) })
  return readPage<ExpenseDoc>(query, [['requestedAt', 'desc']], page, pageSize)
}

type Decision = Pick<ExpenseDoc, 'status' | 'decidedBy' | 'decidedByName' | 'decidedAt' | 'reason'> & { readonly followUp: FollowUp }

/** The claim inside a decision's transaction. */
export const expenseIn = (tx: Tx, id: string): Promise<ExpenseDoc | undefined> => txGet<ExpenseDoc>(tx, EXPENSES, id)

/** The decision written inside its transaction. */
export async function decideIn(tx: Tx, deps: Deps, id: string, d: Decision): Promise<void> {
  await tx
    .collection(EXPENSES)
    .doc(id)
    .update({ ...d, followUp: deps.db.command.set(d.followUp) })
}

/** A refusal: one conditional write from pending; false when someone decided first. */
export async function rejectIfPending(deps: Deps, id: string, d: Decision): Promise<boolean> {
  return (
    (
      await expenses(deps)
        .where({ _id: id, status: 'pending' })
        .update({ ...d, followUp: deps.db.command.set(d.followUp) })
    ).updated === 1
  )
}

/** Decisions whose follow-up mark is past its deadline (the repair finishes them). */
export const lapsedDecisions = (deps: Deps, now: Date) => readAll<ExpenseDoc>(expenses(deps).where({ 'followUp.until': deps.db.command.lt(now) }), 100, 2000)

/** The activity a claim is for, in this union, or undefined. */
export async function activityInUnion(deps: Deps, unionId: string, id: string): Promise<ActivityDoc | undefined> {
  const a = (await deps.db.collection('activities').doc(id).get()).data[0] as ActivityDoc | undefined
  return a && a.unionId === unionId ? a : undefined
}
