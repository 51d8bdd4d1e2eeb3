/** 消息: a member's own messages, paged newest first, read one or all; the badge on member.me; retention. */
import { localDb as db } from '../support/local-db'
import { dateTimeText } from '@shared/domain/time'
import { appServerForFile } from '../support/app-server'
import { messageDoc, runSender, seedMessage } from '../support/wechat'

const app = appServerForFile()

const DAY = 24 * 3600_000

describe('the list', () => {
  it('pages newest first with _id breaking ties, every message once, whatever order ties come back in', async () => {
    // 25 messages, in groups of five written at the very same instant (the local CloudBase shuffles ties).
    const base = Date.now() - 3600_000
    const ids: string[] = []
    for (let i = 0; i < 25; i++)
      ids.push(
        await seedMessage({
          memberId: 'demo-member-06',
          title: `活动提醒：第${i}场`,
          kind: 'activity-reminder',
          createdAt: new Date(base + Math.floor(i / 5) * 60_000),
        }),
      )
    const seen: string[] = []
    let cursor: string | undefined
    for (let page = 0; page < 10; page++) {
      const res = await app.call('message.list', cursor ? { cursor, pageSize: 7 } : { pageSize: 7 }, 'demo-m06')
      expect(res.body.ok).toBe(true)
      seen.push(...res.body.data.items.map((m: { id: string }) => m.id))
      cursor = res.body.data.next ?? undefined
      if (!cursor) break
    }
    const expected = [...ids].sort((a, b) => {
      const ta = Math.floor(ids.indexOf(a) / 5)
      const tb = Math.floor(ids.indexOf(b) / 5)
      return tb - ta || (a < b ? 1 : -1)
    })
    expect(seen).toEqual(expected)
  })

  it('says what each message is about, in the house time style, with the target and whether it is still there', async () => {
    const activity = { _id: 'act-message-test' }
    await db().collection('activities').add({ _id: activity._id, unionId: 'demo-union', title: '羽毛球' })
    const at = new Date('2026-03-01T07:05:00Z')
    const here = await seedMessage({ memberId: 'demo-member-07', title: '报名成功：羽毛球', link: `/pages/activity/index?id=${activity._id}`, createdAt: at })
    const gone = await seedMessage({
      memberId: 'demo-member-07',
      kind: 'activity-cancelled',
      title: '活动取消：已删除的活动',
      link: '/pages/activity/index?id=removed-activity',
      createdAt: at,
    })
    await db().collection('messages').add({
      _id: 'voucher-issued:v-test-1',
      unionId: 'demo-union',
      memberId: 'demo-member-07',
      kind: 'voucher-issued',
      title: '福利到账：蛋糕券',
      body: '可在兑换时间内出示券码使用。',
      link: '/pages/benefits/index',
      createdAt: at,
      sentAt: null,
    })
    const res = await app.call('message.list', {}, 'demo-m07')
    const byId = new Map(res.body.data.items.map((m: { id: string }) => [m.id, m]))
    expect(dateTimeText(at, new Date())).toMatch(/^(2026年)?3月1日 周日 15:05$/)
    expect(byId.get(here)).toMatchObject({
      kind: 'waitlist-promoted',
      kindLabel: '候补递补',
      at: dateTimeText(at, new Date()),
      read: false,
      target: { kind: 'activity', id: activity._id },
      page: `/pages/activity/index?id=${activity._id}`,
      targetExists: true,
    })
    expect(byId.get(gone)).toMatchObject({ target: { kind: 'activity', id: 'removed-activity' }, targetExists: false })
    expect(byId.get('voucher-issued:v-test-1')).toMatchObject({
      target: { kind: 'voucher', id: 'v-test-1' },
      page: '/pages/benefits/index',
      targetExists: false,
    })
    expect(res.body.data.unread).toBe(3)
    // The caller, then the page with the badge in one read, then its targets in two collections in one more.
    const before = app.stats.roundTrips
    expect((await app.call('message.list', {}, 'demo-m07')).body.ok).toBe(true)
    expect(app.stats.roundTrips - before).toBe(3)
  })

  it('a bad cursor is refused in Chinese', async () => {
    const res = await app.call('message.list', { cursor: 'garbage' }, 'demo-member')
    expect(res.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', message: '翻页位置不对，请从第一页重新加载' })
  })
})

describe('reading', () => {
  it('marks one read, and the badge on member.me follows', async () => {
    const a = await seedMessage({ memberId: 'demo-member-08' })
    await seedMessage({ memberId: 'demo-member-08' })
    expect((await app.call('member.me', {}, 'demo-m08')).body.data.badges.unreadMessages).toBe(2)
    const res = await app.call('message.read', { id: a }, 'demo-m08')
    expect(res.body.data).toMatchObject({ message: { id: a, read: true }, unread: 1 })
    expect((await app.call('member.me', {}, 'demo-m08')).body.data.badges.unreadMessages).toBe(1)
    // A second tap keeps the first time it was read.
    const readAt = (await messageDoc(a))?.readAt
    await app.call('message.read', { id: a }, 'demo-m08')
    expect((await messageDoc(a))?.readAt).toEqual(readAt)
  })

  it('marks all read', async () => {
    for (let i = 0; i < 3; i++) await seedMessage({ memberId: 'demo-member-09' })
    const res = await app.call('message.readAll', {}, 'demo-m09')
    expect(res.body.data).toEqual({ marked: 3, unread: 0 })
    expect((await app.call('member.me', {}, 'demo-m09')).body.data.badges.unreadMessages).toBe(0)
  })

  it("another member's message reads and marks exactly like one that does not exist, and nothing is written", async () => {
    const theirs = await seedMessage({ memberId: 'demo-member-10', title: '中签：登山' })
    const other = await app.call('message.read', { id: theirs }, 'demo-member')
    const none = await app.call('message.read', { id: 'no-such-message' }, 'demo-member')
    expect(other.body).toEqual(none.body)
    expect(other.body.error).toEqual({ code: 'NOT_FOUND', message: '没有找到这条消息' })
    expect(other.writes).toBe(0)
    expect((await messageDoc(theirs))?.readAt ?? null).toBeNull()
    // …and readAll marks only the caller's own.
    await app.call('message.readAll', {}, 'demo-member')
    expect((await messageDoc(theirs))?.readAt ?? null).toBeNull()
    const list = await app.call('message.list', { pageSize: 50 }, 'demo-member')
    expect(list.body.data.items.map((m: { id: string }) => m.id)).not.toContain(theirs)
  })

  it("another union's member with the same member id sees nothing of it", async () => {
    const foreign = await seedMessage({ memberId: 'demo-member-04', unionId: 'other-union', title: '中签：外单位活动' })
    const list = await app.call('message.list', { pageSize: 50 }, 'demo-member')
    expect(list.body.data.items.map((m: { id: string }) => m.id)).not.toContain(foreign)
    expect((await app.call('message.read', { id: foreign }, 'demo-member')).body.error.code).toBe('NOT_FOUND')
  })

  it('reviewer notices reach only a current reviewer: after the role goes they are not listed, counted or readable', async () => {
    const notice = await seedMessage({
      memberId: 'demo-member-25',
      kind: 'hardship-new',
      title: '新的帮扶申请',
      body: '刘洋（信息中心）「生病住院」',
      link: '/packages/reviewer/request/index?id=r9',
    })
    const asReviewer = await app.call('message.list', {}, 'demo-reviewer')
    expect(asReviewer.body.data.items.find((m: { id: string }) => m.id === notice)).toMatchObject({ target: { kind: 'review', id: 'r9' } })
    await db().collection('roles').where({ memberId: 'demo-member-25', role: 'reviewer' }).remove()
    const after = await app.call('message.list', { pageSize: 50 }, 'demo-reviewer')
    expect(JSON.stringify(after.body)).not.toContain('生病住院')
    expect((await app.call('message.read', { id: notice }, 'demo-reviewer')).body.error.code).toBe('NOT_FOUND')
  })
})

describe('retention', () => {
  it('the daily job removes read messages older than a year, and only those', async () => {
    const now = Date.now()
    const oldRead = await seedMessage({ memberId: 'demo-member-11', createdAt: new Date(now - 400 * DAY), readAt: new Date(now - 399 * DAY) })
    const oldUnread = await seedMessage({ memberId: 'demo-member-11', createdAt: new Date(now - 400 * DAY) })
    const recentRead = await seedMessage({ memberId: 'demo-member-11', createdAt: new Date(now - 300 * DAY), readAt: new Date(now - 299 * DAY) })
    const res = await runSender(app, undefined, 'prune')
    expect(res.body).toMatchObject({ ok: true, data: { removed: 1 } })
    expect(await messageDoc(oldRead)).toBeUndefined()
    expect(await messageDoc(oldUnread)).toBeDefined()
    expect(await messageDoc(recentRead)).toBeDefined()
  })
})

beforeAll(async () => {
  // Members 06–11 bound to test openids, so each test reads a list of its own.
  for (const n of ['06', '07', '08', '09', '10', '11'])
    await db()
      .collection('bindings')
      .doc(`demo-m${n}`)
      .set({ unionId: 'demo-union', memberId: `demo-member-${n}`, boundAt: new Date() })
})
