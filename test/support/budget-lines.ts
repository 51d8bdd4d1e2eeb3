import { localDb } from './local-db'

/** A budget line's remainder is its budget less everything the ledger committed or spent on it (the invariant every money crash test ends on). */
export async function expectBudgetLineTrue(year: number, line: string): Promise<void> {
  const db = localDb()
  const budget = (await db.collection('budgets').doc(`demo-union:${year}`).get()).data[0] as { lines: Record<string, number> }
  const row = (await db.collection('budget_lines').doc(`demo-union:${year}:${line}`).get()).data[0] as { available: number }
  const $ = db.command.aggregate
  const sums = (
    await db
      .collection('ledger')
      .aggregate()
      .match({ unionId: 'demo-union', year, line })
      .group({ _id: null, used: $.sum($.add(['$committed', '$spent'])) })
      .limit(1)
      .end()
  ).data as { used: number }[]
  expect(row.available).toBe((budget.lines[line] ?? 0) - (sums[0]?.used ?? 0))
}
