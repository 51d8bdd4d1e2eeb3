import { createMain, type Router } from '../_lib/entry'
import { closeYear, getBudget, setBudget } from './handlers/budget'
import { correctEntry, listLedger } from './handlers/ledger'
import { decideExpense, listExpenses, recordExpense } from './handlers/expenses'
import { fundsReport, publicSpending } from './handlers/reports'
import { auditLog, verifyAudit } from './handlers/audit'
import { sealAll } from './timers/seal'

export const router: Router<'funds'> = {
  budget: getBudget,
  setBudget,
  closeYear,
  ledger: listLedger,
  correct: correctEntry,
  recordExpense,
  expenses: listExpenses,
  decideExpense,
  report: fundsReport,
  auditLog,
  verify: verifyAudit,
  public: publicSpending,
}

export const main = createMain('funds', router, { timers: { seal: sealAll } })
