/**
 * Redemption storm: 1,000 vouchers redeemed by 10 clerks working through their queues at once, and
 * 100 clerks racing on one voucher — the project's way (scan → confirm → one conditional write)
 * beside read-then-update, in the same run on the same local CloudBase, so the table shows the
 * latter's double redemptions.
 */
import * as cloudbase from '@cloudbase/node-sdk'
import { EventEmitter } from 'node:events'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundledFunctions, startDevServer } from '../emulator/app-host/dev-server'
import { signCode } from '../cloudfunctions/_lib/signed-codes'
import { FUNCTIONS_OUT } from './function-names'
import { percentile, printTable } from './bench-table'
import { seedBoundMembers } from './bench-seed'

EventEmitter.defaultMaxListeners = 1000

const VOUCHERS = Number(process.env.BENCH_REDEEM_VOUCHERS ?? 1000)
const CLERKS = 10
const RACERS = 100
const POINT = 'demo-point-office'

type Reply = { ok: boolean; data?: Record<string, any>; error?: { code: string } }

export async function benchRedeem(): Promise<void> {
  // 99 refused redemptions are the point of the race; their warnings would bury the table.
  const logLevel = process.env.LOG_LEVEL
  process.env.LOG_LEVEL = 'error'
  const dataDir = mkdtempSync(join(tmpdir(), 'union-redeem-'))
  const server = await startDevServer({ port: 0, dataDir, resolveFunction: bundledFunctions(FUNCTIONS_OUT), seed: true })
  try {
    const db = cloudbase.init({ env: 'local' }).database()
    const holders = await seedBoundMembers('holder', VOUCHERS)
    const clerks = await seedBoundMembers('clerk', RACERS)
    await db
      .collection('roles')
      .add(
        clerks.map((m) => ({ _id: `${m}:redeemer:point:${POINT}`, unionId: 'demo-union', memberId: m, role: 'redeemer', scope: { kind: 'point', id: POINT } })),
      )
    const post = async (fn: string, openid: string, action: string, data: object): Promise<Reply> => {
      const res = await fetch(`${server.url}/fn/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-local-openid': openid },
        body: JSON.stringify({ action, data }),
      })
      return (await res.json()) as Reply
    }
    const day = 86_400_000
    const at = (ms: number) => new Date(Date.now() + ms).toISOString()
    const created = await post('benefit', 'demo-admin', 'createCampaign', {
      kind: 'other',
      name: '核销压测',
      faceValue: 10000,
      options: [{ name: '礼盒' }],
      claimClosesAt: at(day),
      redeemFrom: at(-day),
      redeemUntil: at(7 * day),
      pointIds: [POINT],
    })
    const campaignId = created.data!.id as string
    for (let i = 0; i < 100; i++) if ((await post('benefit', 'demo-admin', 'issue', { id: campaignId })).data!.done) break
    const secret = (JSON.parse(readFileSync(join(dataDir, 'local-secrets.json'), 'utf8')) as { UNION_CODE_SECRET: string }).UNION_CODE_SECRET
    // The QR token a member's phone would show (benefit.code signs exactly this).
    const token = (memberId: string) => signCode(secret, 'voucher', `${campaignId}:${memberId}`, new Date()).token

    // 1,000 vouchers, 10 clerks each serving a queue of 100 at once: scan (inspect) then confirm (redeem).
    const queues = Array.from({ length: CLERKS }, (_, c) => holders.filter((_, i) => i % CLERKS === c))
    const times: number[] = []
    let ok = 0
    const before = server.stats.roundTrips
    await Promise.all(
      queues.map(async (queue, c) => {
        for (const [i, holder] of queue.entries()) {
          const t = process.hrtime.bigint()
          const seen = await post('benefit', clerks[c], 'inspect', { code: token(holder), pointId: POINT })
          const done = seen.ok ? await post('benefit', clerks[c], 'redeem', { ticket: seen.data!.ticket, requestId: `bench-${c}-${i}-req` }) : seen
          times.push(Number(process.hrtime.bigint() - t) / 1e6)
          if (done.ok) ok++
        }
      }),
    )
    const trips = (server.stats.roundTrips - before) / VOUCHERS
    times.sort((a, b) => a - b)

    // 100 clerks racing on one voucher (the demo member's).
    const target = 'demo-member-04'
    const previews = await Promise.all(clerks.map((c) => post('benefit', c, 'inspect', { code: token(target), pointId: POINT })))
    const refused = previews.find((p) => !p.ok)
    if (refused) throw new Error(`inspect refused in the race setup: ${JSON.stringify(refused.error)}`)
    const raced = await Promise.all(clerks.map((c, i) => post('benefit', c, 'redeem', { ticket: previews[i].data!.ticket, requestId: `race-${i}-request` })))
    const raceWins = raced.filter((r) => r.ok).length

    // Read-then-update: read the voucher, and if unused mark it used — two requests with a gap between.
    const naiveIds = holders.map((h) => `naive:${h}`)
    for (let i = 0; i < naiveIds.length; i += 500)
      await db.collection('vouchers').add(naiveIds.slice(i, i + 500).map((_id) => ({ _id, unionId: 'demo-union', status: 'issued' })))
    const naiveRedeem = async (id: string, by: string) => {
      const v = (await db.collection('vouchers').doc(id).get()).data[0] as { status: string }
      if (v.status !== 'issued') return false
      await db.collection('vouchers').doc(id).update({ status: 'redeemed', by })
      return true
    }
    const naiveTimes: number[] = []
    const naiveBefore = server.stats.roundTrips
    let naiveOk = 0
    await Promise.all(
      queues.map(async (queue, c) => {
        for (const holder of queue) {
          const t = process.hrtime.bigint()
          if (await naiveRedeem(`naive:${holder}`, clerks[c])) naiveOk++
          naiveTimes.push(Number(process.hrtime.bigint() - t) / 1e6)
        }
      }),
    )
    const naiveTrips = (server.stats.roundTrips - naiveBefore) / VOUCHERS
    naiveTimes.sort((a, b) => a - b)
    await db.collection('vouchers').add({ _id: 'naive:race', unionId: 'demo-union', status: 'issued' })
    const naiveRace = (await Promise.all(clerks.map((c) => naiveRedeem('naive:race', c)))).filter(Boolean).length

    printTable(
      `核销风暴（${VOUCHERS} 张券 ${CLERKS} 个核销员；${RACERS} 人同时核销同一张）`,
      ['approach', 'redeemed', 'p50 ms', 'p99 ms', 'db round trips / redemption', 'wins on one voucher', 'double redemptions'],
      [
        [
          'scan + conditional write (inspect + redeem)',
          ok,
          percentile(times, 50).toFixed(0),
          percentile(times, 99).toFixed(0),
          trips.toFixed(1),
          raceWins,
          Math.max(0, raceWins - 1),
        ],
        [
          'read then update (naive, SDK only)',
          naiveOk,
          percentile(naiveTimes, 50).toFixed(0),
          percentile(naiveTimes, 99).toFixed(0),
          naiveTrips.toFixed(1),
          naiveRace,
          Math.max(0, naiveRace - 1),
        ],
      ],
    )
  } finally {
    if (logLevel === undefined) delete process.env.LOG_LEVEL
    else process.env.LOG_LEVEL = logLevel
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
