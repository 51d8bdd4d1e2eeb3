import { draw } from '@shared/domain/lottery'
import { shanghaiYear } from '@shared/domain/time'
import type { DrawSummary } from '@shared/contract'
import type { Deps } from '../_lib/deps'
import { notify } from '../_lib/notify'
import { drawToldOf, markDrawing, markDrawn, markDrawTold } from './activities.repo'
import { addLoss, fixDrawOnce, lossesOf, lossId, readDraw, takeBackLoss } from './lottery.repo'
import type { ActivityDoc, LotteryDrawDoc } from './records'
import { drawWaiting, drawWinners, enteredMembers, namesOf } from './signups.repo'
const chunks = <T>(xs: readonly T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n))

/**
 * 抽签. The draw is fixed once, in a record keyed by the event (seed, entrants with their earlier
 * losses, result); applying it is idempotent, so overlapping runs (timer and organizer) or a run
 * resumed after a crash give the same result. Entering can no longer be withdrawn once the draw
 * time has passed, so the entrants cannot change under a run. The results are told after the
 * event is marked drawn (`drawTold: false` until everyone has heard), each message keyed by event
 * and member, so a run cut anywhere is finished by the next — the organizer's retry or the timer.
 */
export async function runDraw(deps: Deps, a: ActivityDoc): Promise<LotteryDrawDoc> {
  if (a.drawState === 'drawn') {
    const stored = (await readDraw(deps, a._id))!
    if (a.drawTold === false) await tellResults(deps, a, stored)
    return stored
  }
  await markDrawing(deps, a._id)
  const record = await fixDraw(deps, a)

  for (const part of chunks(record.winners, 100)) await drawWinners(deps, a._id, part)
  for (const [i, memberId] of record.waitlist.entries()) await drawWaiting(deps, a._id, memberId, i + 1)
  const year = shanghaiYear(record.createdAt)
  for (const memberId of record.waitlist) await addLoss(deps, { _id: lossId(a.unionId, year, memberId), unionId: a.unionId, year, memberId, lost: [a._id] })
  await markDrawn(deps, a._id, { drawnAt: record.createdAt, confirmedCount: record.winners.length, waitSeq: record.waitlist.length })
  // Whichever run got here tells (a concurrent one's messages are the same keys).
  if ((await drawToldOf(deps, a._id)) === false) await tellResults(deps, a, record)
  return record
}

/** The stored draw, or a new one: entrants as they stand, each with this year's earlier losses. */
async function fixDraw(deps: Deps, a: ActivityDoc): Promise<LotteryDrawDoc> {
  const { clock, ids } = deps
  const existing = await readDraw(deps, a._id)
  if (existing) return existing
  const now = clock.now()
  const year = shanghaiYear(now)
  const entered = await enteredMembers(deps, a._id)
  const losses = new Map<string, number>()
  for (const part of chunks(
    entered.map((s) => lossId(a.unionId, year, s.memberId)),
    100,
  )) {
    for (const l of await lossesOf(deps, part)) losses.set(l.memberId, l.lost.length)
  }
  const entrants = entered.map((s) => ({ memberId: s.memberId, priorLosses: losses.get(s.memberId) ?? 0 }))
  const seed = ids.next()
  const places = a.capacity ?? entrants.length
  const result = draw(entrants, places, seed)
  return fixDrawOnce(deps, { _id: a._id, unionId: a.unionId, seed, places, entrants, winners: result.winners, waitlist: result.waitlist, createdAt: now })
}

async function tellResults(deps: Deps, a: ActivityDoc, d: LotteryDrawDoc): Promise<void> {
  const link = `/pages/activity/index?id=${a._id}`
  const key = (memberId: string) => `lottery-result:${a._id}:${memberId}`
  await notify(deps, [
    ...d.winners.map((memberId) => ({
      key: key(memberId),
      unionId: a.unionId,
      memberId,
      kind: 'lottery-result' as const,
      title: `中签：${a.title}`,
      body: '恭喜，您已抽中名额，请按时参加。',
      link,
    })),
    ...d.waitlist.map((memberId, i) => ({
      key: key(memberId),
      unionId: a.unionId,
      memberId,
      kind: 'lottery-result' as const,
      title: `未中签：${a.title}`,
      body: `这次没有抽中，您在候补第 ${i + 1} 位，有人取消时会按顺序递补。`,
      link,
    })),
  ])
  await markDrawTold(deps, a._id)
}

/** A lottery loser who later gets a place (someone cancelled) no longer counts as having lost. */
export async function takeBackLosses(deps: Deps, a: ActivityDoc, memberIds: readonly string[]): Promise<void> {
  if (a.allocation !== 'lottery' || !memberIds.length || !a.drawnAt) return
  const year = shanghaiYear(a.drawnAt)
  await takeBackLoss(
    deps,
    memberIds.map((m) => lossId(a.unionId, year, m)),
    a._id,
  )
}

export async function drawSummary(deps: Deps, a: ActivityDoc, d: LotteryDrawDoc): Promise<DrawSummary> {
  const winners: { name: string; department: string }[] = []
  for (const part of chunks(d.winners, 100)) {
    const rows = await namesOf(deps, a._id, part)
    const by = new Map(rows.map((r) => [r.memberId, r]))
    for (const m of part) winners.push({ name: by.get(m)?.memberName ?? '', department: by.get(m)?.departmentName ?? '' })
  }
  return {
    drawnAt: (a.drawnAt ?? d.createdAt).toISOString(),
    seed: d.seed,
    entrants: d.entrants.length,
    places: d.places,
    winners,
    waitlisted: d.waitlist.length,
  }
}
