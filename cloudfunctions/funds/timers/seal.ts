import { shanghaiYear } from '@shared/domain/time'
import type { TimerJob } from '../../_lib/entry'
import { sealLedger } from '../../_lib/ledger'
import { unionIds } from '../budget.repo'
import { repairBudgetRemainders } from '../repair'
import { finishExpenseDecisions } from '../expense-decisions'

/**
 * Hourly: expense decisions whose call was cut finish their audit and messages first (so their
 * entries are sealed in this run), then every union's new ledger entries go into its audit chain,
 * and line remainders are checked against the ledger.
 */
export const sealAll: TimerJob = async (deps, context) => {
  const expenses = await finishExpenseDecisions(deps, context)
  const unions = await unionIds(deps)
  const year = shanghaiYear(deps.clock.now())
  let sealed = 0
  let repaired = 0
  for (const unionId of unions) {
    sealed += await sealLedger(deps, unionId)
    // Last year too: its benefits can still be redeemed or released until it is closed.
    for (const y of [year - 1, year]) repaired += (await repairBudgetRemainders(deps, unionId, y)).repaired
  }
  return { unions: unions.length, sealed, repaired, expenseDecisionsFinished: expenses.finished }
}
