/**
 * Roster import at full size: a generated 50,000-row CSV through importCheck, then importApply
 * until done, then the same file again (nothing to change), on the local platform. Round trips are
 * counted at the local CloudBase; peak RSS is this whole process (platform, local CloudBase and
 * function together), sampled every 50 ms during each case.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { printTable } from './bench-table'
import { bundledFunctions, startDevServer, type DevServer } from '../emulator/app-host/dev-server'
import { ensureFunctions } from './builds'
import { FUNCTIONS_OUT } from './function-names'

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 50_000)
const ADMIN = 'demo-admin'

/** A roster as the union office would export it: 40 departments, every column filled. */
export function rosterCsv(rows: number): Buffer {
  const lines = ['姓名,性别,部门,会员编号,手机号,生日,入会日期,状态']
  for (let i = 0; i < rows; i++) {
    lines.push(
      `会员${i},${i % 2 ? '男' : '女'},第${(i % 40) + 1}党支部,BN${String(i).padStart(6, '0')},13${String(i).padStart(9, '0')},${(i % 12) + 1}月${(i % 28) + 1}日,${2000 + (i % 25)}-0${(i % 9) + 1}-01,在职`,
    )
  }
  return Buffer.from('\ufeff' + lines.join('\r\n') + '\r\n')
}

async function call(server: DevServer, action: string, data: object): Promise<any> {
  const res = await fetch(`${server.url}/fn/member`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-local-openid': ADMIN },
    body: JSON.stringify({ action, data }),
  })
  const body = (await res.json()) as { ok: boolean; data?: unknown }
  if (!body.ok) throw new Error(`member.${action} failed: ${JSON.stringify(body)}`)
  return body.data
}

export async function benchImport(): Promise<void> {
  await ensureFunctions()
  // One log line per call and per chunk would bury the table.
  const logLevel = process.env.LOG_LEVEL
  process.env.LOG_LEVEL = logLevel ?? 'warn'
  const dataDir = mkdtempSync(join(tmpdir(), 'union-bench-import-'))
  const server = await startDevServer({ port: 0, dataDir, resolveFunction: bundledFunctions(FUNCTIONS_OUT), seed: true })
  let peak = process.memoryUsage().rss
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
  try {
    const content = rosterCsv(ROWS)
    const res = await fetch(`${server.url}/local/upload?name=roster.csv`, {
      method: 'POST',
      headers: { 'x-local-openid': ADMIN },
      body: new Uint8Array(content),
    })
    const { fileId } = (await res.json()) as { fileId: string }

    const size = `${(content.length / 1024 / 1024).toFixed(1)} MB`
    const timed = async <T>(run: () => Promise<T>) => {
      const trips = server.stats.roundTrips
      const t = performance.now()
      peak = process.memoryUsage().rss
      const value = await run()
      return { value, seconds: ((performance.now() - t) / 1000).toFixed(1), trips: server.stats.roundTrips - trips, peakMb: Math.round(peak / 1024 / 1024) }
    }

    const check = await timed(() => call(server, 'importCheck', { fileId, fileName: 'roster.csv' }))
    const report = check.value
    if (!report.canApply || report.toCreate !== ROWS)
      throw new Error(`unexpected report: ${JSON.stringify({ ...report, problems: report.problems.slice(0, 3) })}`)
    const apply = await timed(async () => {
      let calls = 0
      for (let done = false; !done; calls++) done = (await call(server, 'importApply', { jobId: report.jobId })).done
      return calls
    })
    // The monthly case: the same roster again, compared against the 50,000 members now stored.
    const recheck = await timed(() => call(server, 'importCheck', { fileId, fileName: 'roster.csv' }))
    if (recheck.value.unchanged !== ROWS || recheck.value.canApply) throw new Error(`re-import should change nothing: ${JSON.stringify(recheck.value)}`)

    printTable(
      '名册导入（本地 CloudBase，CSV）',
      ['case', 'rows', 'file', 'check s', 'apply s', 'apply calls', 'db round trips (check + apply)', 'peak RSS MB'],
      [
        ['全部新会员', ROWS, size, check.seconds, apply.seconds, apply.value, `${check.trips} + ${apply.trips}`, Math.max(check.peakMb, apply.peakMb)],
        ['同一文件再导入', ROWS, size, recheck.seconds, '—', 0, `${recheck.trips} + 0`, recheck.peakMb],
      ],
    )
  } finally {
    clearInterval(sampler)
    if (logLevel === undefined) delete process.env.LOG_LEVEL
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  benchImport().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
