/**
 * 消息 in the browser: 刘洋 queues for a one-place event and sees nothing new; 陈静 gives up her
 * place; 刘洋 sees the badge on 我的 (brought by the call 首页 makes anyway), opens 消息, reads that
 * he moved up (「您已从排队转为报名成功」, the promotion notice in cloudfunctions/activity/places.ts),
 * taps through to the event where he is 已报名, and the badge is gone.
 */
import { h5PhoneForFile } from '../support/browser'
import { activityForm, eventHours } from '../support/activity-form'

jest.setTimeout(120_000)

const { app, page, visible, signInAt } = h5PhoneForFile()

const TITLE = '周末凤凰山登山'

/** The 我的 tab's badge on h5's tab bar (the fifth item). */
const meTabBadge = () => page.locator('.weui-tabbar__item').nth(4).locator('.taro-tabbar-badge')
const tab = (text: string) => page.locator('.weui-tabbar__item').filter({ hasText: text })

it('a member promoted from the waitlist sees the badge, reads 您已递补 in 消息, taps through to the event, and the badge clears', async () => {
  // —— an event with one place: 陈静 takes it, 刘洋 queues ——
  const hike = activityForm({ title: TITLE, capacity: 1, ...eventHours({ start: 72, end: 76, closes: 48, cancelBy: 48 }) })
  const created = await app.call('activity.create', hike, 'demo-admin')
  const id = created.body.data.id as string
  expect((await app.call('activity.signUp', { id }, 'demo-auditor')).body.data.status).toBe('confirmed')
  expect((await app.call('activity.signUp', { id }, 'demo-member')).body.data.status).toBe('waiting')

  // —— 刘洋 on 我的: in line, nothing to read ——
  await signInAt('/pages/me/index', '刘洋')
  await visible('.page-me .me-tool--messages').waitFor()
  await expect(visible('.page-me .me-tool--messages .me-badge').count()).resolves.toBe(0)
  await expect(meTabBadge().count()).resolves.toBe(0)

  // —— 陈静 gives up her place: it goes to 刘洋, who is told ——
  expect((await app.call('activity.cancel', { id }, 'demo-auditor')).body.ok).toBe(true)

  // 首页 (opened now for the first time) makes its one call; the count rides on it to the 我的 tab.
  await tab('首页').click()
  await visible('.page-home .home-section--messages .home-badge').filter({ hasText: '1' }).waitFor()
  await expect(visible('.page-home .home-message').textContent()).resolves.toContain(`报名成功：${TITLE}`)
  await meTabBadge().filter({ hasText: '1' }).waitFor()
  // And 我的活动 on 首页 shows him with a place now.
  await expect(visible('.page-home .home-activity').filter({ hasText: TITLE }).locator('.home-tag').textContent()).resolves.toBe('已报名')

  // —— 我的 → 消息 ——
  await tab('我的').click()
  await visible('.page-me .me-tool--messages .me-badge').filter({ hasText: '1' }).waitFor()
  await visible('.page-me .me-tool--messages').click()
  await page.waitForSelector('.page-messages')
  const notice = visible('.page-messages .message').filter({ hasText: TITLE })
  await notice.locator('.message__body').filter({ hasText: '您已从排队转为报名成功' }).waitFor()
  await expect(notice.getAttribute('class')).resolves.toContain('message--unread')
  await expect(notice.locator('.message__kind').textContent()).resolves.toBe('候补递补')
  // House style, no year this year: 「12月5日 周六 11:02」.
  await expect(notice.locator('.message__at').textContent()).resolves.toMatch(/^\d{1,2}月\d{1,2}日 周[日一二三四五六] \d\d:\d\d$/)

  // —— the tap opens the event, where he is 已报名 ——
  await notice.click()
  await visible('.page-activity .activity-hero__title').filter({ hasText: TITLE }).waitFor()
  await visible('.page-activity .activity-action__status').filter({ hasText: '已报名' }).waitFor()

  // —— read: the badge is gone from the tab bar and from 消息 ——
  await expect(meTabBadge().count()).resolves.toBe(0)
  await page.goBack()
  await visible('.page-messages .message').filter({ hasText: TITLE }).and(page.locator('.message--read')).waitFor()
  await expect(visible('.page-messages .messages-bar__count').textContent()).resolves.toBe('全部已读')
  await page.goBack()
  await visible('.page-me .me-tool--messages').waitFor()
  await expect(visible('.page-me .me-tool--messages .me-badge').count()).resolves.toBe(0)
  await expect(meTabBadge().count()).resolves.toBe(0)
  const server = (await app.call('member.me', {}, 'demo-member')).body.data
  expect(server.badges.unreadMessages).toBe(0)
})
