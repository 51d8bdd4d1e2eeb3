import { draw } from '@shared/domain/lottery'
import { shanghaiYear } from '@shared/domain/time'
import type { DrawSummary } from '@shared/contract'
import { isDuplicateWrite } from '../_lib/db-errors'
import type { Deps } from '../_lib/deps'
import type { ActivityDoc, LotteryDrawDoc, LotteryLossDoc, SignupDoc } from '../_lib/documents'
import { notify } from '../_lib/notify'
import { readAll } from '../_lib/read-all'

const lossId = (unionId: string, year: number, memberId: string) => `${unionId}:${year}:${memberId}`
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
  const { db } = deps
  const _ = db.command
  if (a.drawState === 'drawn') {
    const stored = (await db.collection('lottery_draws').doc(a._id).get()).data[0] as LotteryDrawDoc
    if (a.drawTold === false) await tellResults(deps, a, stored)
    return stored
  }
  await db.collection('activities').where({ _id: a._id, drawState: 'pending' }).update({ drawState: 'drawing' })
  const record = await fixDraw(deps, a)

  const now = deps.clock.now()
  for (const part of chunks(record.winners, 100)) await db.collection('signups').where({ activityId: a._id, memberId: _.in(part), status: 'entered' }).update({ status: 'confirmed', changedAt: now })
  for (const [i, memberId] of record.waitlist.entries()) await db.collection('signups').where({ activityId: a._id, memberId, status: 'entered' }).update({ status: 'waiting', seq: i + 1, changedAt: now })
  const year = shanghaiYear(record.createdAt)
  for (const memberId of record.waitlist) {
    const _id = lossId(a.unionId, year, memberId)
    const res = await db.collection('lottery_losses').where({ _id }).update({ lost: _.addToSet(a._id) })
    if (res.updated === 0) await addLoss(deps, { _id, unionId: a.unionId, year, memberId, lost: [a._id] })
  }
  await db
    .collection('activities')
    .where({ _id: a._id, drawState: 'drawing' })
    .update({ drawState: 'drawn', drawnAt: record.createdAt, confirmedCount: record.winners.length, placesAt: now, waitSeq: record.waitlist.length, drawTold: false })
  // Whichever run got here tells (a concurrent one's messages are the same keys).
  const after = (await db.collection('activities').doc(a._id).field({ drawTold: true }).get()).data[0] as Pick<ActivityDoc, 'drawTold'>
  if (after.drawTold === false) await tellResults(deps, a, record)
  return record
}

async function addLoss(deps: Deps, doc: LotteryLossDoc): Promise<void> {
  try {
    await deps.db.collection('lottery_losses').add(doc)
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error
    // Created meanwhile by an overlapping run: add this event to it.
    await deps.db.collection('lottery_losses').where({ _id: doc._id }).update({ lost: deps.db.command.addToSet(doc.lost[0]) })
  }
}

/** The stored draw, or a new one: entrants as they stand, each with this year's earlier losses. */
async function fixDraw(deps: Deps, a: ActivityDoc): Promise<LotteryDrawDoc> {
  const { db, clock, ids } = deps
  const existing = (await db.collection('lottery_draws').doc(a._id).get()).data[0] as LotteryDrawDoc | undefined
  if (existing) return existing
  const now = clock.now()
  const year = shanghaiYear(now)
  const entered = await readAll<SignupDoc>(db.collection('signups').where({ activityId: a._id, status: 'entered' }).field({ memberId: true }))
  const losses = new Map<string, number>()
  for (const part of chunks(entered.map((s) => lossId(a.unionId, year, s.memberId)), 100)) {
    for (const l of (await db.collection('lottery_losses').where({ _id: db.command.in(part) }).limit(part.length).get()).data as LotteryLossDoc[]) losses.set(l.memberId, l.lost.length)
  }
  const entrants = entered.map((s) => ({ memberId: s.memberId, priorLosses: losses.get(s.memberId) ?? 0 }))
  const seed = ids.next()
  const places = a.capacity ?? entrants.length
  const result = draw(entrants, places, seed)
  const record: LotteryDrawDoc = { _id: a._id, unionId: a.unionId, seed, places, entrants, winners: result.winners, waitlist: result.waitlist, createdAt: now }
  try {
    await db.collection('lottery_draws').add(record)
    return record
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error
    return (await db.collection('lottery_draws').doc(a._id).get()).data[0] as LotteryDrawDoc
  }
}

async function tellResults(deps: Deps, a: ActivityDoc, d: LotteryDrawDoc): Promise<void> {
  const link = `/pages/activity/index?id=${a._id}`
  const key = (memberId: string) => `lottery-result:${a._id}:${memberId}`
  await notify(deps, [
    ...d.winners.map((memberId) => ({ key: key(memberId), unionId: a.unionId, memberId, kind: 'lottery-result' as const, title: `中签：${a.title}`, body: '恭喜，您已抽中名额，请按时参加。', link })),
    ...d.waitlist.map((memberId, i) => ({ key: key(memberId), unionId: a.unionId, memberId, kind: 'lottery-result' as const, title: `未中签：${a.title}`, body: `这次没有抽中，您在候补第 ${i + 1} 位，有人取消时会按顺序递补。`, link })),
  ])
  await deps.db.collection('activities').where({ _id: a._id, drawTold: false }).update({ drawTold: true })
}

/** A lottery loser who later gets a place (someone cancelled) no longer counts as having lost. */
export async function takeBackLosses(deps: Deps, a: ActivityDoc, memberIds: readonly string[]): Promise<void> {
  if (a.allocation !== 'lottery' || !memberIds.length || !a.drawnAt) return
  const year = shanghaiYear(a.drawnAt)
  await deps.db.collection('lottery_losses').where({ _id: deps.db.command.in(memberIds.map((m) => lossId(a.unionId, year, m))) }).update({ lost: deps.db.command.pull(a._id) })
}

export async function drawSummary(deps: Deps, a: ActivityDoc, d: LotteryDrawDoc): Promise<DrawSummary> {
  const winners: { name: string; department: string }[] = []
  for (const part of chunks(d.winners, 100)) {
    const rows = (await deps.db.collection('signups').where({ activityId: a._id, memberId: deps.db.command.in(part) }).field({ memberId: true, memberName: true, departmentName: true }).limit(part.length).get()).data as SignupDoc[]
    const by = new Map(rows.map((r) => [r.memberId, r]))
    for (const m of part) winners.push({ name: by.get(m)?.memberName ?? '', department: by.get(m)?.departmentName ?? '' })
  }
  return { drawnAt: (a.drawnAt ?? d.createdAt).toISOString(), seed: d.seed, entrants: d.entrants.length, places: d.places, winners, waitlisted: d.waitlist.length }
}
