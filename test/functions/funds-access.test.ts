import type { ActionName } from '@shared/contract'
import { appServerForFile } from '../support/app-server'
import { accessMatrix } from '../support/access-matrix'
import { newKey } from '../support/form-key'

/** Auditors read everything in the funds area and change nothing; members see the 公开栏 and their own claims. */
const ADMIN_ONLY = ['admin']
const READERS = ['admin', 'auditor']
const ANY_MEMBER = ['admin', 'leader', 'redeemer', 'auditor', 'member']
const YEAR = 2026

const EXPECTED: Record<Extract<ActionName, `funds.${string}`>, { who: string[]; input: object }> = {
  'funds.budget': { who: READERS, input: { year: YEAR } },
  'funds.setBudget': { who: ADMIN_ONLY, input: { year: 2030, lines: { training: 100 } } },
  'funds.closeYear': { who: ADMIN_ONLY, input: { year: 2001 } },
  'funds.ledger': { who: READERS, input: { year: YEAR } },
  'funds.correct': { who: ADMIN_ONLY, input: { entryId: 'no-such-entry', reason: '核对' } },
  // Anyone may claim for an event they organize; the event decides (here: none exists).
  'funds.recordExpense': {
    who: ANY_MEMBER,
    input: {
      key: newKey(),
      activityId: 'no-such-activity',
      items: [{ name: '水', quantity: 1, unitPrice: 100 }],
      invoiceFileIds: ['cloud://local.local-bucket/x.jpg'],
    },
  },
  'funds.expenses': { who: ANY_MEMBER, input: {} },
  'funds.decideExpense': { who: ADMIN_ONLY, input: { id: 'no-such-claim', approve: true } },
  'funds.report': { who: READERS, input: { year: YEAR } },
  'funds.auditLog': { who: READERS, input: {} },
  'funds.verify': { who: READERS, input: {} },
  'funds.public': { who: ANY_MEMBER, input: { year: YEAR } },
}

const app = appServerForFile()

accessMatrix('funds', EXPECTED, () => app)
