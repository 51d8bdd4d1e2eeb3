/**
 * Signing up and cancelling, the activity hot paths: each call needs a subject of its own (a member
 * not yet signed up, an event with someone to promote), so they get this small table instead of a
 * row in the action table. Every measured call is made on fresh inputs; the round trips are counted
 * at the local CloudBase and split into who the caller is (identity, measured as a call that stops
 * right after it: activity.myCode of a missing event, less its one read) and the activity's own part.
 * The detail page's calls per tap are counted too: before, 报名 and 取消 were followed by activity.get.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundledFunctions, startDevServer } from '../emulator/app-host/dev-server'
import type { CloudMain } from '../emulator/app-host/function-runner'
import { FUNCTIONS_OUT } from './function-names'
import { newRequestId as newKey } from '../shared/domain/request-id'
import { percentile, printTable, runBenchScript, withLogLevel } from './bench-table'
import { seedBoundMembers } from './bench-seed'

const CALLS = Number(process.env.BENCH_SIGNUP_CALLS ?? 20)
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 15)
const HOUR = 3_600_000

/**
 * The targets (whole call, identity included) and what each row cost before the activity
 * repositories, measured on the same inputs: then the caller took 3 round trips and the activity part
 * (sign-up: event, sign-up, claim, place, settle; waitlist: + ticket, settle, head, place, re-read,
 * position; cancel: event, cancel, mark, head, promote, tell, told-mark, unlock) the figure beside it.
 */
const ROWS = [
  { key: 'free', name: 'activity.signUp（有空位）', target: 5, before: [3, 5] },
  { key: 'waitlist', name: 'activity.signUp（排队）', target: 7, before: [3, 10] },
  { key: 'cancel', name: 'activity.cancel（递补下一位）', target: 6, before: [3, 8] },
  { key: 'get', name: 'activity.get（已报名）', target: null, before: [3, 3] },
  { key: 'list', name: 'activity.list（即将开始）', target: 3, before: [3, 3] },
] as const
type Key = (typeof ROWS)[number]['key']

interface Measured {
  identity: number
  trips: Record<Key, number>
  times: Record<Key, number[]>
}

async function measure(latencyMs: number, calls: number, resolveFunction: (name: string) => CloudMain | undefined): Promise<Measured> {
  const dataDir = mkdtempSync(join(tmpdir(), 'union-signup-'))
  const server = await startDevServer({ port: 0, dataDir, resolveFunction, seed: true, latencyMs })
  try {
    const call = async (openid: string, action: string, data: object) => {
      const res = await fetch(`${server.url}/fn/activity`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-local-openid': openid },
        body: JSON.stringify({ action, data }),
      })
      return (await res.json()) as { ok: boolean; data?: any; error?: unknown }
    }
    const must = async (openid: string, action: string, data: object) => {
      const body = await call(openid, action, data)
      if (!body.ok) throw new Error(`activity.${action} failed: ${JSON.stringify(body)}`)
      return body.data
    }
    const at = (ms: number) => new Date(Date.now() + ms).toISOString()
    const event = (capacity: number) =>
      must('demo-admin', 'create', {
        key: newKey(),
        scope: { kind: 'union' },
        title: '周末登山',
        type: '登山',
        place: '北山',
        capacity,
        startAt: at(72 * HOUR),
        endAt: at(75 * HOUR),
        signUpOpensAt: at(-HOUR),
        signUpClosesAt: at(48 * HOUR),
        cancelDeadline: at(48 * HOUR),
      }).then((d) => d.id as string)
    const members = await seedBoundMembers(`bsu${latencyMs}`, calls * 4 + 10)
    let next = 0
    const fresh = () => members[next++]

    /** Round trips of one call, and its time. */
    const timed = async (openid: string, action: string, data: object) => {
      const before = server.stats.roundTrips
      const t = process.hrtime.bigint()
      await must(openid, action, data)
      return { ms: Number(process.hrtime.bigint() - t) / 1e6, trips: server.stats.roundTrips - before }
    }
    const out: Measured = {
      identity: 0,
      trips: { free: 0, waitlist: 0, cancel: 0, get: 0, list: 0 },
      times: { free: [], waitlist: [], cancel: [], get: [], list: [] },
    }
    const record = (key: Key, r: { ms: number; trips: number }) => {
      out.trips[key] = Math.max(out.trips[key], r.trips)
      out.times[key].push(r.ms)
    }

    // Warm-up (bundle loaded, connections open), then who the caller is.
    await call('demo-member', 'myCode', { id: 'no-such-event' })
    const before = server.stats.roundTrips
    await call('demo-member', 'myCode', { id: 'no-such-event' })
    out.identity = server.stats.roundTrips - before - 1

    const open = await event(10_000)
    const full = await event(1)
    await must(fresh(), 'signUp', { id: full })
    for (let i = 0; i < calls; i++) {
      record('free', await timed(fresh(), 'signUp', { id: open }))
      record('waitlist', await timed(fresh(), 'signUp', { id: full }))
      // A place with someone in line for it: the holder cancels and the place passes on.
      const line = await event(1)
      const [holder, waiter] = [fresh(), fresh()]
      await must(holder, 'signUp', { id: line })
      await must(waiter, 'signUp', { id: line })
      record('cancel', await timed(holder, 'cancel', { id: line }))
      record('get', await timed(waiter, 'get', { id: line }))
      record('list', await timed('demo-member', 'list', { tab: 'upcoming' }))
    }
    for (const times of Object.values(out.times)) times.sort((a, b) => a - b)
    return out
  } finally {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export async function benchSignUp(resolveFunction: (name: string) => CloudMain | undefined = bundledFunctions(FUNCTIONS_OUT)): Promise<Measured> {
  // The identity probe answers NOT_FOUND on purpose; its warning lines would break the table.
  const [loopback, remote] = await withLogLevel('error', async () => [
    await measure(0, CALLS, resolveFunction),
    await measure(LATENCY_MS, Math.min(CALLS, 10), resolveFunction),
  ])
  const id = loopback.identity
  const rows = ROWS.map((r) => {
    const total = loopback.trips[r.key]
    const [wasId, wasOwn] = r.before
    return [
      r.name,
      r.target === null ? '越少越好' : `≤ ${r.target}`,
      `${wasId + wasOwn} (${wasId} + ${wasOwn})`,
      `${total} (${id} + ${total - id})`,
      r.target === null || total <= r.target ? '是' : '否',
      percentile(loopback.times[r.key], 50).toFixed(1),
      percentile(remote.times[r.key], 50).toFixed(0),
    ]
  })
  rows.push(['详情页点「报名」或「取消」', '1 次调用', '2 次调用（再 activity.get）', '1 次调用（答复带回状态和人数）', '是', '—', '—'])
  printTable(
    `报名与取消（每次调用用新的会员和活动；往返 = 身份 + 活动本身；右列为每次数据库往返加 ${LATENCY_MS} ms）`,
    ['action', 'target', 'db round trips before', 'db round trips now', 'met', 'p50 ms', `p50 ms +${LATENCY_MS}ms/trip`],
    rows,
  )
  return loopback
}

if (require.main === module) runBenchScript(benchSignUp)
