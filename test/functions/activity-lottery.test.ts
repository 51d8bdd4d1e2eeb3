import { draw } from '@shared/domain/lottery'
import { dayText, formatShanghai } from '@shared/domain/time'
import { appServerForFile } from '../support/app-server'
import { upload as uploadFile } from '../support/uploads'
import { callerAs, demoCallers } from '../support/callers'
import { activityForm, editFormOf, eventHours } from '../support/activity-form'
import { localDb as db } from '../support/local-db'
import { at, HOUR } from '../support/time'
import { seedManyMembers } from '../support/many-members'
import { writeCount } from '../support/write-count'

// Dozens of calls through HTTP on a 2-core machine: a generous ceiling, not a speed assertion.
jest.setTimeout(120_000)

const app = appServerForFile()
const as = (openid: string) => callerAs(app, openid)
const { admin, leader, member } = demoCallers(app)

const event = (over: object = {}) =>
  activityForm({
    title: '新年音乐会抽票',
    type: '观演',
    place: '市民中心音乐厅',
    ...eventHours({ start: 72, end: 75, closes: 24, cancelBy: 48 }),
    capacity: 4,
    allocation: 'lottery',
    drawAt: at(25 * HOUR),
    ...over,
  })
const create = async (over: object = {}, by = admin) => {
  const res = await by('activity.create', event(over))
  expect(res.body.error).toBeUndefined()
  return res.body.data.id as string
}

/** Moves an event's sign-up window and draw time into the past, as if the days had gone by. */
const reachDrawTime = (id: string) =>
  db()
    .collection('activities')
    .doc(id)
    .update({ signUpOpensAt: new Date(Date.now() - 3 * HOUR), signUpClosesAt: new Date(Date.now() - 2 * HOUR), drawAt: new Date(Date.now() - 60_000) })

const runTimer = async (name: string, openid?: string) => {
  const { main } = await import('../../cloudfunctions/activity')
  const { platformContext } = await import('../../emulator/app-host/function-runner')
  return main({ Type: 'Timer', TriggerName: name, Time: new Date().toISOString() }, platformContext('activity', openid)) as Promise<{
    ok: boolean
    data?: { drawn: number }
    error?: { code: string }
  }>
}
const messages = async (where: object) =>
  (await db().collection('messages').where(where).limit(1000).get()).data as { memberId: string; kind: string; title: string; body: string }[]
const signups = async (activityId: string) =>
  (await db().collection('signups').where({ activityId }).limit(1000).get()).data as { memberId: string; status: string; seq: number | null }[]
const lossesOf = async (memberId: string) =>
  ((await db().collection('lottery_losses').where({ memberId }).limit(10).get()).data as { lost: string[] }[]).flatMap((d) => d.lost)

describe('posting a lottery', () => {
  it('needs a capacity and a draw time between sign-up closing and the start', async () => {
    const refusal = async (over: object) => (await admin('activity.create', event(over))).body.error
    expect(await refusal({ capacity: null })).toMatchObject({ code: 'INVALID_ARGUMENT', message: '抽签活动需要设定名额' })
    expect(await refusal({ drawAt: null })).toMatchObject({ code: 'INVALID_ARGUMENT', message: '请设定抽签时间' })
    expect((await refusal({ drawAt: at(23 * HOUR) })).message).toBe('抽签时间不能早于报名截止时间')
    expect((await refusal({ drawAt: at(80 * HOUR) })).message).toBe('抽签时间不能晚于活动开始时间')
    expect((await admin('activity.create', event({ allocation: 'raffle' }))).body.error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { field: 'allocation' },
    })
  })
})

describe('entering and withdrawing before the draw', () => {
  it('an entry takes no place; a retry writes nothing; withdrawing is allowed until the draw time', async () => {
    const id = await create({ capacity: 1 })
    expect((await member('activity.signUp', { id })).body.data).toEqual({
      status: 'entered',
      waitingPosition: null,
      // What the detail page shows of it comes with the answer: the entrants counted afresh.
      detail: { myStatus: 'entered', waitingPosition: null, confirmedCount: 0, enteredCount: 1, checkedInAt: null, contest: null },
    })
    expect((await admin('activity.signUp', { id })).body.data).toMatchObject({ status: 'entered', detail: { enteredCount: 2 } })
    const before = writeCount(app.stats)
    expect((await member('activity.signUp', { id })).body.data.status).toBe('entered')
    expect(writeCount(app.stats)).toBe(before)
    expect((await member('activity.get', { id })).body.data).toMatchObject({
      myStatus: 'entered',
      confirmedCount: 0,
      allocation: 'lottery',
      drawnAt: null,
      enteredCount: 2,
      status: 'open',
      scope: { kind: 'union' },
    })
    const list = (await admin('activity.attendees', { id })).body.data
    expect(list).toMatchObject({ entered: 2, confirmed: 0, waiting: 0, total: 2 })
    expect(list.items.map((r: { name: string; status: string }) => [r.name, r.status])).toEqual([
      ['刘洋', 'entered'],
      ['张伟', 'entered'],
    ])
    const exported = (await admin('activity.export', { id, columns: ['name', 'status'] })).body.data
    expect(exported).toMatchObject({ count: 2, fileId: expect.stringMatching(/^cloud:\/\//) })
    expect((await member('activity.cancel', { id })).body.data).toMatchObject({ cancelled: true, detail: { myStatus: 'cancelled', enteredCount: 1 } })
    expect((await member('activity.signUp', { id })).body.data.status).toBe('entered')

    await reachDrawTime(id)
    const frozen = writeCount(app.stats)
    expect((await member('activity.cancel', { id })).body.error).toMatchObject({ code: 'CLOSED', message: '已经开始抽签，不能再退出抽签' })
    expect(writeCount(app.stats)).toBe(frozen)
  })

  it('the organizer cannot draw before the time, others never; no result before the draw', async () => {
    const id = await create()
    const early = (await admin('activity.draw', { id })).body.error
    expect(early.code).toBe('CLOSED')
    expect(early.message).toMatch(/^抽签时间是 (\d{4}年)?\d{1,2}月\d{1,2}日 周[日一二三四五六] \d{2}:\d{2}，到时再抽$/)
    await reachDrawTime(id)
    expect((await member('activity.draw', { id })).body.error.code).toBe('FORBIDDEN')
    expect((await member('activity.drawResult', { id })).body.error.code).toBe('NOT_FOUND')
  })
})

describe('the draw', () => {
  it('4 places among 10: winners confirmed, the rest waiting in draw order, reproducible from the stored seed, everyone told', async () => {
    const people = await seedManyMembers(10, 'lot-a')
    const id = await create()
    for (const o of people) expect((await app.call('activity.signUp', { id }, o)).body.data.status).toBe('entered')
    await reachDrawTime(id)
    const timer = await runTimer('draw')
    expect(timer.ok).toBe(true)
    expect(timer.data!.drawn).toBeGreaterThanOrEqual(1)

    const record = (await db().collection('lottery_draws').doc(id).get()).data[0] as {
      seed: string
      places: number
      entrants: { memberId: string; priorLosses: number }[]
      winners: string[]
      waitlist: string[]
    }
    expect(record.entrants).toHaveLength(10)
    // Anyone can re-run the draw from what was stored and get the same result.
    expect(draw(record.entrants, record.places, record.seed)).toEqual({ winners: record.winners, waitlist: record.waitlist })

    const rows = await signups(id)
    expect(
      rows
        .filter((r) => r.status === 'confirmed')
        .map((r) => r.memberId)
        .sort(),
    ).toEqual([...record.winners].sort())
    const waiting = rows.filter((r) => r.status === 'waiting').sort((a, b) => a.seq! - b.seq!)
    expect(waiting.map((r) => r.memberId)).toEqual(record.waitlist)
    expect((await app.call('activity.get', { id }, record.waitlist[0])).body.data).toMatchObject({ myStatus: 'waiting', waitingPosition: 1, confirmedCount: 4 })
    expect((await app.call('activity.get', { id }, record.winners[0])).body.data.myStatus).toBe('confirmed')

    const result = (await member('activity.drawResult', { id })).body.data
    expect(result).toMatchObject({ seed: record.seed, entrants: 10, places: 4, waitlisted: 6 })
    expect(result.winners).toHaveLength(4)
    expect(result.winners[0]).toEqual({ name: expect.stringMatching(/^会员\d$/), department: '人事科' })

    const told = await messages({ kind: 'lottery-result', link: `/pages/activity/index?id=${id}` })
    expect(
      told
        .filter((m) => m.title.startsWith('中签'))
        .map((m) => m.memberId)
        .sort(),
    ).toEqual([...record.winners].sort())
    expect(told.find((m) => m.memberId === record.waitlist[1])!.body).toContain('候补第 2 位')
    expect(await lossesOf(record.waitlist[0])).toContain(id)
    expect(await lossesOf(record.winners[0])).not.toContain(id)

    // Drawing again (organizer or timer) changes nothing and tells nobody twice.
    const again = await admin('activity.draw', { id })
    expect(again.body.data.seed).toBe(record.seed)
    await runTimer('draw')
    expect(await messages({ kind: 'lottery-result', link: `/pages/activity/index?id=${id}` })).toHaveLength(10)
  })

  it('members who lost earlier this year go first in the next lottery; a promoted loser no longer counts as having lost', async () => {
    const people = await seedManyMembers(8, 'lot-b')
    const first = await create({ capacity: 3, title: '第一场抽签' })
    for (const o of people) await app.call('activity.signUp', { id: first }, o)
    await reachDrawTime(first)
    await admin('activity.draw', { id: first })
    const one = (await db().collection('lottery_draws').doc(first).get()).data[0] as { winners: string[]; waitlist: string[] }

    const second = await create({ capacity: 5, title: '第二场抽签' })
    for (const o of people) await app.call('activity.signUp', { id: second }, o)
    await reachDrawTime(second)
    await admin('activity.draw', { id: second })
    const two = (await db().collection('lottery_draws').doc(second).get()).data[0] as {
      entrants: { memberId: string; priorLosses: number }[]
      winners: string[]
    }
    expect(
      two.entrants
        .filter((e) => e.priorLosses === 1)
        .map((e) => e.memberId)
        .sort(),
    ).toEqual([...one.waitlist].sort())
    expect([...two.winners].sort()).toEqual([...one.waitlist].sort())

    // A first-lottery winner withdraws before the cancellation deadline: the head of that lottery's line gets the place.
    expect((await app.call('activity.cancel', { id: first }, one.winners[0])).body.data.cancelled).toBe(true)
    expect((await app.call('activity.get', { id: first }, one.waitlist[0])).body.data.myStatus).toBe('confirmed')
    expect(await lossesOf(one.waitlist[0])).not.toContain(first)
    expect(await lossesOf(one.waitlist[1])).toContain(first)
  })

  it('the timer and five organizer calls at once make one draw, with one message each', async () => {
    const people = await seedManyMembers(12, 'lot-c')
    const id = await create({ capacity: 5 })
    await Promise.all(people.map((o) => app.call('activity.signUp', { id }, o)))
    await reachDrawTime(id)
    const results = await Promise.all([runTimer('draw'), ...Array.from({ length: 5 }, () => admin('activity.draw', { id }))])
    const seeds = new Set(results.slice(1).map((r) => (r as { body: { data: { seed: string } } }).body.data.seed))
    expect(seeds.size).toBe(1)
    const rows = await signups(id)
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(5)
    expect(
      rows
        .filter((r) => r.status === 'waiting')
        .map((r) => r.seq)
        .sort((a, b) => a! - b!),
    ).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect((await admin('activity.get', { id })).body.data).toMatchObject({ confirmedCount: 5, drawnAt: expect.any(String) })
    expect(await messages({ kind: 'lottery-result', link: `/pages/activity/index?id=${id}` })).toHaveLength(12)
  })
})

describe('editing an event', () => {
  it('the organizer moves the place and time: members signed up or waiting are told what changed; nothing is said for a new description', async () => {
    const id = await create({ allocation: 'fcfs', drawAt: null, capacity: 1, title: '秋季健步走', type: '健步走', place: '滨江公园' })
    await member('activity.signUp', { id })
    await as('demo-auditor')('activity.signUp', { id })
    const current = (await admin('activity.get', { id })).body.data
    const day = formatShanghai(new Date(Date.now() + 96 * HOUR), 'YYYY-MM-DD')
    const form = { ...editFormOf(current), place: '湿地公园东门', startAt: `${day}T09:00:00+08:00`, endAt: `${day}T12:00:00+08:00`, capacity: 1 }
    const saved = await admin('activity.update', form)
    expect(saved.body.data).toMatchObject({ place: '湿地公园东门', confirmedCount: 1 })
    const told = await messages({ kind: 'activity-changed', title: '活动有变更：秋季健步走' })
    expect(told.map((m) => m.memberId).sort()).toEqual(['demo-member-04', 'demo-member-05'])
    expect(told[0].body).toBe(`时间改为 ${dayText(`${day}T09:00:00+08:00`, new Date())} 09:00—12:00；地点改为 湿地公园东门。`)

    await admin('activity.update', { ...form, description: '请穿运动鞋' })
    expect(await messages({ kind: 'activity-changed', title: '活动有变更：秋季健步走' })).toHaveLength(2)
  })

  it('a larger capacity lets the waitlist in; a smaller one than the places taken is refused with the number, nothing written', async () => {
    const id = await create({ allocation: 'fcfs', drawAt: null, capacity: 1, title: '乒乓球赛' })
    await member('activity.signUp', { id })
    await as('demo-auditor')('activity.signUp', { id })
    const d = (await admin('activity.get', { id })).body.data
    const form = editFormOf(d)
    expect((await admin('activity.update', { ...form, capacity: 2 })).body.data.confirmedCount).toBe(2)
    expect((await as('demo-auditor')('activity.get', { id })).body.data.myStatus).toBe('confirmed')
    expect((await messages({ memberId: 'demo-member-05', kind: 'waitlist-promoted', title: '报名成功：乒乓球赛' })).length).toBe(1)

    const before = writeCount(app.stats)
    expect((await admin('activity.update', { ...form, capacity: 1 })).body.error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '已有 2 人报名成功，名额不能少于 2',
    })
    expect(writeCount(app.stats)).toBe(before)
    expect((await admin('activity.get', { id })).body.data.capacity).toBe(2)
  })

  it('once people signed up the extra fields and the allocation stay; only the organizer edits', async () => {
    const fields = [{ key: 'size', label: '衣服尺码', type: 'single', required: true, options: ['M', 'L'] }]
    const id = await create({ allocation: 'fcfs', drawAt: null, fields })
    await member('activity.signUp', { id, answers: { size: 'L' } })
    const d = (await admin('activity.get', { id })).body.data
    const form = { ...editFormOf(d), capacity: d.capacity, fields }
    const before = writeCount(app.stats)
    expect((await admin('activity.update', { ...form, fields: [] })).body.error.message).toBe('已有人报名，报名项不能再修改')
    expect((await admin('activity.update', { ...form, allocation: 'lottery', drawAt: at(30 * HOUR) })).body.error.message).toBe(
      '已有人报名，名额分配方式不能再修改',
    )
    expect((await leader('activity.update', { ...form, place: '别处' })).body.error.code).toBe('FORBIDDEN')
    expect((await member('activity.update', { ...form, place: '别处' })).body.error.code).toBe('FORBIDDEN')
    expect(writeCount(app.stats)).toBe(before)
  })
})

describe('结对竞赛 and the cover picture', () => {
  it('counts sign-ups and check-ins per department team', async () => {
    const people = await seedManyMembers(3, 'contest') // 人事科 (demo-dept-3)
    // Today, so check-in (two hours before the start until the end) is open.
    const today = { startAt: at(HOUR), endAt: at(3 * HOUR), signUpClosesAt: at(HOUR / 2), cancelDeadline: at(HOUR / 2) }
    const id = await create({
      allocation: 'fcfs',
      drawAt: null,
      capacity: 20,
      title: '部门拔河结对赛',
      ...today,
      contest: { kind: 'department', teamIds: ['demo-dept-3', 'demo-dept-4'] },
    })
    for (const o of people) await app.call('activity.signUp', { id }, o)
    await member('activity.signUp', { id }) // 信息中心 (demo-dept-4)
    await leader('activity.signUp', { id }) // 财务科: not a team, counts for nobody
    const code = (await member('activity.myCode', { id })).body.data
    expect((await admin('activity.checkIn', { id, code: code.token })).body.ok).toBe(true)
    expect((await member('activity.get', { id })).body.data.contest).toEqual({
      kind: 'department',
      teams: [
        { id: 'demo-dept-3', name: '人事科', signedUp: 3, checkedIn: 0 },
        { id: 'demo-dept-4', name: '信息中心', signedUp: 1, checkedIn: 1 },
      ],
    })
    expect(
      (
        await admin(
          'activity.create',
          event({ allocation: 'fcfs', drawAt: null, contest: { kind: 'group', teamIds: ['demo-group-badminton', 'no-such-group'] } }),
        )
      ).body.error.message,
    ).toBe('结对竞赛的队伍不存在')
  })

  it('a cover must be the organizer’s own upload and is shown by a short-lived link', async () => {
    const fileId = await uploadFile(app, 'demo-admin', 'cover.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 9, 9]))
    const foreign = fileId.replace('/uploads/demo-admin/', '/uploads/demo-member/')
    expect((await admin('activity.create', event({ cover: foreign }))).body.error.message).toBe('封面图片需要由您本人上传')
    const id = await create({ allocation: 'fcfs', drawAt: null, cover: fileId, title: '摄影展' })
    const card = (await member('activity.list', { tab: 'upcoming', pageSize: 100 })).body.data.items.find((c: { id: string }) => c.id === id)
    expect(card.coverUrl).toEqual(expect.any(String))
    expect((await fetch(card.coverUrl)).status).toBe(200)
  })

  it('filters by type on every tab, and by organizing group', async () => {
    const lecture = await create({ allocation: 'fcfs', drawAt: null, type: '讲座', title: '心理健康讲座' })
    const hike = await create({ allocation: 'fcfs', drawAt: null, type: '登山', title: '冬季登山' })
    await member('activity.signUp', { id: lecture })
    await member('activity.signUp', { id: hike })
    const mine = (await member('activity.list', { tab: 'mine', type: '讲座', pageSize: 100 })).body.data.items.map((c: { id: string }) => c.id)
    expect(mine).toContain(lecture)
    expect(mine).not.toContain(hike)
    const practice = await create(
      { allocation: 'fcfs', drawAt: null, type: '球类比赛', title: '羽毛球周赛', scope: { kind: 'group', id: 'demo-group-badminton' } },
      leader,
    )
    const byGroup = (await member('activity.list', { tab: 'upcoming', groupId: 'demo-group-badminton', pageSize: 100 })).body.data.items.map(
      (c: { id: string }) => c.id,
    )
    expect(byGroup).toContain(practice)
    expect(byGroup).not.toContain(lecture)
  })
})
