/**
 * member.home: 首页's first screen in one call. 刘洋 has one of each kind of item — an event he has a
 * place at, one he queues for (second in line), a lottery he entered, an ended event, a cancelled
 * sign-up, a gift to choose, a voucher ready to use, his own request, one a colleague reported for him,
 * and unread messages — and sees exactly those; colleagues see none of it, and hardship items
 * reach only the applicant and the reporter.
 */
import { appServerForFile } from '../support/app-server'
import { callerAs, demoEnvelopeCallers, envelopeOf } from '../support/callers'
import { activityForm, eventHours } from '../support/activity-form'
import { campaignForm } from '../support/campaign-form'
import { localDb as db } from '../support/local-db'
import { at, DAY, HOUR } from '../support/time'
import { newKey } from '../support/hardship'
import { writeCount } from '../support/write-count'

jest.setTimeout(120_000)

const app = appServerForFile()
const as = (openid: string) => envelopeOf(callerAs(app, openid))
const { admin, member, leader, auditor, redeemer, reviewer } = demoEnvelopeCallers(app)

const event = (over: object = {}) =>
  activityForm({ title: '活动', place: '北山', ...eventHours({ start: 72, end: 75, closes: 48, cancelBy: 48 }), capacity: 20, ...over })
const create = async (over: object) => {
  const res = await admin('activity.create', event(over))
  expect(res.error).toBeUndefined()
  return res.data.id as string
}
const campaign = async (over: object) => {
  const res = await admin('benefit.createCampaign', campaignForm({ options: [{ name: '米面粮油礼包' }, { name: '水果礼盒' }], ...over }))
  expect(res.error).toBeUndefined()
  for (let i = 0; i < 50; i++) if ((await admin('benefit.issue', { id: res.data.id })).data.done) break
  return res.data.id as string
}

const ids: Record<string, string> = {}

beforeAll(async () => {
  // —— events ——
  ids.confirmed = await create({ title: '周末登山', startAt: at(2 * DAY), endAt: at(2 * DAY + 3 * HOUR), signUpClosesAt: at(DAY), cancelDeadline: at(DAY) })
  ids.queued = await create({ title: '羽毛球友谊赛', capacity: 1, startAt: at(4 * DAY), endAt: at(4 * DAY + 2 * HOUR) })
  ids.lottery = await create({
    title: '新年音乐会抽票',
    capacity: 4,
    allocation: 'lottery',
    drawAt: at(2 * DAY + HOUR),
    startAt: at(5 * DAY),
    endAt: at(5 * DAY + 2 * HOUR),
  })
  ids.cancelled = await create({ title: '读书会', startAt: at(6 * DAY), endAt: at(6 * DAY + 2 * HOUR) })
  expect((await member('activity.signUp', { id: ids.confirmed })).ok).toBe(true)
  expect((await auditor('activity.signUp', { id: ids.queued })).data.status).toBe('confirmed')
  expect((await redeemer('activity.signUp', { id: ids.queued })).data.status).toBe('waiting')
  expect((await member('activity.signUp', { id: ids.queued })).data.status).toBe('waiting')
  expect((await member('activity.signUp', { id: ids.lottery })).data.status).toBe('entered')
  expect((await member('activity.signUp', { id: ids.cancelled })).ok).toBe(true)
  expect((await member('activity.cancel', { id: ids.cancelled })).ok).toBe(true)
  // An event that has ended: sign-ups cannot be made in the past through the API, so it is written as it would be.
  const ended = new Date(Date.now() - DAY)
  await db()
    .collection('activities')
    .add({
      _id: 'home-ended',
      unionId: 'demo-union',
      scope: { kind: 'union' },
      organizer: '工会',
      title: '上周的讲座',
      type: '讲座',
      description: '',
      place: '报告厅',
      startAt: new Date(ended.getTime() - 2 * HOUR),
      endAt: ended,
      signUpOpensAt: new Date(ended.getTime() - 9 * DAY),
      signUpClosesAt: new Date(ended.getTime() - 3 * DAY),
      cancelDeadline: new Date(ended.getTime() - 3 * DAY),
      capacity: null,
      waitlist: true,
      audience: { kind: 'all' },
      fields: [],
      confirmedCount: 1,
      waitSeq: 0,
      status: 'open',
      allocation: 'fcfs',
      remindedAt: null,
    })
  await db()
    .collection('signups')
    .add({
      _id: 'home-ended:demo-member-04',
      unionId: 'demo-union',
      activityId: 'home-ended',
      memberId: 'demo-member-04',
      memberName: '刘洋',
      departmentName: '信息中心',
      status: 'confirmed',
      seq: null,
      answers: {},
      signedAt: new Date(ended.getTime() - 5 * DAY),
      claim: 'x',
      checkedInAt: null,
    })

  // —— benefits: a gift to choose (two options), a voucher ready to use (one option, no choice) ——
  ids.choose = await campaign({ name: '元旦慰问品', claimClosesAt: at(6 * DAY) })
  ids.ready = await campaign({ name: '电影票', options: [{ name: '电影票两张' }], redeemUntil: at(20 * DAY) })

  // —— hardship: his own request, one 韩冰 (帮扶审核, who may report for colleagues) reports for him ——
  const ask = { category: 'hospital', description: '住院手术', contact: '本人手机' }
  const own = await member('hardship.submit', { key: newKey(), ...ask })
  expect(own.error).toBeUndefined()
  ids.own = own.data.id
  const reported = await reviewer('hardship.submit', {
    key: newKey(),
    forMemberId: 'demo-member-04',
    ...ask,
    category: 'bereavement',
    description: '家中老人去世',
  })
  expect(reported.error).toBeUndefined()
  ids.reported = reported.data.id
})

describe('member.home', () => {
  it("answers the member's own coming events with where he stands, soonest first, without ended or cancelled ones", async () => {
    const home = (await member('member.home')).data
    expect(home.me).toEqual((await member('member.me')).data)
    expect(home.activities.map((a: any) => [a.title, a.myStatus, a.waitingPosition])).toEqual([
      ['周末登山', 'confirmed', null],
      ['羽毛球友谊赛', 'waiting', 2],
      ['新年音乐会抽票', 'entered', null],
    ])
    expect(home.activities[2]).toMatchObject({ id: ids.lottery, allocation: 'lottery', drawnAt: null, place: '北山' })
    expect(new Date(home.activities[2].drawAt).getTime()).toBeGreaterThan(Date.now())
  })

  it('lists the gift to choose with its deadline and the voucher ready to use, nothing used or expired', async () => {
    const home = (await member('member.home')).data
    expect(home.gifts).toEqual([expect.objectContaining({ name: '元旦慰问品', state: 'choose', optionName: null })])
    expect(new Date(home.gifts[0].claimClosesAt).getTime() - Date.now()).toBeGreaterThan(5 * DAY)
    expect(home.vouchers).toEqual([expect.objectContaining({ name: '电影票', state: 'ready', optionName: '电影票两张' })])
    // Once chosen, the gift moves to the vouchers ready to use.
    const gift = home.gifts[0]
    const mine = (await member('benefit.mine')).data.find((v: any) => v.id === gift.id)
    expect((await member('benefit.choose', { voucherId: gift.id, optionId: mine.options[1].id })).ok).toBe(true)
    const after = (await member('member.home')).data
    expect(after.gifts).toEqual([])
    expect(after.vouchers.map((v: any) => [v.name, v.optionName])).toEqual(
      expect.arrayContaining([
        ['元旦慰问品', '水果礼盒'],
        ['电影票', '电影票两张'],
      ]),
    )
  })

  it('shows his requests (his own and the one reported for him) with their status, and the reporter only the one she reported', async () => {
    const home = (await member('member.home')).data
    expect(home.requests.map((r: any) => [r.id, r.categoryName, r.status, r.forName]).sort()).toEqual(
      [
        [ids.own, '生病住院', 'submitted', null],
        [ids.reported, '直系亲属去世', 'submitted', null],
      ].sort(),
    )
    // Only category and status: nothing of the description or contact leaves through 首页.
    expect(JSON.stringify(home.requests)).not.toMatch(/住院手术|本人手机|老人去世/)
    // 韩冰 reported one: she sees it, for whom, but not his own (her review queue is elsewhere).
    const reporter = (await reviewer('member.home')).data
    expect(reporter.requests.map((r: any) => [r.id, r.forName])).toEqual([[ids.reported, '刘洋']])
  })

  it('carries his newest unread messages, and the badge count with them', async () => {
    const home = (await member('member.home')).data
    expect(home.me.badges.unreadMessages).toBeGreaterThanOrEqual(2)
    expect(home.messages.length).toBeGreaterThanOrEqual(2)
    expect(home.messages.length).toBeLessThanOrEqual(3)
    expect(home.messages.map((m: any) => m.kindLabel)).toContain('福利到账')
    expect(home.messages.map((m: any) => m.createdAt)).toEqual([...home.messages.map((m: any) => m.createdAt)].sort().reverse())
    await app.call('message.readAll', {}, 'demo-member')
    const after = (await member('member.home')).data
    expect(after.messages).toEqual([])
    expect(after.me.badges.unreadMessages).toBe(0)
  })

  it('shows a colleague none of his items: 王芳 sees only her own place in line, his leader none of his requests', async () => {
    const wang = (await redeemer('member.home')).data
    expect(wang.activities.map((a: any) => [a.title, a.myStatus, a.waitingPosition])).toEqual([['羽毛球友谊赛', 'waiting', 1]])
    expect(wang.requests).toEqual([])
    const text = JSON.stringify(wang)
    expect(text).not.toContain('刘洋')
    expect(text).not.toContain(ids.own)
    const other = (await leader('member.home')).data
    expect(other.requests).toEqual([])
    expect(other.activities).toEqual([])
    expect(JSON.stringify(other)).not.toMatch(new RegExp(`${ids.own}|${ids.reported}`))
  })

  it('an unbound user is told to bind, an anonymous call is refused', async () => {
    expect((await as('demo-newcomer')('member.home')).error.code).toBe('NOT_BOUND')
    expect((await app.call('member.home', {})).body.error.code).toBe('UNAUTHENTICATED')
  })

  it('costs few database round trips, read in parallel', async () => {
    const before = app.stats.roundTrips
    await member('member.home')
    // the caller (1) + member.me's union and badge with his sign-ups, vouchers, requests and unread
    // messages in one batch (1) + his coming events with his places in line in one more (1)
    expect(app.stats.roundTrips - before).toBe(3)
  })
})

describe('member.setUnionContact (联系工会)', () => {
  it('an admin sets the office phone and place, every member reads them on member.me', async () => {
    // The demo union starts with the seeded office; the office moves.
    expect((await member('member.me')).data.union.contact).toEqual({ phone: '0571-87001234', place: '机关大楼 3 楼 305 室（工会办公室）' })
    const set = await admin('member.setUnionContact', { phone: ' 0571-87001234 ', place: '机关大楼 3 楼 305 室' })
    expect(set.data).toEqual({ phone: '0571-87001234', place: '机关大楼 3 楼 305 室' })
    expect((await member('member.me')).data.union.contact).toEqual({ phone: '0571-87001234', place: '机关大楼 3 楼 305 室' })
  })

  it('refuses members who are not admins and bad numbers, writing nothing', async () => {
    const before = writeCount(app.stats)
    for (const caller of [member, leader, auditor, redeemer]) {
      expect((await caller('member.setUnionContact', { phone: '13800000000', place: '别处' })).error.code).toBe('FORBIDDEN')
    }
    const bad = await admin('member.setUnionContact', { phone: '请打电话', place: '办公室' })
    expect(bad.error).toMatchObject({ code: 'INVALID_ARGUMENT' })
    expect(bad.error.message).toContain('联系电话')
    expect(writeCount(app.stats)).toBe(before)
    expect((await member('member.me')).data.union.contact).toEqual({ phone: '0571-87001234', place: '机关大楼 3 楼 305 室' })
  })

  it("another union's admin changes only their own union", async () => {
    const { seedOtherUnion } = await import('../support/other-union')
    await seedOtherUnion()
    expect((await as('other-admin')('member.setUnionContact', { phone: '010-12345678', place: '别的工会' })).ok).toBe(true)
    expect((await member('member.me')).data.union.contact).toEqual({ phone: '0571-87001234', place: '机关大楼 3 楼 305 室' })
  })
})
