/**
 * Crash matrix for funds.setBudget: the call is cut after each of its writes in turn, the same admin
 * retries with the same amounts, then the hourly job runs. Remainders must equal budget − ledger,
 * and every budget version has exactly one audit entry.
 */
import { crashServerForFile, pastTimeLimit, runTimer, writesOf } from '../support/crash'
import { localDb as db } from '../support/local-db'
import { THIS_YEAR as YEAR } from '../support/time'

jest.setTimeout(120_000)

const app = crashServerForFile()
const LINES = ['care', 'hardship', 'training'] as const

const setBudget = (training: number, crashAfterWrites?: number) =>
  app.call('funds.setBudget', { year: YEAR, lines: { training, care: 200_000 } }, 'demo-admin', { crashAfterWrites })
const budget = async () => (await db().collection('budgets').doc(`demo-union:${YEAR}`).get()).data[0] as { lines: Record<string, number>; version: number }
const used = async (line: string) =>
  (
    (await db().collection('ledger').where({ unionId: 'demo-union', year: YEAR, line }).limit(1000).get()).data as Array<{ committed: number; spent: number }>
  ).reduce((s, r) => s + r.committed + r.spent, 0)
const remainder = async (line: string) =>
  ((await db().collection('budget_lines').doc(`demo-union:${YEAR}:${line}`).get()).data[0] as { available: number }).available

async function expectConsistent(): Promise<void> {
  const b = await budget()
  for (const line of LINES) expect({ line, available: await remainder(line) }).toEqual({ line, available: (b.lines[line] ?? 0) - (await used(line)) })
}

test('setBudget cut after each of its writes: the same admin’s retry finishes it, the job leaves remainders = budget − ledger and one audit entry per version', async () => {
  expect((await setBudget(79_000)).body.ok).toBe(true) // care settles at 200 000; from here only training moves
  const writes = await writesOf(() => setBudget(80_000))
  expect(writes).toBeGreaterThan(1)
  for (let k = 1; k <= writes; k++) {
    const amount = 80_000 + k * 1_000
    const cut = await setBudget(amount, k)
    expect(cut.crashed).toBe(true)
    // Before the cut call is surely over, the admin hears that their change is still being made.
    const early = await setBudget(amount + 1)
    if (!early.body.ok) expect(early.body.error).toEqual({ code: 'CONFLICT', message: '您刚才的预算调整还在处理中，请稍后再试' })
    await pastTimeLimit()
    const retry = await setBudget(amount)
    expect({ k, body: retry.body }).toEqual({ k, body: expect.objectContaining({ ok: true }) })
    expect(retry.body.data.lines.find((l: { line: string }) => l.line === 'training')).toMatchObject({ budget: amount })
    await expectConsistent()
  }
  expect((await runTimer(app, 'funds', 'seal')).ok).toBe(true)
  await expectConsistent()
  const audits = (await db().collection('audit_log').where({ unionId: 'demo-union', action: 'budget.set' }).limit(1000).get()).data as Array<{
    data: { version: number }
  }>
  const versions = audits.map((a) => a.data.version)
  expect(new Set(versions).size).toBe(versions.length)
  expect(Math.max(...versions)).toBe((await budget()).version)
  console.log(`funds.setBudget: ${writes} crash points`)
})
