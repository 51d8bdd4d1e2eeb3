/**
 * Opening 我的 (and 首页): the page makes one call, member.me, which carries the 消息 unread badge
 * in the same parallel batch as the union read — no call of its own. The table counts the calls a
 * tab open makes and the database round trips they cost, for a member with unread messages, a
 * leader (whose badge also counts join requests) and a reviewer (whose count includes reviewer
 * notices). Before the badge, member.me cost 4 / 6 / 4 round trips for these accounts.
 */
import * as cloudbase from '@cloudbase/node-sdk'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundledFunctions, startDevServer } from '../emulator/dev-server'
import { FUNCTIONS_OUT } from './function-names'
import { percentile, printTable } from './bench-table'

const CALLS = Number(process.env.BENCH_CALLS ?? 200)
/** What the tab's page asks for when it opens (client/src/pages/me/index.tsx). */
const ME_TAB_CALLS = [{ fn: 'member', action: 'me', data: {} }] as const
const BEFORE_BADGE: Record<string, number> = { 'demo-member': 4, 'demo-leader': 6, 'demo-reviewer': 4 }

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
        Array.from({ length: 30 }, (_, i) => ({ _id: `bench-msg-${memberId}-${i}`, unionId: 'demo-union', memberId, kind: 'activity-reminder', title: `活动提醒：第${i}场`, body: '', link: '/pages/activity/index?id=x', createdAt: new Date(now - i * 60_000), sentAt: null, ...(i % 3 ? { readAt: new Date(now) } : {}) })),
      ),
    )
    for (const openid of Object.keys(members)) {
      const open = () =>
        Promise.all(
          ME_TAB_CALLS.map(async (c) => {
            const res = await fetch(`${server.url}/fn/${c.fn}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-local-openid': openid }, body: JSON.stringify({ action: c.action, data: c.data }) })
            const body = (await res.json()) as { ok: boolean; data?: { badges?: { unreadMessages?: number } } }
            if (!body.ok) throw new Error(`${c.fn}.${c.action} failed: ${JSON.stringify(body)}`)
            return body.data?.badges?.unreadMessages
          }),
        )
      await open()
      const before = server.stats.roundTrips
      const [unread] = await open()
      const trips = server.stats.roundTrips - before
      const times: number[] = []
      for (let i = 0; i < CALLS; i++) {
        const t = process.hrtime.bigint()
        await open()
        times.push(Number(process.hrtime.bigint() - t) / 1e6)
      }
      times.sort((a, b) => a - b)
      rows.push([openid, ME_TAB_CALLS.length, `${BEFORE_BADGE[openid]} → ${trips}`, String(unread), percentile(times, 50).toFixed(1), percentile(times, 95).toFixed(1)])
    }
  } finally {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  printTable('打开「我的」（消息角标随 member.me 返回，不另调用）', ['account', 'function calls', 'db round trips (before badge → now)', 'unread', 'p50 ms', 'p95 ms'], rows)
}

if (require.main === module) {
  process.env.LOG_LEVEL ??= 'warn'
  benchMeTab().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
