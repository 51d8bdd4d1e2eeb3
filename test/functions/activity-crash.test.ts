/**
 * The crash matrix for activities: every action that writes more than once is cut after each of its
 * writes in turn, the same caller tries again once the cut call is certainly over, the repair timer
 * runs, and then each event's count of places equals its confirmed sign-ups (never above the
 * capacity), nobody is signed up twice or left half-way, everyone was told once, and the caller's
 * own view shows the outcome.
 */
import type { CallResult } from '../support/app-server'
import { crashEachWrite, crashMatrixFile, ok, pastTimeLimit, runTimer, writesOf } from '../support/crash'
import { activityForm, eventHours } from '../support/activity-form'
import { localDb } from '../support/local-db'
import { newKey } from '../support/form-key'
import { at, HOUR } from '../support/time'
import { seedManyMembers } from '../support/many-members'

jest.setTimeout(120_000)

const { app, warnings, covered } = crashMatrixFile('activity')
const db = localDb()
const ADMIN = 'demo-admin'

/** The crash subjects' events: three days ahead, sign-up closing in one, cancelling in two. */
const CRASH_HOURS = { start: 72, end: 75, closes: 24, cancelBy: 48 }
const crashEvent = (over: object) => activityForm({ ...eventHours(CRASH_HOURS), ...over })

let made = 0
/** A fresh union-wide event posted by the admin, so each crash point has a subject of its own. */
async function newEvent(over: object = {}): Promise<string> {
  return (await ok(app.call('activity.create', crashEvent({ title: `崩溃测试活动${++made}`, capacity: 1, ...over }), ADMIN))).id
}

/** A fresh one-place event the members sign up for in turn: the first takes the place, the others queue. */
async function onePlaceWith(members: string[]): Promise<string> {
  const id = await newEvent({ capacity: 1 })
  for (const who of members) await ok(app.call('activity.signUp', { id }, who))
  return id
}

let people = 0
/** Fresh bound members (openid = member id), so no crash point shares a member with another. */
const freshMembers = (n: number) => seedManyMembers(n, `crash${++people}`)
interface Signup {
  _id: string
  memberId: string
  status: string
  seq: number | null
  placeOwed?: string | null
}
interface Activity {
  confirmedCount: number
  capacity: number | null
}
const activity = async (id: string) => (await db.collection('activities').doc(id).get()).data[0] as Activity
const signups = async (id: string) => (await db.collection('signups').where({ activityId: id }).limit(1000).get()).data as Signup[]
const messages = async (id: string) =>
  (
    await db
      .collection('messages')
      .where({ link: `/pages/activity/index?id=${id}` })
      .limit(1000)
      .get()
  ).data as { memberId: string; kind: string; title: string }[]
const statusOf = async (id: string, memberId: string) => (await signups(id)).find((s) => s.memberId === memberId)?.status

/** The invariants every event must meet once retries and the repair are done. */
async function expectConsistent(id: string): Promise<void> {
  const [a, rows, told] = await Promise.all([activity(id), signups(id), messages(id)])
  const confirmed = rows.filter((s) => s.status === 'confirmed')
  expect(new Set(rows.map((s) => s.memberId)).size).toBe(rows.length)
  expect(rows.filter((s) => s.status === 'joining')).toEqual([])
  expect(rows.filter((s) => s.placeOwed)).toEqual([])
  expect(a.confirmedCount).toBe(confirmed.length)
  if (a.capacity !== null) expect(confirmed.length).toBeLessThanOrEqual(a.capacity)
  const seqs = rows.filter((s) => s.status === 'waiting').map((s) => s.seq)
  expect(new Set(seqs).size).toBe(seqs.length)
  // Nobody hears the same thing twice.
  const heard = told.map((m) => `${m.memberId}|${m.kind}|${m.title}`)
  expect(new Set(heard).size).toBe(heard.length)
  // Free places go to the waitlist: nobody waits while a place is free.
  if (a.capacity !== null && confirmed.length < a.capacity) expect(seqs).toEqual([])
}

/** Runs one action's matrix: a clean run to count writes, then a cut after each write and a retry, then the repair. */
async function matrix<S>(
  action: string,
  subject: (k: number) => Promise<S>,
  call: (s: S, crashAfterWrites?: number) => Promise<CallResult>,
  clean?: (s: S) => Promise<CallResult>,
) {
  const first = await subject(0)
  const writes = clean ? (await clean(first)).writes : await writesOf(() => call(first))
  const results = await crashEachWrite({ writes, subject, call })
  covered[action] = results.length
  // The retries themselves wrote just now: the repair recounts an event only once nothing moved within the time limit.
  await pastTimeLimit()
  const repair = await runTimer(app, 'activity', 'repair')
  expect(repair.ok).toBe(true)
  return { writes, results, repair: repair.data }
}

describe('activity.create', () => {
  /** The create form as the client sends it: its key made once, its title telling subjects apart. */
  const form = (key: string, title: string, over: object = {}) => crashEvent({ key, title, capacity: 10, ...over })
  const titled = async (title: string) => (await db.collection('activities').where({ title }).limit(10).get()).data as { _id: string; createdBy: string }[]

  it('cut after its write, the same form sent again answers the one event posted', async () => {
    let n = 0
    const { writes, results } = await matrix(
      'activity.create',
      async () => ({ key: newKey(), title: `发布崩溃${++n}-${Date.now()}` }),
      ({ key, title }, crashAfterWrites) => app.call('activity.create', form(key, title), ADMIN, { crashAfterWrites }),
    )
    expect(writes).toBe(1)
    for (const { subject, retry } of results) {
      expect(retry.body.ok).toBe(true)
      const posted = await titled(subject.title)
      expect(posted).toHaveLength(1)
      expect(retry.body.data).toMatchObject({ id: posted[0]._id, title: subject.title, canManage: true, confirmedCount: 0 })
      // The same form a third time still answers that event, and posts nothing more.
      expect((await app.call('activity.create', form(subject.key, subject.title), ADMIN)).body.data.id).toBe(posted[0]._id)
      expect(await titled(subject.title)).toHaveLength(1)
    }
  })

  it('another organizer’s form with the same key posts their own event', async () => {
    const key = newKey()
    const title = `同一编号${Date.now()}`
    const mine = await ok(app.call('activity.create', form(key, title), ADMIN))
    const theirs = await ok(app.call('activity.create', form(key, title, { scope: { kind: 'department', id: 'demo-dept-2' } }), 'demo-leader'))
    expect(theirs.id).not.toBe(mine.id)
    expect(theirs.organizer).toBe('财务科工会小组')
    expect((await titled(title)).map((a) => a.createdBy).sort()).toEqual(['demo-member-01', 'demo-member-02'].sort())
  })
})

describe('activity.signUp', () => {
  it('a free place: cut after each write, the retry is confirmed and the count equals the sign-ups', async () => {
    const { writes, results, repair } = await matrix(
      'signUp (free place)',
      async () => ({ id: await newEvent({ capacity: 2 }), who: (await freshMembers(1))[0] }),
      (s, k) => app.call('activity.signUp', { id: s.id }, s.who, { crashAfterWrites: k }),
    )
    expect(writes).toBeGreaterThanOrEqual(3)
    for (const r of results) {
      expect(r.retry.body.data).toMatchObject({ status: 'confirmed', waitingPosition: null })
      expect((await ok(app.call('activity.get', { id: r.subject.id }, r.subject.who))).myStatus).toBe('confirmed')
      await expectConsistent(r.subject.id)
    }
    // The cut after the place was taken (and before the sign-up said so) left the count one high, which the repair lowered.
    expect(repair.recounted).toBeGreaterThanOrEqual(1)
    expect(warnings.some((w) => w.includes('places-recounted'))).toBe(true)
  })

  it('the waitlist: cut after each write, the retry is in line at position 1 behind the confirmed member', async () => {
    const { results } = await matrix(
      'signUp (waitlist)',
      async () => {
        const [first, who] = await freshMembers(2)
        return { id: await onePlaceWith([first]), who }
      },
      (s, k) => app.call('activity.signUp', { id: s.id }, s.who, { crashAfterWrites: k }),
    )
    for (const r of results) {
      expect(r.retry.body.data).toMatchObject({ status: 'waiting', waitingPosition: 1 })
      expect((await ok(app.call('activity.get', { id: r.subject.id }, r.subject.who))).waitingPosition).toBe(1)
      await expectConsistent(r.subject.id)
    }
  })

  it('full without a waitlist: cut after each write, the retry says 名额已满 and leaves no sign-up behind', async () => {
    const { results } = await matrix(
      'signUp (full, no waitlist)',
      async () => {
        const [first, who] = await freshMembers(2)
        const id = await newEvent({ capacity: 1, waitlist: false })
        await ok(app.call('activity.signUp', { id }, first))
        return { id, who }
      },
      (s, k) => app.call('activity.signUp', { id: s.id }, s.who, { crashAfterWrites: k }),
      (s) => app.call('activity.signUp', { id: s.id }, s.who),
    )
    for (const r of results) {
      expect(r.retry.body.error).toMatchObject({ code: 'FULL', message: '名额已满' })
      expect(await statusOf(r.subject.id, r.subject.who)).toBeUndefined()
      await expectConsistent(r.subject.id)
    }
  })

  it('a lottery entry: cut after its write, the retry answers entered and writes nothing more', async () => {
    const { results } = await matrix(
      'signUp (lottery entry)',
      async () => ({ id: await newEvent({ capacity: 2, allocation: 'lottery', drawAt: at(25 * HOUR) }), who: (await freshMembers(1))[0] }),
      (s, k) => app.call('activity.signUp', { id: s.id }, s.who, { crashAfterWrites: k }),
    )
    for (const r of results) {
      expect(r.retry.body.data).toMatchObject({ status: 'entered', waitingPosition: null })
      expect(r.retry.writes).toBe(0)
      expect((await signups(r.subject.id)).map((s) => s.status)).toEqual(['entered'])
    }
  })

  it('a claim still young is not taken over: the second call says it is being processed', async () => {
    const id = await newEvent({ capacity: 2 })
    const [who] = await freshMembers(1)
    expect((await app.call('activity.signUp', { id }, who, { crashAfterWrites: 1 })).crashed).toBe(true)
    expect((await app.call('activity.signUp', { id }, who)).body.error).toMatchObject({ code: 'CONFLICT', message: '报名正在处理中，请稍后刷新' })
    await pastTimeLimit()
    expect((await app.call('activity.signUp', { id }, who)).body.data.status).toBe('confirmed')
  })
})

describe('activity.cancel', () => {
  it('with a waitlist: cut after each write, the retry says cancelled and the head of the line holds the place, told once', async () => {
    const { writes, results } = await matrix(
      'cancel (hand on to the waitlist)',
      async () => {
        const [leaving, next] = await freshMembers(2)
        return { id: await onePlaceWith([leaving, next]), leaving, next }
      },
      (s, k) => app.call('activity.cancel', { id: s.id }, s.leaving, { crashAfterWrites: k }),
    )
    for (const r of results) {
      // A retry that finished the hand-on says so; after the last write there was nothing left to do.
      expect(r.retry.body.data.cancelled).toBe(r.k < writes)
      expect(await statusOf(r.subject.id, r.subject.leaving)).toBe('cancelled')
      expect((await ok(app.call('activity.get', { id: r.subject.id }, r.subject.next))).myStatus).toBe('confirmed')
      expect((await messages(r.subject.id)).filter((m) => m.memberId === r.subject.next && m.kind === 'waitlist-promoted')).toHaveLength(1)
      await expectConsistent(r.subject.id)
    }
  })

  it('with nobody waiting: cut after each write, the place is given back (by the retry or the repair)', async () => {
    const { results } = await matrix(
      'cancel (give the place back)',
      async () => {
        const [leaving] = await freshMembers(1)
        const id = await newEvent({ capacity: 2 })
        await ok(app.call('activity.signUp', { id }, leaving))
        return { id, leaving }
      },
      (s, k) => app.call('activity.cancel', { id: s.id }, s.leaving, { crashAfterWrites: k }),
    )
    for (const r of results) {
      expect(r.retry.body.ok).toBe(true)
      expect((await ok(app.call('activity.get', { id: r.subject.id }, r.subject.leaving))).confirmedCount).toBe(0)
      await expectConsistent(r.subject.id)
    }
  })
})

describe('the lottery draw', () => {
  /** A lottery of 2 places among 5 fresh entrants, its draw time reached. */
  async function dueLottery() {
    const entrants = await freshMembers(5)
    const id = await newEvent({ capacity: 2, allocation: 'lottery', drawAt: at(25 * HOUR) })
    for (const o of entrants) await ok(app.call('activity.signUp', { id }, o))
    await db
      .collection('activities')
      .doc(id)
      .update({ signUpOpensAt: new Date(Date.now() - 3 * HOUR), signUpClosesAt: new Date(Date.now() - 2 * HOUR), drawAt: new Date(Date.now() - 60_000) })
    return { id, entrants }
  }

  async function expectDrawn(id: string, entrants: string[]) {
    const record = (await db.collection('lottery_draws').doc(id).get()).data[0] as { winners: string[]; waitlist: string[] }
    const rows = await signups(id)
    expect(
      rows
        .filter((s) => s.status === 'confirmed')
        .map((s) => s.memberId)
        .sort(),
    ).toEqual([...record.winners].sort())
    expect(
      rows
        .filter((s) => s.status === 'waiting')
        .sort((x, y) => x.seq! - y.seq!)
        .map((s) => s.memberId),
    ).toEqual(record.waitlist)
    const told = (await messages(id)).filter((m) => m.kind === 'lottery-result')
    expect(told.map((m) => m.memberId).sort()).toEqual([...entrants].sort())
    const losses = (
      await db
        .collection('lottery_losses')
        .where({ memberId: db.command.in(record.waitlist) })
        .limit(100)
        .get()
    ).data as { memberId: string; lost: string[] }[]
    expect(losses.map((l) => l.lost.filter((e) => e === id).length)).toEqual(record.waitlist.map(() => 1))
    await expectConsistent(id)
  }

  it('立即抽签: cut after each write, the organizer’s retry finishes the same draw and everyone hears once', async () => {
    const { results } = await matrix('draw (organizer)', dueLottery, (s, k) => app.call('activity.draw', { id: s.id }, ADMIN, { crashAfterWrites: k }))
    for (const r of results) {
      expect(r.retry.body.data).toMatchObject({ entrants: 5, places: 2, waitlisted: 3 })
      await expectDrawn(r.subject.id, r.subject.entrants)
    }
  })

  it('the draw timer finishes a draw cut after each write', async () => {
    const subjects: { id: string; entrants: string[] }[] = []
    const writes = (await app.call('activity.draw', { id: (await dueLottery()).id }, ADMIN)).writes
    for (let k = 1; k <= writes; k++) {
      const s = await dueLottery()
      expect((await app.call('activity.draw', { id: s.id }, ADMIN, { crashAfterWrites: k })).crashed).toBe(true)
      subjects.push(s)
    }
    covered['draw (timer resumes)'] = subjects.length
    expect((await runTimer(app, 'activity', 'draw')).ok).toBe(true)
    for (const s of subjects) await expectDrawn(s.id, s.entrants)
  })
})

describe('organizer actions', () => {
  it('calling an event off: cut after each write, the retry tells everyone signed up or waiting, once', async () => {
    const { results } = await matrix(
      'cancelEvent',
      async () => {
        const [a, b] = await freshMembers(2)
        return { id: await onePlaceWith([a, b]), told: [a, b] }
      },
      (s, k) => app.call('activity.cancelEvent', { id: s.id, reason: '天气原因' }, ADMIN, { crashAfterWrites: k }),
    )
    for (const r of results) {
      expect(r.retry.body.ok).toBe(true)
      const off = (await messages(r.subject.id)).filter((m) => m.kind === 'activity-cancelled')
      expect(off.map((m) => m.memberId).sort()).toEqual([...r.subject.told].sort())
      expect((await ok(app.call('activity.get', { id: r.subject.id }, r.subject.told[0]))).signUpBlockedReason).toBe('活动已取消')
    }
  })

  it('a larger capacity with a new place: cut after each write, the retry lets the waitlist in and everyone hears of the change once', async () => {
    const edit = (id: string, title: string) => ({ id, title, type: '登山', place: '凤凰山南门', ...eventHours(CRASH_HOURS), capacity: 3 })
    const { results } = await matrix(
      'update (capacity up)',
      async () => {
        const members = await freshMembers(3)
        const id = await onePlaceWith(members)
        // The edit keeps the title and times, so only the place and the capacity change; a retry sends the same edit.
        const now = (await db.collection('activities').doc(id).get()).data[0] as {
          title: string
          startAt: Date
          endAt: Date
          signUpOpensAt: Date
          signUpClosesAt: Date
          cancelDeadline: Date
        }
        const times = Object.fromEntries(
          (['startAt', 'endAt', 'signUpOpensAt', 'signUpClosesAt', 'cancelDeadline'] as const).map((f) => [f, new Date(now[f]).toISOString()]),
        )
        return { id, members, edit: { ...edit(id, now.title), ...times } }
      },
      (s, k) => app.call('activity.update', s.edit, ADMIN, { crashAfterWrites: k }),
    )
    for (const r of results) {
      if (!r.retry.body.ok)
        throw new Error(
          `retry after write ${r.k}: ${JSON.stringify(r.retry.body)} ${warnings.filter((w) => w.includes('unexpected') && !w.includes('socket hang up')).join('\n')}`,
        )
      expect(r.retry.body.data).toMatchObject({ capacity: 3, confirmedCount: 3, place: '凤凰山南门' })
      const [, second, third] = r.subject.members
      expect(await statusOf(r.subject.id, second)).toBe('confirmed')
      expect(await statusOf(r.subject.id, third)).toBe('confirmed')
      const told = await messages(r.subject.id)
      expect(
        told
          .filter((m) => m.kind === 'waitlist-promoted')
          .map((m) => m.memberId)
          .sort(),
      ).toEqual([second, third].sort())
      expect(
        told
          .filter((m) => m.kind === 'activity-changed')
          .map((m) => m.memberId)
          .sort(),
      ).toEqual([...r.subject.members].sort())
      await expectConsistent(r.subject.id)
    }
  })
})

describe('the repair job finishes what nobody retried', () => {
  it('sign-ups, a hand-on and a call-off cut and left: completed as asked, counts made true, everyone told once', async () => {
    // Sign-ups cut after the claim and after the place was taken, never retried.
    const full = await newEvent({ capacity: 1, waitlist: false })
    const [holder, late, early, taken, leaving, next, a, b] = await freshMembers(8)
    await ok(app.call('activity.signUp', { id: full }, holder))
    const open = await newEvent({ capacity: 3 })
    const cuts = [
      await app.call('activity.signUp', { id: open }, early, { crashAfterWrites: 1 }),
      await app.call('activity.signUp', { id: open }, taken, { crashAfterWrites: 2 }),
      await app.call('activity.signUp', { id: full }, late, { crashAfterWrites: 1 }),
    ]
    // A cancel cut right after "cancelled", before the place went to the head of the line.
    const line = await onePlaceWith([leaving, next])
    cuts.push(await app.call('activity.cancel', { id: line }, leaving, { crashAfterWrites: 1 }))
    // A call-off cut before anyone was told.
    const off = await newEvent({ capacity: 2 })
    await ok(app.call('activity.signUp', { id: off }, a))
    await ok(app.call('activity.signUp', { id: off }, b))
    cuts.push(await app.call('activity.cancelEvent', { id: off, reason: '场地维修' }, ADMIN, { crashAfterWrites: 1 }))
    expect(cuts.every((c) => c.crashed)).toBe(true)
    expect((await activity(open)).confirmedCount).toBe(1)
    // Before the repair: the member's own view shows no sign-up yet.
    expect((await ok(app.call('activity.get', { id: open }, early))).myStatus).toBeNull()

    await pastTimeLimit()
    const repair = await runTimer(app, 'activity', 'repair')
    expect(repair.ok).toBe(true)
    expect(repair.data).toMatchObject({ finished: 3, handedOn: 1, calledOff: 1 })
    expect(repair.data.recounted).toBeGreaterThanOrEqual(1)

    expect((await ok(app.call('activity.get', { id: open }, early))).myStatus).toBe('confirmed')
    expect((await ok(app.call('activity.get', { id: open }, taken))).myStatus).toBe('confirmed')
    expect((await ok(app.call('activity.get', { id: full }, late))).myStatus).toBeNull()
    expect((await ok(app.call('activity.get', { id: line }, next))).myStatus).toBe('confirmed')
    for (const id of [open, full, line]) await expectConsistent(id)
    const resolved = [...(await messages(open)), ...(await messages(full))].filter((m) => m.kind === 'signup-resolved')
    expect(resolved.map((m) => `${m.memberId} ${m.title.split('：')[0]}`).sort()).toEqual(
      [`${early} 报名成功`, `${late} 报名未成功`, `${taken} 报名成功`].sort(),
    )
    expect((await messages(line)).filter((m) => m.kind === 'waitlist-promoted').map((m) => m.memberId)).toEqual([next])
    expect(
      (await messages(off))
        .filter((m) => m.kind === 'activity-cancelled')
        .map((m) => m.memberId)
        .sort(),
    ).toEqual([a, b].sort())
    expect(warnings.filter((w) => w.includes('"activity-repair"')).length).toBeGreaterThanOrEqual(5)

    // A second run finds nothing left to do.
    await pastTimeLimit()
    expect((await runTimer(app, 'activity', 'repair')).data).toMatchObject({
      recounted: 0,
      handedOn: 0,
      finished: 0,
      told: 0,
      notices: 0,
      calledOff: 0,
      promoted: 0,
    })
  })
})
