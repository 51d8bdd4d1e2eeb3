/**
 * The crash matrix for groups: every action that writes more than once is cut after each of its
 * writes in turn, the same caller tries again once the cut call is certainly over, the repair timer
 * runs, and then each group's count equals its roster, nobody is in a group twice, nothing is left
 * half-done, and the caller's own view shows the outcome.
 */
import type { CallResult } from '../support/app-server'
import { crashEachWrite, crashMatrixFile, ok, pastTimeLimit, runTimer, writesOf } from '../support/crash'
import { localDb } from '../support/local-db'
import { seedManyMembers } from '../support/many-members'

jest.setTimeout(90_000)

const { app, warnings, covered } = crashMatrixFile('group')
const db = localDb()

const MEMBER = 'demo-member' // 刘洋, demo-member-04
const MEMBER_ID = 'demo-member-04'
const LEADER = 'demo-leader' // 李娜, demo-member-02
const LEADER_ID = 'demo-member-02'

let made = 0
/** A fresh group led by 李娜, so each crash point has a subject of its own. */
async function newGroup(joinPolicy: 'open' | 'approval', sizeLimit: number | null = null): Promise<string> {
  const res = await app.call('group.create', { name: `崩溃测试${++made}`, joinPolicy, sizeLimit, leaderIds: [LEADER_ID] }, 'demo-admin')
  if (!res.body.ok) throw new Error(`group.create failed: ${JSON.stringify(res.body)}`)
  return res.body.data.id
}

/** A fresh approval group 刘洋 has asked to join. */
async function pendingRequest(): Promise<string> {
  const id = await newGroup('approval')
  await ok(app.call('group.join', { id }, MEMBER))
  return id
}

const groupDoc = async (id: string) => (await db.collection('groups').doc(id).get()).data[0] as { memberCount: number; sizeLimit: number | null }
/** The member's 小组审批 messages about this group: each decision is told exactly once. */
const decisionMessages = async (id: string) =>
  (
    await db
      .collection('messages')
      .where({ memberId: MEMBER_ID, kind: 'group-decision', link: `/pages/group/index?id=${id}` })
      .limit(10)
      .get()
  ).data as { title: string; body: string }[]
const memberships = async (id: string) =>
  (await db.collection('group_members').where({ groupId: id }).limit(1000).get()).data as { memberId: string; status: string }[]

/** The invariants every group must meet once retries and the repair are done. */
async function expectConsistent(id: string): Promise<void> {
  const [group, docs] = await Promise.all([groupDoc(id), memberships(id)])
  const active = docs.filter((d) => d.status === 'active')
  expect(new Set(docs.map((d) => d.memberId)).size).toBe(docs.length)
  expect(docs.filter((d) => d.status === 'joining')).toEqual([])
  expect(group.memberCount).toBe(active.length)
  if (group.sizeLimit !== null) expect(active.length).toBeLessThanOrEqual(group.sizeLimit)
  // The roster screen shows the same number the card does.
  const roster = await ok(app.call('group.roster', { id, pageSize: 100 }, LEADER))
  expect(roster.total).toBe(group.memberCount)
}

/** Runs one action's matrix: a clean run to count writes, then a cut after each write and a retry. */
async function matrix<S>(action: string, subject: (k: number) => Promise<S>, call: (s: S, crashAfterWrites?: number) => Promise<CallResult>) {
  const writes = await writesOf(async () => call(await subject(0)))
  const results = await crashEachWrite({ writes, subject, call })
  covered[action] = results.length
  const repair = await runTimer(app, 'group', 'repair')
  expect(repair.ok).toBe(true)
  return { writes, results, repair: repair.data }
}

describe('joining an open group', () => {
  it('cut after each write, the member’s retry joins them once and the count equals the roster', async () => {
    const { writes, results } = await matrix(
      'group.join (open)',
      () => newGroup('open', 5),
      (id, crashAfterWrites) => app.call('group.join', { id }, MEMBER, { crashAfterWrites }),
    )
    expect(writes).toBe(3) // claim, seat, active
    for (const { subject: id, retry } of results) {
      expect(retry.body).toEqual({ ok: true, data: { status: 'active' } })
      expect((await ok(app.call('group.get', { id }, MEMBER))).myStatus).toBe('active')
      await expectConsistent(id)
      expect((await groupDoc(id)).memberCount).toBe(2)
    }
  })

  it('cut while taking the last seat, the retry still gets it; another member then hears FULL', async () => {
    const ids = await Promise.all([1, 2, 3].map(() => newGroup('open', 2)))
    const cuts = await Promise.all(ids.map((id, i) => app.call('group.join', { id }, MEMBER, { crashAfterWrites: i + 1 })))
    expect(cuts.every((c) => c.crashed)).toBe(true)
    await pastTimeLimit()
    for (const id of ids) {
      expect((await app.call('group.join', { id }, MEMBER)).body).toEqual({ ok: true, data: { status: 'active' } })
      expect((await app.call('group.join', { id }, 'demo-auditor')).body.error).toMatchObject({ code: 'FULL' })
      await expectConsistent(id)
    }
  })

  it('a retry while the cut call may still be running is told it is being processed, and writes nothing', async () => {
    const id = await newGroup('open')
    expect((await app.call('group.join', { id }, MEMBER, { crashAfterWrites: 1 })).crashed).toBe(true)
    const early = await app.call('group.join', { id }, MEMBER)
    expect(early.body.error).toMatchObject({ code: 'CONFLICT', message: '正在处理中，请稍后刷新查看结果' })
    expect(early.writes).toBe(0)
    expect((await ok(app.call('group.get', { id }, MEMBER))).myStatus).toBe('pending')
    await pastTimeLimit()
    expect((await app.call('group.join', { id }, MEMBER)).body.data.status).toBe('active')
    await expectConsistent(id)
  })

  it('claims nobody came back for are finished by the repair: seated in order while there is room, the rest given up, each logged', async () => {
    const id = await newGroup('open', 3) // the leader and two more
    const joiners = await seedManyMembers(3, 'crash-join')
    // The first two are cut after their claim, the third after taking its seat: the count says 2.
    for (const [i, openid] of joiners.entries()) expect((await app.call('group.join', { id }, openid, { crashAfterWrites: i < 2 ? 1 : 2 })).crashed).toBe(true)
    expect((await groupDoc(id)).memberCount).toBe(2)
    await pastTimeLimit()
    warnings.length = 0
    const repair = await runTimer(app, 'group', 'repair')
    const lines = warnings.filter((l) => l.includes('group-seats-repaired'))
    expect(repair.data).toMatchObject({ completed: 2, released: 1 })
    expect(lines.map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ groupId: id, from: 2, to: 3, completed: 2, released: 1 })])
    // The names of those repaired never reach the log.
    expect(lines.join('\n')).not.toMatch(/crash-join/)
    const docs = await memberships(id)
    expect(
      docs
        .filter((d) => d.memberId.startsWith('crash-join'))
        .map((d) => d.status)
        .sort(),
    ).toEqual(['active', 'active'])
    await expectConsistent(id)
    // The one given up may ask again and hears FULL, plainly.
    const givenUp = joiners.find((j) => !docs.some((d) => d.memberId === j))!
    expect((await app.call('group.join', { id }, givenUp)).body.error.code).toBe('FULL')
  })

  it('the repair leaves a claim still in flight alone and fixes a count that drifted', async () => {
    const id = await newGroup('open')
    await db.collection('groups').doc(id).update({ memberCount: 7 })
    expect((await app.call('group.join', { id }, MEMBER, { crashAfterWrites: 1 })).crashed).toBe(true)
    // Young claim: it may still take its seat, so the count is only brought down to roster + 1.
    expect((await runTimer(app, 'group', 'repair')).ok).toBe(true)
    expect((await groupDoc(id)).memberCount).toBe(2)
    expect((await memberships(id)).find((d) => d.memberId === MEMBER_ID)?.status).toBe('joining')
    await pastTimeLimit()
    expect((await runTimer(app, 'group', 'repair')).data).toMatchObject({ completed: 1 })
    expect((await ok(app.call('group.get', { id }, MEMBER))).myStatus).toBe('active')
    await expectConsistent(id)
  })
})

describe('approval groups', () => {
  it('asking to join (one write) cut and retried: one request, pending', async () => {
    const { writes, results } = await matrix(
      'group.join (approval)',
      () => newGroup('approval'),
      (id, crashAfterWrites) => app.call('group.join', { id }, MEMBER, { crashAfterWrites }),
    )
    expect(writes).toBe(1)
    for (const { subject: id, retry } of results) {
      expect(retry.body.data).toEqual({ status: 'pending' })
      expect((await ok(app.call('group.requests', { id }, LEADER))).total).toBe(1)
      await expectConsistent(id)
    }
  })

  it('an approval cut after each write is finished by the leader’s retry, and the member sees it', async () => {
    const subject = async () => {
      const id = await newGroup('approval', 4)
      await ok(app.call('group.join', { id }, MEMBER))
      return id
    }
    const { writes, results } = await matrix('group.decide (approve)', subject, (id, crashAfterWrites) =>
      app.call('group.decide', { id, memberId: MEMBER_ID, approve: true }, LEADER, { crashAfterWrites }),
    )
    expect(writes).toBe(4)
    for (const { subject: id, retry } of results) {
      expect(retry.body).toEqual({ ok: true, data: { status: 'active' } })
      expect((await decisionMessages(id)).map((m) => m.title)).toEqual([expect.stringMatching(/^申请已通过：/)])
      expect((await ok(app.call('group.get', { id }, MEMBER))).myStatus).toBe('active')
      expect((await ok(app.call('group.requests', { id }, LEADER))).total).toBe(0)
      await expectConsistent(id)
      expect((await groupDoc(id)).memberCount).toBe(2)
    }
  })

  it('declining cut after each write and retried answers the decision once and tells the member once', async () => {
    const { writes, results } = await matrix('group.decide (decline)', pendingRequest, (id, crashAfterWrites) =>
      app.call('group.decide', { id, memberId: MEMBER_ID, approve: false, reason: '名额已满' }, LEADER, { crashAfterWrites }),
    )
    expect(writes).toBe(2)
    for (const { subject: id, retry } of results) {
      expect(retry.body.data).toEqual({ status: 'declined' })
      const told = await decisionMessages(id)
      expect(told).toHaveLength(1)
      expect(told[0].body).toContain('原因：名额已满')
      expect((await ok(app.call('group.get', { id }, MEMBER))).myDecision).toEqual({ status: 'declined', reason: '名额已满' })
      await expectConsistent(id)
    }
  })

  it('withdrawing a request (one write) cut and retried: the request is gone', async () => {
    const { writes, results } = await matrix('group.leave (withdraw)', pendingRequest, (id, crashAfterWrites) =>
      app.call('group.leave', { id }, MEMBER, { crashAfterWrites }),
    )
    expect(writes).toBe(1)
    for (const { subject: id, retry } of results) {
      expect(retry.body.ok).toBe(true)
      expect((await ok(app.call('group.get', { id }, MEMBER))).myStatus).toBeNull()
      expect((await ok(app.call('group.requests', { id }, LEADER))).total).toBe(0)
      await expectConsistent(id)
    }
  })
})

describe('leaving and being removed', () => {
  const joined = async () => {
    const id = await newGroup('open', 5)
    await ok(app.call('group.join', { id }, MEMBER))
    return id
  }

  it('a leave cut after each write is finished by the retry: the seat is given back once', async () => {
    const { writes, results } = await matrix('group.leave', joined, (id, crashAfterWrites) => app.call('group.leave', { id }, MEMBER, { crashAfterWrites }))
    expect(writes).toBe(2) // left, seat given back
    for (const { subject: id, retry } of results) {
      expect(retry.body).toEqual({ ok: true, data: { left: false } })
      expect((await ok(app.call('group.get', { id }, MEMBER))).myStatus).toBeNull()
      await expectConsistent(id)
      expect((await groupDoc(id)).memberCount).toBe(1)
    }
  })

  it('the retry alone (before any repair) makes the count true again', async () => {
    const id = await joined()
    expect((await app.call('group.leave', { id }, MEMBER, { crashAfterWrites: 1 })).crashed).toBe(true)
    expect((await groupDoc(id)).memberCount).toBe(2)
    await pastTimeLimit()
    expect((await app.call('group.leave', { id }, MEMBER)).body.data).toEqual({ left: false })
    expect((await groupDoc(id)).memberCount).toBe(1)
  })

  it('withdrawing a join left half-done by a dead call gives back whatever seat it took', async () => {
    const id = await newGroup('open', 5)
    expect((await app.call('group.join', { id }, MEMBER, { crashAfterWrites: 2 })).crashed).toBe(true)
    expect((await app.call('group.leave', { id }, MEMBER)).body.error).toMatchObject({ code: 'CONFLICT' })
    await pastTimeLimit()
    expect((await app.call('group.leave', { id }, MEMBER)).body.data).toEqual({ left: true })
    await expectConsistent(id)
    expect((await groupDoc(id)).memberCount).toBe(1)
  })

  it('a removal cut after each write is finished by the leader’s retry', async () => {
    const { writes, results } = await matrix('group.remove', joined, (id, crashAfterWrites) =>
      app.call('group.remove', { id, memberId: MEMBER_ID, reason: '长期未参加' }, LEADER, { crashAfterWrites }),
    )
    expect(writes).toBe(2)
    for (const { subject: id, retry } of results) {
      expect(retry.body).toEqual({ ok: true, data: { removed: false } })
      expect((await ok(app.call('group.get', { id }, MEMBER))).myDecision).toEqual({ status: 'removed', reason: '长期未参加' })
      await expectConsistent(id)
      expect((await groupDoc(id)).memberCount).toBe(1)
    }
  })

  it('a hand-over cut after each write is finished or recognised by the old leader’s retry: exactly one leader', async () => {
    const { writes, results } = await matrix('group.handOver', joined, (id, crashAfterWrites) =>
      app.call('group.handOver', { id, toMemberId: MEMBER_ID }, LEADER, { crashAfterWrites }),
    )
    expect(writes).toBe(2)
    for (const { subject: id, retry } of results) {
      expect(retry.body.ok).toBe(true)
      expect(retry.body.data.leaders.map((l: { name: string }) => l.name)).toEqual(['刘洋'])
      const grants = (await db.collection('roles').where({ role: 'leader', 'scope.kind': 'group', 'scope.id': id }).get()).data as { memberId: string }[]
      expect(grants.map((g) => g.memberId)).toEqual([MEMBER_ID])
      expect((await ok(app.call('group.get', { id }, MEMBER))).iLead).toBe(true)
      await expectConsistent(id)
    }
  })
})

describe('founding a group', () => {
  const form = (name: string) => ({ name, description: '每周三晚练球', joinPolicy: 'open' as const, sizeLimit: 10, leaderIds: [LEADER_ID] })
  const named = async (name: string) =>
    (await db.collection('groups').where({ name }).limit(10).get()).data as { _id: string; memberCount: number; founding?: unknown }[]
  const leaderGrants = async (id: string) =>
    ((await db.collection('roles').where({ role: 'leader', 'scope.kind': 'group', 'scope.id': id }).get()).data as { memberId: string }[]).map(
      (g) => g.memberId,
    )

  /** One group of the name, its leader granted and seated, the founding done, the leader's view right. */
  async function expectFounded(name: string): Promise<string> {
    const groups = await named(name)
    expect(groups).toHaveLength(1)
    const [group] = groups
    expect(group.founding).toBeUndefined()
    expect(await leaderGrants(group._id)).toEqual([LEADER_ID])
    expect((await memberships(group._id)).map((d) => [d.memberId, d.status])).toEqual([[LEADER_ID, 'active']])
    const seen = await ok(app.call('group.get', { id: group._id }, LEADER))
    expect(seen).toMatchObject({ iLead: true, myStatus: 'active', memberCount: 1 })
    await expectConsistent(group._id)
    return group._id
  }

  it('a create cut after each write is finished by the same admin sending the same form: one group, its leader in place', async () => {
    let n = 0
    const { writes, results } = await matrix(
      'group.create',
      async () => `建组崩溃${++n}-${Date.now()}`,
      (name, crashAfterWrites) => app.call('group.create', form(name), 'demo-admin', { crashAfterWrites }),
    )
    expect(writes).toBe(4) // the group, the leader's grant, the leader's membership, the founding done
    for (const { subject: name, retry } of results) {
      expect(retry.body.ok).toBe(true)
      expect(retry.body.data).toMatchObject({ name, leaders: [{ memberId: LEADER_ID, name: '李娜' }], memberCount: 1 })
      expect(retry.body.data.id).toBe(await expectFounded(name))
    }
  })

  it('a founding nobody came back for is finished by the repair, and logged without names', async () => {
    const name = `无人重试${Date.now()}`
    expect((await app.call('group.create', form(name), 'demo-admin', { crashAfterWrites: 1 })).crashed).toBe(true)
    const [group] = await named(name)
    expect(await leaderGrants(group._id)).toEqual([])
    // Still young: the repair leaves it to the call that may still be writing.
    expect((await runTimer(app, 'group', 'repair')).data).toMatchObject({ founded: 0 })
    expect((await named(name))[0].founding).toBeDefined()
    await pastTimeLimit()
    warnings.length = 0
    expect((await runTimer(app, 'group', 'repair')).data).toMatchObject({ founded: 1 })
    const lines = warnings.filter((l) => l.includes('group-founding-finished'))
    expect(lines.map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ groupId: group._id, leaders: 1, asked: 1 })])
    expect(lines.join('\n')).not.toMatch(/李娜|demo-member/)
    await expectFounded(name)
    // The admin's late retry is answered the group: its only write is the insert the name refuses.
    const late = await app.call('group.create', form(name), 'demo-admin')
    expect(late.body.data).toMatchObject({ id: group._id, leaders: [{ memberId: LEADER_ID, name: '李娜' }] })
    expect(late.writes).toBe(1)
    await expectFounded(name)
  })

  it('another form under a name already taken still hears that the name is taken', async () => {
    const name = `改了再发${Date.now()}`
    expect((await app.call('group.create', form(name), 'demo-admin', { crashAfterWrites: 1 })).crashed).toBe(true)
    const other = await app.call('group.create', { ...form(name), description: '另一个小组' }, 'demo-admin')
    expect(other.body.error).toMatchObject({ code: 'CONFLICT', message: `已经有一个叫「${name}」的小组了` })
    expect(other.writes).toBe(1) // the refused insert, nothing else
    expect(await leaderGrants((await named(name))[0]._id)).toEqual([])
    await pastTimeLimit()
    expect((await runTimer(app, 'group', 'repair')).ok).toBe(true)
    await expectFounded(name)
  })
})
