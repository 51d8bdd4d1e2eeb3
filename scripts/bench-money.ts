/**
 * The money hot paths: redeeming a voucher at the counter (inspect by QR or six digits, then
 * redeem), the member's code screen, and a reviewer approving and paying hardship aid. Each call needs
 * a subject of its own (an unused voucher, a request under review), so they get this table instead of
 * rows in the action table. Round trips are counted at the local CloudBase and split into who the
 * caller is (identity: a member asking for benefit.points is refused right after it) and the action's
 * own part. `npm run bench`, or `tsx scripts/bench-money.ts [--source]` alone.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { VOUCHER_CODE_REFRESH_SECONDS } from '../shared/domain/benefits'
import { bundledFunctions, startDevServer } from '../emulator/app-host/dev-server'
import type { CloudMain } from '../emulator/app-host/function-runner'
import { FUNCTIONS_OUT } from './function-names'
import { percentile, printTable, runBenchScript, withLogLevel } from './bench-table'
import { seedBoundMembers } from './bench-seed'

const CALLS = Number(process.env.BENCH_MONEY_CALLS ?? 20)
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 15)
const DAY = 86_400_000
const POINT = 'demo-point-office'

/**
 * The targets (whole call, identity included; for inspect and redeem the action's own part)
 * and what each cost before: when issue 14 was filed (caller 3 + own part), and for hardship also just
 * before this change, after approval and payment had become single transactions (22 and 16).
 */
const ROWS = [
  { key: 'inspectQr', name: 'benefit.inspect（扫码）', target: '本身 ≤ 2', own: 2, before: '4 (3 + 1)' },
  { key: 'inspectDigits', name: 'benefit.inspect（6 位数字）', target: '本身 ≤ 2', own: 2, before: '5 (3 + 2)' },
  { key: 'redeem', name: 'benefit.redeem', target: '本身 ≤ 3', own: 3, before: '6 (3 + 3)' },
  { key: 'code', name: 'benefit.code（券码页每次刷新）', target: null, own: null, before: '5 (3 + 2)，另有 benefit.mine' },
  { key: 'approve', name: 'hardship.approve', target: '≤ 11', total: 11, before: '15 (3 + 12)；改为事务后 22 (3 + 19)' },
  { key: 'pay', name: 'hardship.pay', target: '≤ 7', total: 7, before: '10 (3 + 7)；改为事务后 16 (3 + 13)' },
] as const
type Key = (typeof ROWS)[number]['key']

interface Measured {
  identity: number
  trips: Record<Key, number>
  times: Record<Key, number[]>
}

async function measure(latencyMs: number, calls: number, resolveFunction: (name: string) => CloudMain | undefined): Promise<Measured> {
  const dataDir = mkdtempSync(join(tmpdir(), 'union-money-'))
  const server = await startDevServer({ port: 0, dataDir, resolveFunction, seed: true, latencyMs })
  try {
    const call = async (fn: string, openid: string, action: string, data: object) => {
      const res = await fetch(`${server.url}/fn/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-local-openid': openid },
        body: JSON.stringify({ action, data }),
      })
      return (await res.json()) as { ok: boolean; data?: any; error?: unknown }
    }
    const must = async (fn: string, openid: string, action: string, data: object) => {
      const body = await call(fn, openid, action, data)
      if (!body.ok) throw new Error(`${fn}.${action} failed: ${JSON.stringify(body)}`)
      return body.data
    }
    const out: Measured = {
      identity: 0,
      trips: { inspectQr: 0, inspectDigits: 0, redeem: 0, code: 0, approve: 0, pay: 0 },
      times: { inspectQr: [], inspectDigits: [], redeem: [], code: [], approve: [], pay: [] },
    }
    /** Runs one measured call: its round trips (the most seen) and its time. */
    const timed = async (key: Key, fn: string, openid: string, action: string, data: object) => {
      const before = server.stats.roundTrips
      const t = process.hrtime.bigint()
      const result = await must(fn, openid, action, data)
      out.times[key].push(Number(process.hrtime.bigint() - t) / 1e6)
      out.trips[key] = Math.max(out.trips[key], server.stats.roundTrips - before)
      return result
    }

    // Warm-up (bundles loaded, connections open), then who the caller is: refused right after it.
    await call('benefit', 'demo-member', 'points', {})
    await call('hardship', 'demo-member', 'policy', {})
    const before = server.stats.roundTrips
    await call('benefit', 'demo-member', 'points', {})
    out.identity = server.stats.roundTrips - before

    // Vouchers for fresh members: one campaign, one gift, redeemable now at the office.
    const holders = await seedBoundMembers(`bmh${latencyMs}`, calls)
    const at = (ms: number) => new Date(Date.now() + ms).toISOString()
    const campaign = await must('benefit', 'demo-admin', 'createCampaign', {
      kind: 'other',
      name: `往返压测${latencyMs}`,
      faceValue: 100,
      options: [{ name: '礼盒' }],
      claimClosesAt: at(DAY),
      redeemFrom: at(-DAY),
      redeemUntil: at(7 * DAY),
      pointIds: [POINT],
    })
    for (let i = 0; i < 100; i++) if ((await must('benefit', 'demo-admin', 'issue', { id: campaign.id })).done) break
    // Hardship requests under review, filed by the same fresh members for themselves.
    const requests: string[] = []
    for (const [i, m] of holders.entries()) {
      const filed = await must('hardship', m, 'submit', {
        key: `bench-money-${latencyMs}-${i}-key`,
        category: 'hospital',
        description: '压测住院',
        contact: '手机 13900000000',
      })
      await must('hardship', 'demo-reviewer', 'take', { id: filed.id })
      requests.push(filed.id)
    }

    for (const [i, m] of holders.entries()) {
      const voucherId = `${campaign.id}:${m}`
      const code = await timed('code', 'benefit', m, 'code', { voucherId })
      await timed('inspectDigits', 'benefit', 'demo-redeemer', 'inspect', { code: code.shortCode, pointId: POINT })
      const seen = await timed('inspectQr', 'benefit', 'demo-redeemer', 'inspect', { code: code.token, pointId: POINT })
      await timed('redeem', 'benefit', 'demo-redeemer', 'redeem', { ticket: seen.ticket, requestId: `bench-money-${latencyMs}-${i}-req` })
      await timed('approve', 'hardship', 'demo-reviewer', 'approve', { id: requests[i], amountFen: 100, caseLabel: `压测${i}` })
      await timed('pay', 'hardship', 'demo-reviewer', 'pay', {
        id: requests[i],
        key: `bench-money-${latencyMs}-${i}-pay`,
        method: 'cash',
        paidOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
      })
    }
    for (const times of Object.values(out.times)) times.sort((a, b) => a - b)
    return out
  } finally {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export async function benchMoney(resolveFunction: (name: string) => CloudMain | undefined = bundledFunctions(FUNCTIONS_OUT)): Promise<Measured> {
  // The identity probe is a refusal on purpose; its warning would clutter the table.
  const [loopback, remote] = await withLogLevel('error', async () => [
    await measure(0, CALLS, resolveFunction),
    await measure(LATENCY_MS, Math.min(CALLS, 10), resolveFunction),
  ])
  const id = loopback.identity
  const rows = ROWS.map((r) => {
    const total = loopback.trips[r.key]
    const own = total - id
    const met = 'own' in r && r.own !== null ? own <= r.own : 'total' in r ? total <= r.total : true
    return [
      r.name,
      r.target ?? '越少越好',
      r.before,
      `${total} (${id} + ${own})`,
      r.target === null ? '—' : met ? '是' : '否',
      percentile(loopback.times[r.key], 50).toFixed(1),
      percentile(remote.times[r.key], 50).toFixed(0),
    ]
  })
  const perMinute = 60 / VOUCHER_CODE_REFRESH_SECONDS
  rows.push([
    '券码页（每位会员每分钟）',
    '≤ 2 次调用',
    '8 次调用（benefit.mine 每 10 秒 + benefit.code 每 30 秒）',
    `${perMinute} 次调用（benefit.code 每 ${VOUCHER_CODE_REFRESH_SECONDS} 秒，带回券的状态）`,
    perMinute <= 2 ? '是' : '否',
    '—',
    '—',
  ])
  printTable(
    `核销、券码页与帮扶批准/发放（每次调用用新的券或申请；往返 = 身份 + 本身；右列为每次数据库往返加 ${LATENCY_MS} ms）`,
    ['action', 'target', 'db round trips before', 'db round trips now', 'met', 'p50 ms', `p50 ms +${LATENCY_MS}ms/trip`],
    rows,
  )
  return loopback
}

if (require.main === module) runBenchScript(benchMoney)
