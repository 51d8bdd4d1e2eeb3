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
import { bundledFunctions, startDevServer } from '../emulator/dev-server'
import type { ActionInput, ActionName } from '../shared/contract'

// One JSON log line per call would drown the table.
process.env.LOG_LEVEL ??= 'warn'

const CALLS = Number(process.env.BENCH_CALLS ?? 200)

/** Each benchmarked action, called as a given demo account. */
const CASES: { name: ActionName; as: string; input: ActionInput<ActionName> }[] = [
  { name: 'member.me', as: 'demo-member', input: {} },
  { name: 'member.me', as: 'demo-leader', input: {} },
  { name: 'member.departments', as: 'demo-member', input: {} },
  { name: 'member.list', as: 'demo-admin', input: { keyword: '张', pageSize: 20 } },
  { name: 'member.get', as: 'demo-admin', input: { id: 'demo-member-10' } },
  { name: 'member.listInvites', as: 'demo-admin', input: { pageSize: 20 } },
  { name: 'group.list', as: 'demo-member', input: {} },
  // A group page with 500 members: header, then the first page of the roster (as a member, and as its leader with phones).
  { name: 'group.get', as: 'demo-member', input: { id: 'bench-group-500' } },
  { name: 'group.roster', as: 'demo-member', input: { id: 'bench-group-500', pageSize: 20 } },
  { name: 'group.roster', as: 'demo-leader', input: { id: 'bench-group-500', pageSize: 20 } },
  // 帮扶: the member's list, the reviewer's queue, a request's timeline page.
  { name: 'hardship.mine', as: 'demo-member', input: {} },
  { name: 'hardship.queue', as: 'demo-reviewer', input: { tab: 'submitted' } },
  { name: 'hardship.get', as: 'demo-reviewer', input: { id: 'demo-hardship-2' } },
  // 活动 tab and 福利 tab as a member opens them.
  { name: 'activity.list', as: 'demo-member', input: { tab: 'upcoming' } },
  { name: 'benefit.mine', as: 'demo-member', input: {} },
  // 经费: the execution view (admin), the members' 公开栏.
  { name: 'funds.budget', as: 'demo-admin', input: { year: new Date().getFullYear() } },
  { name: 'funds.public', as: 'demo-member', input: { year: new Date().getFullYear() } },
]

async function benchActions() {
  const dataDir = mkdtempSync(join(tmpdir(), 'union-bench-'))
  const server = await startDevServer({ port: 0, dataDir, resolveFunction: bundledFunctions(FUNCTIONS_OUT), seed: true })
  await seedBigGroup(500)
  const rows: (string | number)[][] = []
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
      for (let i = 0; i < CALLS; i++) {
        const t = process.hrtime.bigint()
        await call()
        times.push(Number(process.hrtime.bigint() - t) / 1e6)
      }
      times.sort((a, b) => a - b)
      rows.push([`${c.name} (${c.as})`, trips, percentile(times, 50).toFixed(1), percentile(times, 95).toFixed(1), percentile(times, 99).toFixed(1), CALLS])
    }
  } finally {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  printTable('云函数调用（本地 CloudBase，顺序调用）', ['action', 'db round trips', 'p50 ms', 'p95 ms', 'p99 ms', 'calls'], rows)
}

/** Median time for a fresh Node process to require a module. */
function coldRequireMs(specifier: string): number {
  const samples: number[] = []
  for (let i = 0; i < 5; i++) {
    const out = execFileSync(process.execPath, ['-e', `const t=process.hrtime.bigint();require(${JSON.stringify(specifier)});console.log(Number(process.hrtime.bigint()-t)/1e6)`], { cwd: ROOT, env: { ...process.env, TENCENTCLOUD: 'true' } })
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
  printTable('小程序包大小（weapp 构建）', ['package', 'size', 'limit'], [...sizes].map(([k, v]) => [k, kb(v), '2048 KB']))
}

async function main() {
  await ensureFunctions()
  await benchActions()
  await benchMeTab()
  await benchStorm()
  await benchRedeem()
  benchBundles()
  await benchWeapp()
  await benchImport()
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
