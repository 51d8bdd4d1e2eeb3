/**
 * WeChat subscription messages through the sender timer: HTTP → function runner → message function →
 * real SDK → local CloudBase, and the local platform's recording stand-in for WeChat.
 */
import { crashServerForFile } from '../support/crash'
import { countDocs } from '../support/hardship'
import { creditCount, creditDoc, delivered, messageDoc, patchMessage, resetWechat, runSender, scriptWechat, seedMessage, sentNotices } from '../support/wechat'

const app = crashServerForFile()
beforeAll(async () => {
  // Whatever the demo seed left in the outbox is settled before the tests count sends.
  await runSender(app)
})
beforeEach(() => resetWechat(app))

const MEMBER = { openid: 'demo-member', id: 'demo-member-04' }
const LEADER = { openid: 'demo-leader', id: 'demo-member-02' }
const AUDITOR = { openid: 'demo-auditor', id: 'demo-member-05' }

const subscribe = (openid: string, accepted: string[]) => app.call('message.subscribe', { accepted }, openid)

describe('credits', () => {
  it('each accept allows one send: two credits, three notices → two sent, the third stays in 消息 only', async () => {
    await subscribe(MEMBER.openid, ['activity-result'])
    const second = await subscribe(MEMBER.openid, ['activity-result'])
    expect(second.body.data.credits).toEqual({ 'activity-result': 2 })

    const ids = [
      await seedMessage({ memberId: MEMBER.id, title: '报名成功：羽毛球友谊赛', link: '/pages/activity/index?id=act-1' }),
      await seedMessage({ memberId: MEMBER.id, kind: 'lottery-result', title: '中签：九九重阳登山' }),
      await seedMessage({ memberId: MEMBER.id, kind: 'lottery-result', title: '未中签：书画展' }),
    ]
    const run = await runSender(app)
    expect(run.body.ok).toBe(true)

    const sent = await sentNotices(app)
    expect(sent).toHaveLength(2)
    expect(sent.every((n) => n.answer === 0 && n.touser === MEMBER.openid && n.templateId === 'local-activity-result')).toBe(true)
    expect(sent[0].page).toBe('pages/activity/index?id=act-1')
    expect(sent[0].data.thing1.value).toBe('羽毛球友谊赛')
    expect(sent[0].data.phrase2.value).toBe('报名成功')
    expect(sent[0].data.time4.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/)
    expect(sent[1].data.phrase2.value).toBe('中签')
    expect(await creditCount(MEMBER.id, 'activity-result')).toBe(0)

    const docs = await Promise.all(ids.map(messageDoc))
    expect(docs.map((d) => d?.push)).toEqual(['sent', 'sent', 'in-app'])
    expect(docs[2]?.pushReason).toBe('no-credit')
    expect(docs[0]?.sentAt).toBeTruthy()

    // A second run sends nothing more: every message is settled.
    await runSender(app)
    expect(await sentNotices(app)).toHaveLength(2)
  })

  it('a member without credit gets no send but finds the message, unread, in 消息 and on the badge', async () => {
    const id = await seedMessage({ memberId: LEADER.id, kind: 'activity-cancelled', title: '活动取消：健步走', body: '因天气原因取消。' })
    await runSender(app)
    expect((await sentNotices(app)).filter((n) => n.touser === LEADER.openid)).toEqual([])
    expect((await messageDoc(id))?.push).toBe('in-app')

    const list = await app.call('message.list', {}, LEADER.openid)
    expect(list.body.data.items.find((m: { id: string }) => m.id === id)).toMatchObject({
      title: '活动取消：健步走',
      body: '因天气原因取消。',
      read: false,
      kindLabel: '活动取消',
    })
    const me = await app.call('member.me', {}, LEADER.openid)
    expect(me.body.data.badges.unreadMessages).toBeGreaterThanOrEqual(1)
  })

  it('43101 (WeChat has no accept left) sets the credit to 0; later notices are not tried', async () => {
    for (let i = 0; i < 3; i++) await subscribe(AUDITOR.openid, ['benefit'])
    expect(await creditCount(AUDITOR.id, 'benefit')).toBe(3)
    await scriptWechat(app, [{ errcode: 43101 }])
    const first = await seedMessage({ memberId: AUDITOR.id, kind: 'voucher-expiring', title: '福利即将过期：中秋慰问品', link: '/pages/benefits/index' })
    await runSender(app)
    expect((await sentNotices(app)).map((n) => n.answer)).toEqual([43101])
    expect(await creditCount(AUDITOR.id, 'benefit')).toBe(0)
    expect(await messageDoc(first)).toMatchObject({ push: 'in-app', pushReason: 'wechat-43101', sentAt: null })

    await seedMessage({ memberId: AUDITOR.id, kind: 'voucher-issued', title: '福利到账：蛋糕券', link: '/pages/benefits/index' })
    await runSender(app)
    expect(await sentNotices(app)).toHaveLength(1)
  })

  it('47003 (bad data) marks the message failed, logs it, and keeps the member’s credit', async () => {
    await subscribe(AUDITOR.openid, ['hardship'])
    await scriptWechat(app, [{ errcode: 47003 }])
    const id = await seedMessage({
      memberId: AUDITOR.id,
      kind: 'hardship-update',
      title: '帮扶申请进展：生病住院',
      body: '已批准 800.00 元，待发放。',
      link: '/pages/hardship/detail?id=r1',
    })
    await runSender(app)
    expect((await sentNotices(app)).map((n) => n.answer)).toEqual([47003])
    expect(await messageDoc(id)).toMatchObject({ push: 'failed', pushReason: 'wechat-47003' })
    expect(await creditCount(AUDITOR.id, 'hardship')).toBe(1)
  })

  it('a hardship notice tells WeChat only that there is news: no category, amount or reason', async () => {
    const id = await seedMessage({
      memberId: AUDITOR.id,
      kind: 'hardship-update',
      title: '帮扶申请进展：生病住院',
      body: '已批准 800.00 元，待发放。',
      link: '/pages/hardship/detail?id=r2',
    })
    await runSender(app)
    const [notice] = await delivered(app)
    expect((await messageDoc(id))?.push).toBe('sent')
    const text = JSON.stringify(notice.data)
    expect(text).not.toMatch(/生病住院|800|待发放/)
    expect(notice.data.phrase2.value).toBe('有新进展')
  })

  it('a timeout returns the credit and the message is tried again later, then sent once', async () => {
    await subscribe(MEMBER.openid, ['activity-reminder'])
    await scriptWechat(app, [{ hang: true }])
    const id = await seedMessage({
      memberId: MEMBER.id,
      kind: 'activity-reminder',
      title: '活动提醒：八段锦讲座',
      body: '2026-03-01 15:00 在 三楼会议室，别忘了参加。',
    })
    await runSender(app)
    expect((await sentNotices(app)).map((n) => n.answer)).toEqual(['hang'])
    const deferred = await messageDoc(id)
    expect(deferred).toMatchObject({ attempts: 1, claim: null })
    expect(deferred?.settledAt ?? null).toBeNull()
    expect(new Date(deferred!.leaseUntil).getTime()).toBeGreaterThan(Date.now())
    expect(await creditCount(MEMBER.id, 'activity-reminder')).toBe(1)

    // Not before its time…
    await runSender(app)
    expect(await sentNotices(app)).toHaveLength(1)
    // …and once the wait is over (moved into the past here), sent once.
    await patchMessage(id, { leaseUntil: new Date(Date.now() - 1000) })
    await runSender(app)
    expect((await sentNotices(app)).map((n) => n.answer)).toEqual(['hang', 0])
    expect(await messageDoc(id)).toMatchObject({ push: 'sent' })
    expect(await creditCount(MEMBER.id, 'activity-reminder')).toBe(0)
    await runSender(app)
    expect(await sentNotices(app)).toHaveLength(2)
  })

  it('a value too long for its keyword is cut to WeChat’s format, so WeChat takes it', async () => {
    await subscribe(MEMBER.openid, ['activity-change'])
    await seedMessage({
      memberId: MEMBER.id,
      kind: 'activity-changed',
      title: `活动有变更：${'市直机关工会2026年度迎新春职工羽毛球团体赛'.repeat(2)}`,
      body: '时间改为 2026-03-01 15:00，地点改为 体育馆二楼。'.repeat(3),
    })
    await runSender(app)
    const [notice] = await sentNotices(app)
    expect(notice.answer).toBe(0)
    expect([...notice.data.thing1.value]).toHaveLength(20)
    expect(notice.data.thing1.value.endsWith('…')).toBe(true)
    expect(notice.data.phrase2.value).toBe('活动有变更')
  })
})

describe('two sender runs at once', () => {
  it('send each message once', async () => {
    const members = [MEMBER, LEADER, AUDITOR]
    for (const m of members) for (let i = 0; i < 4; i++) await subscribe(m.openid, ['group'])
    const titles: string[] = []
    for (const m of members)
      for (let i = 0; i < 4; i++) {
        const title = `已同意：兴趣小组${m.id}-${i}`
        titles.push(title)
        await seedMessage({ memberId: m.id, kind: 'group-decision', title, link: '/pages/group/index?id=g1' })
      }
    const runs = await Promise.all([runSender(app), runSender(app), runSender(app)])
    expect(runs.every((r) => r.body.ok)).toBe(true)
    const sent = await delivered(app)
    expect(sent.map((n) => n.data.thing1.value).sort()).toEqual(titles.map((t) => t.split('：')[1]).sort())
    for (const m of members) expect(await creditCount(m.id, 'group')).toBe(0)
  })
})

describe('acceptance reports', () => {
  const credits = () => countDocs('subscribe_credits')

  it('an unknown template, too many, or the same twice is refused and nothing is written', async () => {
    const before = await credits()
    for (const accepted of [['not-a-template'], ['activity-result', 'activity-change', 'activity-reminder', 'benefit'], ['benefit', 'benefit'], []]) {
      const res = await subscribe('demo-redeemer', accepted)
      expect(res.body.ok).toBe(false)
      expect(res.body.error.code).toBe('INVALID_ARGUMENT')
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
      expect(res.writes).toBe(0)
    }
    expect(await credits()).toBe(before)
  })

  it('a template the union has not configured is refused, nothing written', async () => {
    const saved = process.env.SUBSCRIBE_TEMPLATE_REVIEW
    delete process.env.SUBSCRIBE_TEMPLATE_REVIEW
    try {
      const templates = await app.call('message.templates', {}, 'demo-redeemer')
      expect(templates.body.data.templates.review).toBeUndefined()
      expect(templates.body.data.templates['activity-result']).toBe('local-activity-result')
      const res = await subscribe('demo-redeemer', ['benefit', 'review'])
      expect(res.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', message: '「待办事项提醒」尚未开通，无法订阅' })
      expect(res.writes).toBe(0)
    } finally {
      process.env.SUBSCRIBE_TEMPLATE_REVIEW = saved
    }
  })

  it('counts past the cap change nothing', async () => {
    let last
    for (let i = 0; i < 5; i++) last = await subscribe('demo-redeemer', ['activity-result'])
    expect(last!.body.data.credits['activity-result']).toBe(5)
    const atCap = await creditDoc('demo-member-03', 'activity-result')
    for (let i = 0; i < 3; i++) last = await subscribe('demo-redeemer', ['activity-result'])
    expect(last!.body.data.credits['activity-result']).toBe(5)
    // The capped increment is a conditional write that matches nothing: the document is as it was.
    expect(await creditDoc('demo-member-03', 'activity-result')).toEqual(atCap)
  })

  it('the forged context of another member is not possible: credits go to the caller only', async () => {
    const res = await fetch(`${app.url}/fn/message`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-local-openid': 'demo-redeemer' },
      body: JSON.stringify({ action: 'subscribe', data: { accepted: ['hardship'], memberId: MEMBER.id } }),
    })
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INVALID_ARGUMENT')
  })
})
