/**
 * Sign-up storm: 500 callers at once for 50 places, the project's way (one conditional write per
 * place) beside the count-then-insert way many mini-programs use, in the same run on the same
 * local CloudBase, so the table shows what the latter over-books.
 */
import * as cloudbase from '@cloudbase/node-sdk'
import { EventEmitter } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundledFunctions, startDevServer } from '../emulator/app-host/dev-server'
import { FUNCTIONS_OUT } from './function-names'
import { newRequestId as newKey } from '../shared/domain/request-id'
import { percentile, printTable } from './bench-table'
import { seedBoundMembers } from './bench-seed'

// Hundreds of simultaneous SDK requests share keep-alive sockets; node-sdk adds a listener per request.
EventEmitter.defaultMaxListeners = 1000

const CALLERS = Number(process.env.BENCH_STORM_CALLERS ?? 500)
const PLACES = 50

export async function benchStorm(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'union-storm-'))
  const server = await startDevServer({ port: 0, dataDir, resolveFunction: bundledFunctions(FUNCTIONS_OUT), seed: true })
  try {
    const callers = await seedBoundMembers('storm', CALLERS)
    const hour = 3600_000
    const at = (ms: number) => new Date(Date.now() + ms).toISOString()
    const post = async (path: string, openid: string, body: object) => {
      const res = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-local-openid': openid },
        body: JSON.stringify(body),
      })
      return (await res.json()) as { ok: boolean; data?: { id?: string; status?: string }; error?: unknown }
    }
    const created = await post('/fn/activity', 'demo-admin', {
      action: 'create',
      data: {
        key: newKey(),
        scope: { kind: 'union' },
        title: '健步走',
        type: '健步走',
        place: '江滨公园',
        startAt: at(48 * hour),
        endAt: at(50 * hour),
        signUpOpensAt: at(-hour),
        signUpClosesAt: at(24 * hour),
        cancelDeadline: at(24 * hour),
        capacity: PLACES,
      },
    })
    const activityId = created.data!.id!

    // The project's way: every caller through the activity function.
    const before = server.stats.roundTrips
    const times: number[] = []
    const results = await Promise.all(
      callers.map(async (openid) => {
        const t = process.hrtime.bigint()
        const r = await post('/fn/activity', openid, { action: 'signUp', data: { id: activityId } })
        times.push(Number(process.hrtime.bigint() - t) / 1e6)
        return r
      }),
    )
    const tripsPerCall = (server.stats.roundTrips - before) / CALLERS
    const confirmed = results.filter((r) => r.ok && r.data?.status === 'confirmed').length
    times.sort((a, b) => a - b)

    // Count-then-insert: read how many are confirmed, then insert — two requests with a gap between.
    const db = cloudbase.init({ env: 'local' }).database()
    await db.collection('activities').doc('naive').set({ unionId: 'demo-union', title: 'naive', capacity: PLACES })
    const naiveBefore = server.stats.roundTrips
    const naiveTimes: number[] = []
    await Promise.all(
      callers.map(async (openid) => {
        const t = process.hrtime.bigint()
        const { total } = await db.collection('signups').where({ activityId: 'naive', status: 'confirmed' }).count()
        await db.collection('signups').add({
          _id: `naive:${openid}`,
          unionId: 'demo-union',
          activityId: 'naive',
          memberId: openid,
          status: total < PLACES ? 'confirmed' : 'waiting',
          signedAt: new Date(),
        })
        naiveTimes.push(Number(process.hrtime.bigint() - t) / 1e6)
      }),
    )
    const naiveTrips = (server.stats.roundTrips - naiveBefore) / CALLERS
    const naiveConfirmed = (await db.collection('signups').where({ activityId: 'naive', status: 'confirmed' }).count()).total
    naiveTimes.sort((a, b) => a - b)

    printTable(
      `报名风暴（${CALLERS} 人同时报名 ${PLACES} 个名额）`,
      ['approach', 'confirmed', 'over-booked', 'p50 ms', 'p99 ms', 'db round trips / sign-up'],
      [
        [
          'conditional write (activity.signUp)',
          confirmed,
          Math.max(0, confirmed - PLACES),
          percentile(times, 50).toFixed(0),
          percentile(times, 99).toFixed(0),
          tripsPerCall.toFixed(1),
        ],
        [
          'count then insert (naive, SDK only)',
          naiveConfirmed,
          Math.max(0, naiveConfirmed - PLACES),
          percentile(naiveTimes, 50).toFixed(0),
          percentile(naiveTimes, 99).toFixed(0),
          naiveTrips.toFixed(1),
        ],
      ],
    )
  } finally {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
