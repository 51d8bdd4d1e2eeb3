/**
 * `npm run bench`: speed and size, measured. Round trips are counted at the local CloudBase, so they
 * are stable; latencies are percentiles over many sequential calls on this machine.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { ensureFunctions, ensureWeapp, WEAPP_DIR } from './builds'
import { FUNCTIONS_OUT, ROOT, functionNames } from './function-names'
import { kb, percentile, printTable } from './bench-table'
import { seedBigGroup } from './bench-seed'
import { benchStorm } from './bench-storm'
import { benchRedeem } from './bench-redeem'
import { benchImport } from './bench-import'
import { benchMeTab } from './bench-me-tab'
import { benchSignUp } from './bench-signup'
import { benchMoney } from './bench-money'
import { bundledFunctions, startDevServer } from '../emulator/app-host/dev-server'
import type { ActionInput, ActionName } from '../shared/contract'

// One JSON log line per call would drown the table.
process.env.LOG_LEVEL ??= 'warn'

const CALLS = Number(process.env.BENCH_CALLS ?? 200)

/**
 * Each benchmarked action, called as a given demo account; `before` is its round trips when issue 14
 * was filed (the caller alone was 3 then, 1 now) and `target` what the issue asks of it.
 */
const CASES: { name: ActionName; as: string; input: ActionInput<ActionName>; before?: number; target?: string }[] = [
  { name: 'member.me', as: 'demo-member', input: {}, before: 5, target: '≤ 2' },
  { name: 'member.me', as: 'demo-leader', input: {}, before: 8, target: '≤ 2' },
  // 首页's one call: member.me's view and what needs the member, in parallel steps.
  { name: 'member.home', as: 'demo-member', input: {}, before: 9, target: '≤ 3' },
  { name: 'member.home', as: 'demo-leader', input: {}, before: 12, target: '≤ 3' },
  { name: 'member.departments', as: 'demo-member', input: {}, before: 4, target: '≤ 3' },
  { name: 'member.list', as: 'demo-admin', input: { keyword: '张', pageSize: 20 }, before: 6, target: '≤ 3' },
  { name: 'member.get', as: 'demo-admin', input: { id: 'demo-member-10' }, before: 6 },
  { name: 'member.listInvites', as: 'demo-admin', input: { pageSize: 20 }, before: 5, target: '≤ 3' },
  { name: 'group.list', as: 'demo-member', input: {}, before: 7, target: '≤ 3' },
  // A group page with 500 members: header, then the first page of the roster (as a member, and as its leader with phones).
  { name: 'group.get', as: 'demo-member', input: { id: 'bench-group-500' }, before: 7, target: '≤ 3' },
  { name: 'group.roster', as: 'demo-member', input: { id: 'bench-group-500', pageSize: 20 }, before: 8, target: '≤ 3' },
  { name: 'group.roster', as: 'demo-leader', input: { id: 'bench-group-500', pageSize: 20 }, before: 9, target: '≤ 3' },
  // 消息: the first page (its targets checked for still existing) and the badge.
  { name: 'message.list', as: 'demo-member', input: {}, target: '≤ 3' },
  // 帮扶: the member's list, the reviewer's queue, a request's timeline page.
  { name: 'hardship.mine', as: 'demo-member', input: {}, before: 5, target: '≤ 3' },
  { name: 'hardship.queue', as: 'demo-reviewer', input: { tab: 'submitted' }, before: 5, target: '≤ 3' },
  { name: 'hardship.get', as: 'demo-reviewer', input: { id: 'demo-hardship-2' }, before: 5 },
  // 活动 tab and 福利 tab as a member opens them.
  { name: 'activity.list', as: 'demo-member', input: { tab: 'upcoming' }, before: 5, target: '≤ 3' },
  { name: 'benefit.mine', as: 'demo-member', input: {}, before: 6, target: '≤ 3' },
  // 经费: the execution view (admin), the members' 公开栏.
  { name: 'funds.budget', as: 'demo-admin', input: { year: new Date().getFullYear() }, before: 5 },
  { name: 'funds.public', as: 'demo-member', input: { year: new Date().getFullYear() }, before: 5, target: '≤ 3' },
]

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 15)
const LATENCY_CALLS = Number(process.env.BENCH_LATENCY_CALLS ?? 30)

interface CaseResult {
  trips: number
  times: number[]
}

/** Runs every case `calls` times in order on a fresh local platform (with `latencyMs` per database round trip). */
async function runCases(calls: number, latencyMs = 0): Promise<CaseResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'union-bench-'))
  const server = await startDevServer({ port: 0, dataDir, resolveFunction: bundledFunctions(FUNCTIONS_OUT), seed: true, latencyMs })
  await seedBigGroup(500)
  const results: CaseResult[] = []
  try {
    for (const c of CASES) {
      const [fn, action] = c.name.split('.')
      const call = async () => {
        const res = await fetch(`${server.url}/fn/${fn}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-local-openid': c.as },
          body: JSON.stringify({ action, data: c.input }),
        })
        const body = (await res.json()) as { ok: boolean }
        if (!body.ok) throw new Error(`${c.name} failed: ${JSON.stringify(body)}`)
      }
      await call() // warm-up: loads the bundle and opens connections
      const before = server.stats.roundTrips
      await call()
      const trips = server.stats.roundTrips - before
      const times: number[] = []
      for (let i = 0; i < calls; i++) {
        const t = process.hrtime.bigint()
        await call()
        times.push(Number(process.hrtime.bigint() - t) / 1e6)
      }
      results.push({ trips, times: times.sort((a, b) => a - b) })
    }
  } finally {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  return results
}

/**
 * The action table twice: on the loopback (the code's own cost), and with CloudBase's network cost
 * per database round trip added (the wait a member would feel).
 */
async function benchActions() {
  const loopback = await runCases(CALLS)
  const remote = await runCases(LATENCY_CALLS, LATENCY_MS)
  const rows = CASES.map((c, i) => {
    const [l, r] = [loopback[i], remote[i]]
    return [
      `${c.name} (${c.as})`,
      c.before ?? '—',
      l.trips,
      c.target ?? '',
      percentile(l.times, 50).toFixed(1),
      percentile(l.times, 95).toFixed(1),
      percentile(l.times, 99).toFixed(1),
      percentile(r.times, 50).toFixed(0),
      percentile(r.times, 95).toFixed(0),
    ]
  })
  printTable(
    `云函数调用（本地 CloudBase，顺序调用；右两列为每次数据库往返加 ${LATENCY_MS} ms、${LATENCY_CALLS} 次调用）`,
    [
      'action',
      'db round trips before',
      'db round trips',
      'target',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      `p50 ms +${LATENCY_MS}ms/trip`,
      `p95 ms +${LATENCY_MS}ms/trip`,
    ],
    rows,
  )
}

/** Median time for a fresh Node process to require a module. */
function coldRequireMs(specifier: string): number {
  const samples: number[] = []
  for (let i = 0; i < 5; i++) {
    const out = execFileSync(
      process.execPath,
      ['-e', `const t=process.hrtime.bigint();require(${JSON.stringify(specifier)});console.log(Number(process.hrtime.bigint()-t)/1e6)`],
      { cwd: ROOT, env: { ...process.env, TENCENTCLOUD: 'true' } },
    )
    samples.push(Number(out.toString().trim()))
  }
  return samples.sort((a, b) => a - b)[2]
}

function benchBundles() {
  const rows = functionNames().map((name) => {
    const file = join(FUNCTIONS_OUT, name, 'index.js')
    return [name, kb(statSync(file).size), coldRequireMs(file).toFixed(1)]
  })
  // For scale: the SDK every function loads, which CloudBase installs beside the bundle.
  rows.push(['(@cloudbase/node-sdk alone)', '—', coldRequireMs('@cloudbase/node-sdk').toFixed(1)])
  printTable('云函数包', ['function', 'index.js', 'cold require ms (median of 5)'], rows)
}

/** Sizes of the weapp build: the main package is everything outside a subpackage root. */
async function benchWeapp() {
  await ensureWeapp()
  const dir = WEAPP_DIR
  const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] }
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/?$/, '/'))
  const sizes = new Map<string, number>([['主包', 0], ...roots.map((r) => [r, 0] as [string, number])])
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name)
      if (entry.isDirectory()) walk(p)
      else if (!p.endsWith('.map')) {
        const rel = relative(dir, p)
        const root = roots.find((r) => rel.startsWith(r)) ?? '主包'
        sizes.set(root, (sizes.get(root) ?? 0) + statSync(p).size)
      }
    }
  }
  walk(dir)
  printTable(
    '小程序包大小（weapp 构建）',
    ['package', 'size', 'limit'],
    // The main package keeps the project's budget (test/weapp holds it); WeChat allows 2 MB a package.
    [...sizes].map(([k, v]) => [k, kb(v), k === '主包' ? '674 KB' : '2048 KB']),
  )
}

async function main() {
  await ensureFunctions()
  await benchActions()
  await benchMeTab()
  await benchSignUp()
  await benchStorm()
  await benchRedeem()
  await benchMoney()
  benchBundles()
  await benchWeapp()
  await benchImport()
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
