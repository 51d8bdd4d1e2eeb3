/**
 * Opening 我的 and 首页. 我的 makes one call, member.me, which carries the 消息 unread badge in the
 * same parallel batch as the union read — no call of its own. 首页 makes one call too, member.home:
 * member.me's view plus what needs the member (coming events with their place in line, gifts and
 * vouchers, hardship requests, newest unread messages), read in parallel with it. The table counts
 * the calls a tab open makes and the database round trips they cost, for a member with unread
 * messages and a place in line, a leader (whose badge also counts join requests) and a reviewer
 * (whose count includes reviewer notices). Before the badge, member.me cost 4 / 6 / 4 round trips
 * for these accounts, and 首页 made that same one call.
 */
import * as cloudbase from '@cloudbase/node-sdk'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundledFunctions, startDevServer } from '../emulator/app-host/dev-server'
import { FUNCTIONS_OUT } from './function-names'
import { newRequestId as newKey } from '../shared/domain/request-id'
import { percentile, printTable } from './bench-table'

const CALLS = Number(process.env.BENCH_CALLS ?? 200)
/** What each tab's page asks for when it opens (client/src/pages/me/index.tsx, client/src/pages/home/index.tsx). */
const TABS = [
  { tab: '我的', calls: [{ fn: 'member', action: 'me', data: {} }] },
  { tab: '首页', calls: [{ fn: 'member', action: 'home', data: {} }] },
] as const
/** What each tab cost when issue 14 was filed (the caller alone was 3 round trips then, 1 now). */
const BEFORE: Record<string, Record<string, number>> = {
  我的: { 'demo-member': 5, 'demo-leader': 8, 'demo-reviewer': 5 },
  首页: { 'demo-member': 11, 'demo-leader': 13, 'demo-reviewer': 10 },
}
const HOUR = 3_600_000

export async function benchMeTab(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'union-me-tab-'))
  const server = await startDevServer({ port: 0, dataDir, resolveFunction: bundledFunctions(FUNCTIONS_OUT), seed: true })
  const rows: (string | number)[][] = []
  try {
    const db = cloudbase.init({ env: 'local' }).database()
    const now = Date.now()
    const members = { 'demo-member': 'demo-member-04', 'demo-leader': 'demo-member-02', 'demo-reviewer': 'demo-member-25' }
    // 30 messages each, a third of them unread.
    await db.collection('messages').add(
      Object.values(members).flatMap((memberId) =>
        Array.from({ length: 30 }, (_, i) => ({
          _id: `bench-msg-${memberId}-${i}`,
          unionId: 'demo-union',
          memberId,
          kind: 'activity-reminder',
          title: `活动提醒：第${i}场`,
          body: '',
          link: '/pages/activity/index?id=x',
          createdAt: new Date(now - i * 60_000),
          sentAt: null,
          ...(i % 3 ? { readAt: new Date(now) } : {}),
        })),
      ),
    )
    const call = async (openid: string, fn: string, action: string, data: object) => {
      const res = await fetch(`${server.url}/fn/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-local-openid': openid },
        body: JSON.stringify({ action, data }),
      })
      const body = (await res.json()) as { ok: boolean; data?: any }
      if (!body.ok) throw new Error(`${fn}.${action} failed: ${JSON.stringify(body)}`)
      return body.data
    }
    // 首页's events: each account has a place at one event; the member also queues (second in line) for another.
    const at = (ms: number) => new Date(now + ms).toISOString()
    const event = (title: string, capacity: number | null) => ({
      key: newKey(),
      scope: { kind: 'union' },
      title,
      type: '登山',
      place: '北山',
      capacity,
      startAt: at(72 * HOUR),
      endAt: at(75 * HOUR),
      signUpOpensAt: at(-HOUR),
      signUpClosesAt: at(48 * HOUR),
      cancelDeadline: at(48 * HOUR),
    })
    const open = (await call('demo-admin', 'activity', 'create', event('周末登山', null))).id
    const full = (await call('demo-admin', 'activity', 'create', event('羽毛球赛', 1))).id
    for (const openid of Object.keys(members)) await call(openid, 'activity', 'signUp', { id: open })
    for (const openid of ['demo-auditor', 'demo-redeemer', 'demo-member']) await call(openid, 'activity', 'signUp', { id: full })
    for (const { tab, calls } of TABS) {
      for (const openid of Object.keys(members)) {
        const openTab = () => Promise.all(calls.map(async (c) => call(openid, c.fn, c.action, c.data)))
        const unreadOf = (data: any): number => (data.me ?? data).badges.unreadMessages
        await openTab()
        const before = server.stats.roundTrips
        const [answer] = await openTab()
        const trips = server.stats.roundTrips - before
        const times: number[] = []
        for (let i = 0; i < CALLS; i++) {
          const t = process.hrtime.bigint()
          await openTab()
          times.push(Number(process.hrtime.bigint() - t) / 1e6)
        }
        times.sort((a, b) => a - b)
        const what = calls.map((c) => `${c.fn}.${c.action}`).join(' + ')
        rows.push([
          tab,
          openid,
          `${calls.length} (${what})`,
          `${BEFORE[tab]?.[openid] ?? '—'} → ${trips}`,
          String(unreadOf(answer)),
          percentile(times, 50).toFixed(1),
          percentile(times, 95).toFixed(1),
        ])
      }
    }
  } finally {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  printTable(
    '打开「我的」和「首页」（消息角标随 member.me / member.home 返回，不另调用）',
    ['tab', 'account', 'function calls', 'db round trips (before issue 14 → now)', 'unread', 'p50 ms', 'p95 ms'],
    rows,
  )
}

if (require.main === module) {
  process.env.LOG_LEVEL ??= 'warn'
  benchMeTab().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
