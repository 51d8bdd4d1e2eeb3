/**
 * Tried as a new user would: a storm of calls, the server killed with SIGKILL mid-storm and started
 * again on the same data, every caller whose call was cut retries, the repair timer runs. Each member
 * must end in exactly one state and every counter must equal its records.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startAppProcess, type AppProcess } from '../support/app-process'
import { activityForm } from '../support/activity-form'
import { runTimer } from '../support/crash'
import { localDb as db } from '../support/local-db'
import { seedManyMembers } from '../support/many-members'

jest.setTimeout(180_000)

const TIME_LIMIT_MS = 3000
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

let dataDir = ''
let app: AppProcess

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kill-storm-'))
  app = await startAppProcess(dataDir, TIME_LIMIT_MS)
})
afterAll(async () => {
  await app?.kill()
  rmSync(dataDir, { recursive: true, force: true })
})

/** Fires every call at once and SIGKILLs the server right after the `afterAnswers`-th answer; cut calls answer null. */
async function stormThenKill(calls: Array<() => Promise<{ body: any }>>, afterAnswers: number): Promise<Array<any | null>> {
  let answered = 0
  let killing: Promise<void> | undefined
  const results = await Promise.all(
    calls.map((call) =>
      call().then(
        (res) => {
          if (++answered === afterAnswers) killing = app.kill()
          return killing && answered > afterAnswers ? null : res.body
        },
        () => null,
      ),
    ),
  )
  await (killing ?? app.kill())
  return results
}

/** The same caller tries again, as a member would, until the answer is no longer "still being processed". */
async function retryUntilSettled(call: () => Promise<{ body: any }>): Promise<any> {
  const deadline = Date.now() + 4 * TIME_LIMIT_MS + 10_000
  for (;;) {
    const { body } = await call()
    if (!(body?.ok === false && body.error?.code === 'CONFLICT') || Date.now() > deadline) return body
    await sleep(500)
  }
}

/** The repair timer, as CloudBase runs it on its schedule: later than any cut call's time limit. */
async function runRepair(fn: string, trigger: string): Promise<unknown> {
  await sleep(TIME_LIMIT_MS + 300)
  const body = await runTimer(app, fn, trigger)
  expect(body.ok).toBe(true)
  return body.data
}

/**
 * 40 fresh members call `action` on the subject `create` makes, all at once; the server is killed
 * after the third answer and started again on the same data, and every caller whose call was cut
 * retries until settled. Answers the subject and the cut callers with their final answers.
 */
async function stormOf40(prefix: string, action: string, create: () => Promise<{ body: any }>) {
  const members = await seedManyMembers(40, prefix)
  const created = await create()
  expect(created.body.ok).toBe(true)
  const id = created.body.data.id as string

  const first = await stormThenKill(
    members.map((m) => () => app.call(action, { id }, m)),
    3,
  )
  const cut = members.filter((_, i) => first[i] === null)
  expect(cut.length).toBeGreaterThan(0)
  app = await startAppProcess(dataDir, TIME_LIMIT_MS)
  const retried = await Promise.all(cut.map((m) => retryUntilSettled(() => app.call(action, { id }, m))))
  return { id, cut, retried }
}

test('40 sign-ups for 5 places, the server killed after the third answer: every cut caller ends confirmed or waiting exactly once, counts equal records', async () => {
  const event = activityForm({ title: '周末徒步', capacity: 5, waitlist: true })
  const { id, cut, retried } = await stormOf40('storm', 'activity.signUp', () => app.call('activity.create', event, 'demo-admin'))
  for (const body of retried) {
    expect(body.ok).toBe(true)
    expect(['confirmed', 'waiting']).toContain(body.data.status)
  }
  await runRepair('activity', 'repair')

  const signups = (await db().collection('signups').where({ activityId: id }).limit(1000).get()).data as Array<{ memberId: string; status: string }>
  expect(signups).toHaveLength(40)
  expect(new Set(signups.map((s) => s.memberId)).size).toBe(40)
  expect(signups.every((s) => s.status === 'confirmed' || s.status === 'waiting')).toBe(true)
  const confirmed = signups.filter((s) => s.status === 'confirmed').length
  expect(confirmed).toBe(5)
  const [activity] = (await db().collection('activities').doc(id).get()).data as Array<{ confirmedCount: number }>
  expect(activity.confirmedCount).toBe(confirmed)
  // Each member's own view agrees with the records.
  for (const m of cut) {
    const mine = signups.find((s) => s.memberId === m)!
    const view = await app.call('activity.get', { id }, m)
    expect(view.body.data.myStatus).toBe(mine.status)
  }

  // The cancels: the 5 confirmed cancel at once, killed after the first answer; their places pass to the waitlist.
  const holders = signups.filter((s) => s.status === 'confirmed').map((s) => s.memberId)
  const cancels = await stormThenKill(
    holders.map((m) => () => app.call('activity.cancel', { id }, m)),
    1,
  )
  expect(cancels.filter((c) => c === null).length).toBeGreaterThan(0)
  app = await startAppProcess(dataDir, TIME_LIMIT_MS)
  await Promise.all(holders.map((m, i) => (cancels[i] === null ? retryUntilSettled(() => app.call('activity.cancel', { id }, m)) : null)))
  await runRepair('activity', 'repair')
  const after = (await db().collection('signups').where({ activityId: id }).limit(1000).get()).data as Array<{ memberId: string; status: string }>
  expect(after.filter((s) => holders.includes(s.memberId)).every((s) => s.status === 'cancelled')).toBe(true)
  const nowConfirmed = after.filter((s) => s.status === 'confirmed').length
  expect(nowConfirmed).toBe(5)
  const [again] = (await db().collection('activities').doc(id).get()).data as Array<{ confirmedCount: number }>
  expect(again.confirmedCount).toBe(nowConfirmed)
})

test('40 members join a 5-seat open group, the server killed after the third answer: each ends joined or refused once, the count equals the roster', async () => {
  const night = { name: '夜跑', joinPolicy: 'open', sizeLimit: 5, leaderIds: ['demo-member-02'] }
  const { id, retried } = await stormOf40('gstorm', 'group.join', () => app.call('group.create', night, 'demo-admin'))
  for (const body of retried) {
    if (body.ok) expect(body.data.status).toBe('active')
    else expect(body.error.code).toBe('FULL')
  }
  await runRepair('group', 'repair')

  const [group] = (await db().collection('groups').doc(id).get()).data as Array<{ memberCount: number }>
  const roster = (await db().collection('group_members').where({ groupId: id, status: 'active' }).limit(1000).get()).data as Array<{ memberId: string }>
  expect(new Set(roster.map((r) => r.memberId)).size).toBe(roster.length)
  expect(group.memberCount).toBe(roster.length)
  // The leader is on the roster too; the size limit holds.
  expect(roster.length).toBeLessThanOrEqual(5)
})
