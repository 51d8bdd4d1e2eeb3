import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { appServerForFile } from '../support/app-server'
import { callerAs, demoCallers } from '../support/callers'
import { activityForm as event } from '../support/activity-form'
import { at, HOUR } from '../support/time'
import { localDb } from '../support/local-db'
import { seedManyMembers } from '../support/many-members'
import { writeCount } from '../support/write-count'
import { signCode } from '../../cloudfunctions/_lib/signed-codes'

// Hundreds of calls through HTTP on a 2-core machine: a generous ceiling, not a speed assertion.
jest.setTimeout(120_000)

const app = appServerForFile()
const as = (openid: string) => callerAs(app, openid)
const { admin, leader, member } = demoCallers(app)

const create = async (over: object = {}, by = admin) => {
  const res = await by('activity.create', event(over))
  expect(res.body.ok).toBe(true)
  return res.body.data.id as string
}

describe('posting', () => {
  it('a leader posts for their own department, not for the union or another department', async () => {
    const res = await leader('activity.create', event({ scope: { kind: 'department', id: 'demo-dept-2' } }))
    expect(res.body.data).toMatchObject({ organizer: '财务科工会小组', canManage: true, confirmedCount: 0 })
    expect((await leader('activity.create', event())).body.error).toMatchObject({ code: 'FORBIDDEN', message: '只有工会管理员可以发布全会活动' })
    expect((await leader('activity.create', event({ scope: { kind: 'department', id: 'demo-dept-1' } }))).body.error.message).toBe(
      '只能为自己带领的小组发布活动',
    )
    expect((await member('activity.create', event({ scope: { kind: 'department', id: 'demo-dept-4' } }))).body.error.code).toBe('FORBIDDEN')
  })

  it('refuses times that do not fit together, and choice fields without options', async () => {
    expect((await admin('activity.create', event({ endAt: at(47 * HOUR) }))).body.error.message).toBe('结束时间要晚于开始时间')
    expect((await admin('activity.create', event({ signUpClosesAt: at(49 * HOUR) }))).body.error.message).toBe('报名截止时间不能晚于活动开始时间')
    expect((await admin('activity.create', event({ fields: [{ key: 'event', label: '项目', type: 'single', required: true }] }))).body.error.message).toBe(
      '「项目」需要至少两个选项',
    )
    expect((await admin('activity.create', event({ title: '' }))).body.error).toMatchObject({ code: 'INVALID_ARGUMENT', message: '请填写活动名称' })
  })
})

describe('signing up and the waitlist', () => {
  it('capacity 2: two confirmed, the third waits; a cancellation promotes the third', async () => {
    const id = await create()
    // Each answer carries what the detail page shows of it, so the page need not load again.
    const page = (over: object) => ({
      myStatus: 'confirmed',
      waitingPosition: null,
      confirmedCount: 1,
      enteredCount: null,
      checkedInAt: null,
      contest: null,
      ...over,
    })
    expect((await member('activity.signUp', { id })).body.data).toEqual({ status: 'confirmed', waitingPosition: null, detail: page({}) })
    expect((await admin('activity.signUp', { id })).body.data).toMatchObject({ status: 'confirmed', detail: { confirmedCount: 2 } })
    expect((await leader('activity.signUp', { id })).body.data).toEqual({
      status: 'waiting',
      waitingPosition: 1,
      detail: page({ myStatus: 'waiting', waitingPosition: 1, confirmedCount: 2 }),
    })
    // A retry changes nothing.
    const before = writeCount(app.stats)
    expect((await leader('activity.signUp', { id })).body.data).toEqual({
      status: 'waiting',
      waitingPosition: 1,
      detail: page({ myStatus: 'waiting', waitingPosition: 1, confirmedCount: 2 }),
    })
    expect(writeCount(app.stats)).toBe(before)

    expect((await member('activity.cancel', { id })).body.data).toEqual({ cancelled: true, detail: page({ myStatus: 'cancelled', confirmedCount: 2 }) })
    expect((await leader('activity.get', { id })).body.data).toMatchObject({ myStatus: 'confirmed', confirmedCount: 2 })
    expect((await member('activity.get', { id })).body.data).toMatchObject({ myStatus: 'cancelled', confirmedCount: 2 })
    expect((await member('activity.cancel', { id })).body.data).toEqual({ cancelled: false, detail: page({ myStatus: 'cancelled', confirmedCount: 2 }) })
    // Signing up again after cancelling: back of the line.
    expect((await member('activity.signUp', { id })).body.data).toEqual({
      status: 'waiting',
      waitingPosition: 1,
      detail: page({ myStatus: 'waiting', waitingPosition: 1, confirmedCount: 2 }),
    })
    // Leaving the line answers with the page as it now is too.
    expect((await member('activity.cancel', { id })).body.data).toEqual({ cancelled: true, detail: page({ myStatus: 'cancelled', confirmedCount: 2 }) })
  })

  it('pre-fills the form from the member’s last answers', async () => {
    const fields = [{ key: 'size', label: '衣服尺码', type: 'single', required: true, options: ['M', 'L'] }]
    const first = await create({ capacity: null, fields })
    await as('demo-auditor')('activity.signUp', { id: first, answers: { size: 'L' } })
    const second = await create({ capacity: null, fields })
    expect((await as('demo-auditor')('activity.get', { id: second })).body.data.prefill).toEqual({ size: 'L' })
  })
})

describe('refusals say why and write nothing', () => {
  let before: number
  beforeEach(() => {
    before = writeCount(app.stats)
  })
  const unchanged = () => expect(writeCount(app.stats)).toBe(before)

  it('outside the window → CLOSED with the time', async () => {
    const id = await create({ signUpOpensAt: at(2 * HOUR), signUpClosesAt: at(24 * HOUR) })
    before = writeCount(app.stats)
    const res = await member('activity.signUp', { id })
    expect(res.body.error.code).toBe('CLOSED')
    expect(res.body.error.message).toMatch(/^报名将于 (\d{4}年)?\d{1,2}月\d{1,2}日 周[日一二三四五六] \d{2}:\d{2} 开始$/)
    unchanged()
  })
  it('full with no waitlist → FULL', async () => {
    const id = await create({ capacity: 1, waitlist: false })
    await admin('activity.signUp', { id })
    before = writeCount(app.stats)
    expect((await member('activity.signUp', { id })).body.error).toMatchObject({ code: 'FULL', message: '名额已满' })
    expect((await member('activity.get', { id })).body.data).toMatchObject({ myStatus: null, confirmedCount: 1 })
  })
  it('not in the audience → FORBIDDEN with the reason', async () => {
    const id = await create({ audience: { kind: 'rule', genders: ['女'], departmentIds: [], statuses: [] }, title: '三八健步走' })
    before = writeCount(app.stats)
    expect((await member('activity.signUp', { id })).body.error).toMatchObject({ code: 'FORBIDDEN', message: '本活动只面向女职工' })
    expect((await member('activity.get', { id })).body.data.signUpBlockedReason).toBe('本活动只面向女职工')
    unchanged()
    expect((await leader('activity.signUp', { id })).body.ok).toBe(true)
  })
  it('a group-only event admits members of the group only', async () => {
    const id = await create({ audience: { kind: 'group', groupId: 'demo-group-badminton' }, title: '羽毛球友谊赛' })
    before = writeCount(app.stats)
    expect((await member('activity.signUp', { id })).body.error).toMatchObject({ code: 'FORBIDDEN', message: '本活动只面向该兴趣小组的成员，请先加入小组' })
    unchanged()
    expect((await leader('activity.signUp', { id })).body.data.status).toBe('confirmed')
  })
  it('invalid answers → INVALID_ARGUMENT naming the field', async () => {
    const id = await create({ fields: [{ key: 'event', label: '项目', type: 'single', required: true, options: ['羽毛球', '乒乓球'] }] })
    before = writeCount(app.stats)
    expect((await member('activity.signUp', { id, answers: { event: '篮球' } })).body.error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '「项目」请从选项中选择',
      details: { field: 'answers.event' },
    })
    unchanged()
  })
  it('cancelling after the deadline is refused with the deadline shown', async () => {
    const id = await create({ cancelDeadline: at(-HOUR / 2) })
    await member('activity.signUp', { id })
    before = writeCount(app.stats)
    const res = await member('activity.cancel', { id })
    expect(res.body.error.code).toBe('CLOSED')
    expect(res.body.error.message).toMatch(/^取消报名的截止时间是 .+，已不能取消，请联系组织者$/)
    unchanged()
  })
})

/** Starts within the hour: check-in (from two hours before the start to the end) is open now. */
const today = { startAt: at(HOUR), endAt: at(3 * HOUR), signUpClosesAt: at(HOUR / 2), cancelDeadline: at(HOUR / 2) }

describe('check-in', () => {
  let id: string
  beforeAll(async () => {
    id = await create({ capacity: 10, ...today })
    await member('activity.signUp', { id })
    await admin('activity.signUp', { id })
  })

  it('a fresh code checks the member in once; a second scan says so', async () => {
    const code = (await member('activity.myCode', { id })).body.data
    expect(code).toMatchObject({ state: 'open', shortCode: expect.stringMatching(/^\d{6}$/) })
    const first = (await admin('activity.checkIn', { id, code: code.token })).body.data
    expect(first).toEqual({ name: '刘洋', department: '信息中心', alreadyCheckedIn: false, checkedIn: 1, confirmed: 2 })
    expect((await admin('activity.checkIn', { id, code: code.token })).body.data).toMatchObject({ alreadyCheckedIn: true, checkedIn: 1 })
  })

  it('the six digits work too', async () => {
    const code = (await admin('activity.myCode', { id })).body.data
    expect((await admin('activity.checkIn', { id, code: code.shortCode })).body.data).toMatchObject({ name: '张伟', alreadyCheckedIn: false, checkedIn: 2 })
  })

  it('forged, expired and other-event codes are refused, and only the organizer may check in', async () => {
    const secret = JSON.parse(readFileSync(join(app.dataDir, 'local-secrets.json'), 'utf8')).UNION_CODE_SECRET as string
    // 刘洋 is checked in by now (no code any more): 韩冰 signs up for a real code, and leaves after.
    const reviewer = as('demo-reviewer')
    await reviewer('activity.signUp', { id })
    const real = (await reviewer('activity.myCode', { id })).body.data.token as string
    const forged = real.slice(0, -2) + (real.endsWith('AA') ? 'BB' : 'AA')
    expect((await admin('activity.checkIn', { id, code: forged })).body.error).toMatchObject({ code: 'INVALID_ARGUMENT', message: '这不是有效的签到码' })
    const stale = signCode(secret, 'checkin', `${id}:demo-member-04`, new Date(Date.now() - 5 * 60_000)).token
    expect((await admin('activity.checkIn', { id, code: stale })).body.error).toMatchObject({ code: 'EXPIRED', message: '签到码已过期，请让对方刷新后再扫' })
    const other = await create({ capacity: 5, ...today })
    expect((await admin('activity.checkIn', { id: other, code: real })).body.error.message).toBe('这是其他活动的签到码')
    expect((await member('activity.checkIn', { id, code: real })).body.error.code).toBe('FORBIDDEN')
    expect((await as('demo-auditor')('activity.myCode', { id })).body.error).toMatchObject({ code: 'FORBIDDEN', message: '报名成功后才有签到码' })
    expect((await reviewer('activity.cancel', { id })).body.data.cancelled).toBe(true)
  })

  it('a checked-in member’s code page says so, and cancelling is refused with the attendance kept', async () => {
    expect((await member('activity.myCode', { id })).body.data).toEqual({ state: 'checked-in', checkedInAt: expect.any(String) })
    expect((await member('activity.get', { id })).body.data).toMatchObject({ myStatus: 'confirmed', checkedInAt: expect.any(String) })
    expect((await member('activity.cancel', { id })).body.error).toMatchObject({ code: 'CLOSED', message: '您已签到，出勤已记录，不能再取消报名' })
    // The place and the attendance are untouched (the conditional writes it tried matched nothing).
    expect((await member('activity.get', { id })).body.data).toMatchObject({ myStatus: 'confirmed', checkedInAt: expect.any(String), confirmedCount: 2 })
    expect((await admin('activity.attendees', { id })).body.data).toMatchObject({ confirmed: 2, checkedIn: 2 })
  })

  it('a member not checked in can still cancel before the deadline', async () => {
    await as('demo-auditor')('activity.signUp', { id })
    expect((await as('demo-auditor')('activity.get', { id })).body.data.checkedInAt).toBeNull()
    expect((await as('demo-auditor')('activity.cancel', { id })).body.data.cancelled).toBe(true)
  })

  it('the organizer sees the list with check-in state', async () => {
    const list = (await admin('activity.attendees', { id })).body.data
    expect(list).toMatchObject({ confirmed: 2, waiting: 0, checkedIn: 2, total: 2 })
    expect(list.items.map((r: { name: string }) => r.name)).toEqual(['刘洋', '张伟'])
    expect((await member('activity.attendees', { id })).body.error.code).toBe('FORBIDDEN')
  })
})

describe('the check-in window: from two hours before the start until the end', () => {
  it('a week ahead: no code yet, the member is told when it opens, the organizer is refused with the time', async () => {
    const id = await create({ capacity: 10, startAt: at(7 * 24 * HOUR), endAt: at(7 * 24 * HOUR + 3 * HOUR) })
    await member('activity.signUp', { id })
    const code = (await member('activity.myCode', { id })).body.data
    expect(code).toEqual({ state: 'not-yet', opensAt: expect.any(String) })
    expect(new Date(code.opensAt).getTime()).toBe(new Date((await member('activity.get', { id })).body.data.startAt).getTime() - 2 * HOUR)

    // A code signed now (as a leaked or old one would be) is refused all the same, with the opening time.
    const secret = JSON.parse(readFileSync(join(app.dataDir, 'local-secrets.json'), 'utf8')).UNION_CODE_SECRET as string
    const token = signCode(secret, 'checkin', `${id}:demo-member-04`, new Date()).token
    const before = writeCount(app.stats)
    const res = await admin('activity.checkIn', { id, code: token })
    expect(res.body.error).toMatchObject({ code: 'CLOSED' })
    expect(res.body.error.message).toMatch(/^签到将于 (\d{4}年)?\d{1,2}月\d{1,2}日 周[日一二三四五六] \d{2}:\d{2} 开始（活动开始前 2 小时）$/)
    expect(writeCount(app.stats)).toBe(before)
    expect((await admin('activity.attendees', { id })).body.data.checkedIn).toBe(0)
  })

  it('after the end: closed for both', async () => {
    const id = await create({ capacity: 10, ...today })
    await member('activity.signUp', { id })
    const token = (await member('activity.myCode', { id })).body.data.token as string
    // Move the event into the past directly: the edit form refuses a finished event.
    const db = localDb()
    await db
      .collection('activities')
      .doc(id)
      .update({ startAt: new Date(Date.now() - 5 * HOUR), endAt: new Date(Date.now() - 2 * HOUR) })
    expect((await member('activity.myCode', { id })).body.data).toEqual({ state: 'closed', closedAt: expect.any(String) })
    const res = await admin('activity.checkIn', { id, code: token })
    expect(res.body.error.code).toBe('CLOSED')
    expect(res.body.error.message).toMatch(/^活动已于 .+ 结束，签到已关闭$/)
  })

  it('参与度 counts a check-in inside the window and not one recorded days before the event', async () => {
    const [inTime, early] = await seedManyMembers(2, 'attend')
    const id = await create({ capacity: 10, ...today, title: '参与度核对' })
    for (const o of [inTime, early]) await app.call('activity.signUp', { id }, o)
    expect((await admin('activity.checkIn', { id, code: (await app.call('activity.myCode', { id }, inTime)).body.data.token })).body.ok).toBe(true)
    // A record written before the window existed: checked in eight days before the start.
    const db = localDb()
    await db
      .collection('signups')
      .doc(`${id}:${early}`)
      .update({ checkedInAt: new Date(Date.now() - 8 * 24 * HOUR) })
    const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date(Date.now() + HOUR)))
    const report = (await admin('activity.participation', { year })).body.data
    const row = (memberId: string) => report.members.find((m: { memberId: string }) => m.memberId === memberId)
    expect(row(inTime)).toMatchObject({ signUps: 1, checkIns: 1 })
    expect(row(early)).toMatchObject({ signUps: 1, checkIns: 0 })
  })
})

describe('correct under load', () => {
  it('300 simultaneous sign-ups for 30 places: 30 confirmed, 270 waiting in line order, nobody twice', async () => {
    const openids = await seedManyMembers(300, 'storm')
    const id = await create({ capacity: 30 })
    const results = await Promise.all(openids.map((o) => app.call('activity.signUp', { id }, o)))
    expect(results.every((r) => r.body.ok)).toBe(true)
    const statuses = results.map((r) => r.body.data.status)
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(30)
    expect(statuses.filter((s) => s === 'waiting')).toHaveLength(270)
    // Line positions are exactly 1…270, each once.
    const positions = (await Promise.all(openids.map((o) => app.call('activity.get', { id }, o))))
      .map((r) => r.body.data.waitingPosition)
      .filter((p) => p !== null)
    expect([...positions].sort((a, b) => a - b)).toEqual(Array.from({ length: 270 }, (_, i) => i + 1))
    const list = (await admin('activity.attendees', { id, pageSize: 100 })).body.data
    expect(list).toMatchObject({ confirmed: 30, waiting: 270, total: 300 })
    expect((await admin('activity.get', { id })).body.data.confirmedCount).toBe(30)
  })

  it('cancellations and new sign-ups racing keep the count exact and the line fair', async () => {
    const openids = await seedManyMembers(60, 'churn')
    const id = await create({ capacity: 20 })
    const first = openids.slice(0, 40)
    for (const o of first) await app.call('activity.signUp', { id }, o) // 20 confirmed, 20 waiting, in order
    const cancelling = first.slice(0, 10)
    const arriving = openids.slice(40)
    await Promise.all([...cancelling.map((o) => app.call('activity.cancel', { id }, o)), ...arriving.map((o) => app.call('activity.signUp', { id }, o))])
    const list = (await admin('activity.attendees', { id, pageSize: 100 })).body.data
    expect(list.confirmed).toBe(20)
    expect((await admin('activity.get', { id })).body.data.confirmedCount).toBe(20)
    // The ten freed places went to the first ten on the waitlist, not to newcomers.
    const confirmedNames = list.items.filter((r: { status: string }) => r.status === 'confirmed').map((r: { memberId: string }) => r.memberId)
    expect(confirmedNames.sort()).toEqual(first.slice(10, 30).sort())
    expect(list.waiting).toBe(30)
  })
})

describe('organizer tools', () => {
  const outbox = async (memberId: string) => {
    const db = localDb()
    return (await db.collection('messages').where({ memberId }).orderBy('createdAt', 'asc').limit(100).get()).data as { kind: string; title: string }[]
  }

  it('the promoted member is told', async () => {
    const id = await create({ capacity: 1, title: '观演：交响音乐会' })
    await admin('activity.signUp', { id })
    await as('demo-redeemer')('activity.signUp', { id })
    await admin('activity.cancel', { id })
    expect((await outbox('demo-member-03')).filter((m) => m.kind === 'waitlist-promoted').map((m) => m.title)).toContain('报名成功：观演：交响音乐会')
  })

  it('exports the chosen columns, extra fields included', async () => {
    const id = await create({ capacity: 5, fields: [{ key: 'event', label: '项目', type: 'single', required: true, options: ['羽毛球', '乒乓球'] }] })
    await member('activity.signUp', { id, answers: { event: '乒乓球' } })
    const exported = (await admin('activity.export', { id, columns: ['name', 'department', 'event', 'checkedInAt'] })).body.data
    expect(exported.count).toBe(1)
    const ExcelJS = (await import('exceljs')).default
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(await (await fetch(exported.url)).arrayBuffer()) as never)
    expect(book.worksheets[0].getRow(1).values).toEqual([undefined, '姓名', '部门', '项目', '签到时间'])
    expect((book.worksheets[0].getRow(2).values as unknown[]).slice(1, 4)).toEqual(['刘洋', '信息中心', '乒乓球'])
    expect((await admin('activity.export', { id, columns: ['idCard'] })).body.error.message).toBe('没有「idCard」这一列')
    expect((await member('activity.export', { id, columns: ['name'] })).body.error.code).toBe('FORBIDDEN')
  })

  it('calling an event off tells everyone once', async () => {
    const id = await create({ capacity: 1, title: '秋季考察' })
    await member('activity.signUp', { id })
    await as('demo-auditor')('activity.signUp', { id })
    expect((await admin('activity.cancelEvent', { id, reason: '天气原因' })).body.data.notified).toBe(2)
    expect((await admin('activity.cancelEvent', { id, reason: '天气原因' })).body.data.notified).toBe(0)
    expect((await outbox('demo-member-05')).some((m) => m.title === '活动取消：秋季考察')).toBe(true)
    expect((await member('activity.get', { id })).body.data.signUpBlockedReason).toBe('活动已取消')
  })

  it('participation for the year, by department', async () => {
    const report = (await admin('activity.participation', { year: new Date().getFullYear() })).body.data
    expect(report.events).toBeGreaterThan(0)
    const it = report.departments.find((d: { department: string }) => d.department === '信息中心')
    expect(it.participants).toBeGreaterThanOrEqual(1)
    expect(report.members.find((m: { name: string }) => m.name === '刘洋').signUps).toBeGreaterThan(0)
    expect((await member('activity.participation', { year: 2026 })).body.error.code).toBe('FORBIDDEN')
    // The audit committee reads it too.
    expect((await as('demo-auditor')('activity.participation', { year: 2026 })).body.ok).toBe(true)
  })
})

describe('reminders before the start (timer)', () => {
  const runTimer = async (openid?: string) => {
    const { main } = await import('../../cloudfunctions/activity')
    const { platformContext } = await import('../../emulator/app-host/function-runner')
    return main({ Type: 'Timer', TriggerName: 'remind', Time: new Date().toISOString() }, platformContext('activity', openid)) as Promise<{
      ok: boolean
      data?: { reminded: number }
      error?: { code: string }
    }>
  }

  it('reminds, once, the members who asked', async () => {
    const id = await create({
      title: '健康讲座：八段锦',
      capacity: 10,
      startAt: at(12 * HOUR),
      endAt: at(14 * HOUR),
      signUpClosesAt: at(11 * HOUR),
      cancelDeadline: at(11 * HOUR),
    })
    await member('activity.signUp', { id, remind: true })
    await as('demo-auditor')('activity.signUp', { id })
    const first = await runTimer()
    expect(first.ok).toBe(true)
    expect(first.data!.reminded).toBeGreaterThanOrEqual(1)
    const db = localDb()
    const reminders = (await db.collection('messages').where({ kind: 'activity-reminder', title: '活动提醒：健康讲座：八段锦' }).limit(10).get()).data as {
      memberId: string
    }[]
    expect(reminders.map((m) => m.memberId)).toEqual(['demo-member-04'])
    expect((await runTimer()).data!.reminded).toBe(0)
  })

  it('a member cannot pose as the timer', async () => {
    expect((await runTimer('demo-member')).error!.code).toBe('NOT_FOUND')
  })
})

describe('round trips on the hot paths (the activity’s own part, beside who the caller is)', () => {
  /** Database round trips one call costs, less the caller's identity (a call that stops right after it: myCode of a missing event, less its one read). */
  async function ownTrips(openid: string, name: string, data: object): Promise<number> {
    const call = as(openid)
    let before = app.stats.roundTrips
    expect((await call('activity.myCode', { id: 'no-such-event' })).body.error.code).toBe('NOT_FOUND')
    const identity = app.stats.roundTrips - before - 1
    before = app.stats.roundTrips
    const res = await call(name, data)
    expect(res.body.ok).toBe(true)
    return app.stats.roundTrips - before - identity
  }

  it('sign-up: 4 with a free place, 6 onto the waitlist; cancel handing the place on: 5; the page: 1; a list page: 2', async () => {
    const [first, second, third, fourth] = await seedManyMembers(4, 'trips')
    const id = await create({ capacity: 1 })
    // Event read with the caller's sign-up; the claim; the place (answering with the count); the claim settled.
    expect(await ownTrips(first, 'activity.signUp', { id })).toBe(4)
    // … the place refused; the ticket (answering with the event); the claim settled; the places and the place in line, read together.
    expect(await ownTrips(second, 'activity.signUp', { id })).toBe(6)
    await as(third)('activity.signUp', { id })
    // Event read with the sign-up and the waitlist's head; the cancel; the promotion; the message; the lock released.
    expect(await ownTrips(first, 'activity.cancel', { id })).toBe(5)
    expect((await as(second)('activity.get', { id })).body.data).toMatchObject({ myStatus: 'confirmed', confirmedCount: 1 })
    expect((await as(third)('activity.get', { id })).body.data).toMatchObject({ myStatus: 'waiting', waitingPosition: 1 })
    expect(await ownTrips(third, 'activity.get', { id })).toBe(1)
    expect(await ownTrips(fourth, 'activity.list', { tab: 'upcoming' })).toBe(2)
    expect(await ownTrips(second, 'activity.list', { tab: 'mine' })).toBe(2)
  })
})
