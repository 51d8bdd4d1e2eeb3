import { localDb as db } from '../support/local-db'
import { appServerForFile } from '../support/app-server'

jest.setTimeout(120_000)

const app = appServerForFile()
const YEAR = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()))
const admin = (name: string, data: object = {}) => app.call(name, data, 'demo-admin')
const LINES = ['care', 'hardship', 'training'] as const
type Line = (typeof LINES)[number]

const budgetDoc = async () =>
  (await db().collection('budgets').doc(`demo-union:${YEAR}`).get()).data[0] as {
    lines: Record<string, number>
    version?: number
    change?: { version: number; done: boolean; at: Date }
  }
const remainder = async (line: Line) =>
  ((await db().collection('budget_lines').doc(`demo-union:${YEAR}:${line}`).get()).data[0] as { available: number } | undefined)?.available
/** committed + spent of a line, straight from the ledger. */
const used = async (line: Line) => {
  const rows = (await db().collection('ledger').where({ unionId: 'demo-union', year: YEAR, line }).limit(1000).get()).data as {
    committed: number
    spent: number
  }[]
  return rows.reduce((s, r) => s + r.committed + r.spent, 0)
}
const budgetAudits = async () =>
  (await db().collection('audit_log').where({ unionId: 'demo-union', action: 'budget.set' }).limit(1000).get()).data as { data: { version: number } }[]

/** Every line's remainder is exactly its budget minus what the ledger says it has used. */
const expectConsistent = async () => {
  const budget = await budgetDoc()
  for (const line of LINES) expect({ line, available: await remainder(line) }).toEqual({ line, available: (budget.lines[line] ?? 0) - (await used(line)) })
}

const runTimer = async () => {
  const { main } = await import('../../cloudfunctions/funds')
  const { platformContext } = await import('../../emulator/app-host/function-runner')
  return (await main({ Type: 'Timer', TriggerName: 'seal', Time: new Date().toISOString() }, platformContext('funds', undefined))) as {
    ok: boolean
    data: { repaired: number }
  }
}

describe('funds.setBudget is one versioned write per change', () => {
  it('10 admins’ saves at once: every one applies in turn, remainders equal budget − ledger, one audit entry per version', async () => {
    const start = await budgetDoc()
    const auditsBefore = (await budgetAudits()).length
    const base = Object.fromEntries(await Promise.all(LINES.map(async (l) => [l, (await used(l)) + 100_000]))) as Record<Line, number>
    const calls = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        admin('funds.setBudget', { year: YEAR, lines: { care: base.care + i * 1_000, hardship: base.hardship + (9 - i) * 700, training: 50_000 + i * 13 } }),
      ),
    )
    for (const c of calls) expect(c.body).toMatchObject({ ok: true })
    await expectConsistent()

    const end = await budgetDoc()
    // The final amounts are one caller's whole input, not a mix of two.
    const i = (end.lines.care - base.care) / 1_000
    expect(end.lines).toMatchObject({ hardship: base.hardship + (9 - i) * 700, training: 50_000 + i * 13 })
    expect(end.change).toMatchObject({ version: end.version, done: true })
    const versions = (await budgetAudits())
      .slice(auditsBefore)
      .map((a) => a.data.version)
      .sort((a, b) => a - b)
    expect(versions).toEqual(Array.from({ length: (end.version ?? 0) - (start.version ?? 0) }, (_, k) => (start.version ?? 0) + k + 1))
    expect(versions.length).toBeGreaterThanOrEqual(9) // saves that found the same amounts already there change nothing
  })

  it('a save that died after its budget write: the retry with the same input carries the remainders; the audit follows once the writer is surely gone', async () => {
    const current = await budgetDoc()
    const version = (current.version ?? 0) + 1
    const to = current.lines.training + 12_345
    // What the first try left: budget written (version + open change), no remainder moved, no audit.
    await db()
      .collection('budgets')
      .doc(`demo-union:${YEAR}`)
      .update({
        lines: { training: to },
        version,
        change: db().command.set({
          version,
          deltas: { training: 12_345 },
          from: { training: current.lines.training },
          to: { training: to },
          by: 'demo-member-01',
          byName: '张伟',
          at: new Date(),
          done: false,
        }),
      })
    const auditsBefore = (await budgetAudits()).length
    const retry = await admin('funds.setBudget', { year: YEAR, lines: { training: to } })
    expect(retry.body.data.lines.find((l: { line: string }) => l.line === 'training')).toMatchObject({ budget: to, remaining: to - (await used('training')) })
    await expectConsistent()
    // A second retry moves nothing twice.
    await admin('funds.setBudget', { year: YEAR, lines: { training: to } })
    await expectConsistent()
    expect((await budgetAudits()).length).toBe(auditsBefore)

    // Past the function timeout the change is an orphan: the hourly job writes its audit entry, once.
    await db()
      .collection('budgets')
      .doc(`demo-union:${YEAR}`)
      .update({ 'change.at': new Date(Date.now() - 60_000) })
    expect((await runTimer()).ok).toBe(true)
    expect((await runTimer()).ok).toBe(true)
    const audits = await budgetAudits()
    expect(audits.length).toBe(auditsBefore + 1)
    expect(audits.filter((a) => a.data.version === version)).toHaveLength(1)
    expect((await budgetDoc()).change).toMatchObject({ version, done: true })
    // And a new change goes through after it.
    expect((await admin('funds.setBudget', { year: YEAR, lines: { training: to + 1 } })).body.ok).toBe(true)
    await expectConsistent()
  })

  it('the hourly job repairs a remainder that stays out of step with the ledger, on its second sighting', async () => {
    const id = `demo-union:${YEAR}:care`
    const before = (await remainder('care'))!
    await db()
      .collection('budget_lines')
      .doc(id)
      .update({ available: before - 777 }) // a reservation whose posting never landed
    expect((await runTimer()).data.repaired).toBe(0) // first sighting: could be a posting in flight
    expect(await remainder('care')).toBe(before - 777)
    await db()
      .collection('budget_lines')
      .doc(id)
      .update({ 'drift.seenAt': new Date(Date.now() - 3_600_000) }) // an hour later
    expect((await runTimer()).data.repaired).toBe(1)
    expect(await remainder('care')).toBe(before)
    await expectConsistent()
    expect((await runTimer()).data.repaired).toBe(0)
  })
})
