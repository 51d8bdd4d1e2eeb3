/**
 * Check-in belongs to the event, in the browser. A week ahead: 刘洋's code page says when check-in
 * opens and 张伟's 现场签到 refuses with the same time. An hour before the start: 刘洋 shows his code,
 * 张伟 types the six digits once (one activity.checkIn, no second send from 签到), 刘洋's code page
 * turns to 已签到 at its next refresh, and his event page shows 已签到 instead of 取消报名.
 */
import type { Page } from 'playwright-core'
import { h5ForFile, phoneAs as openPhoneAs, visibleIn } from '../support/browser'
import { activityForm, eventHours } from '../support/activity-form'
import { HOUR } from '../support/time'

jest.setTimeout(150_000)

const { app, browser } = h5ForFile()

/** A union event posted by 张伟, with 刘洋 signed up. */
async function eventWithLiuYang(title: string, startIn: number): Promise<string> {
  const start = startIn / HOUR
  const talk = { title, type: '讲座', place: '机关礼堂', ...eventHours({ start, end: start + 2, closes: start - 0.5, cancelBy: start - 0.5 }), capacity: 20 }
  const posted = await app.call('activity.create', activityForm(talk), 'demo-admin')
  expect(posted.body.ok).toBe(true)
  const id = posted.body.data.id as string
  expect((await app.call('activity.signUp', { id }, 'demo-member')).body.data.status).toBe('confirmed')
  return id
}

/** A fresh phone signed in as `name` (the switcher lives on the tab pages), then on `route` as if opened from a link. */
async function phoneAs(name: string, route: string): Promise<Page> {
  const page = await openPhoneAs(app, browser, name, '/pages/me/index')
  await page.goto(`${app.url}/#${route}`)
  await page.reload()
  await page.waitForSelector('.taro_page_stationed')
  return page
}

it('a week ahead: the member is told when check-in opens; the organizer is refused with the time', async () => {
  const id = await eventWithLiuYang('安全生产讲座（下周）', 7 * 24 * HOUR)
  const opens = (await app.call('activity.myCode', { id }, 'demo-member')).body.data
  expect(opens.state).toBe('not-yet')

  const member = await phoneAs('刘洋', `/pages/activity/index?id=${id}`)
  await visibleIn(member, '.page-activity .activity-code-entry').click()
  const notYet = visibleIn(member, '.page-activity-code .code-status--not-yet')
  await notYet.waitFor()
  await expect(notYet.textContent()).resolves.toMatch(/^签到还没有开始(\d{4}年)?\d{1,2}月\d{1,2}日 周[日一二三四五六] \d{2}:\d{2} 开始签到/)
  expect(await member.locator('.page-activity-code .code-short').count()).toBe(0)

  const leader = await phoneAs('张伟', `/packages/organizer/checkin/index?id=${id}`)
  await visibleIn(leader, '.page-organizer-checkin .checkin-input input').fill('123456')
  const refused = visibleIn(leader, '.page-organizer-checkin .checkin-result--error')
  await refused.waitFor()
  await expect(refused.textContent()).resolves.toMatch(/^✗ 签到将于 .+ 开始（活动开始前 2 小时）$/)
  expect((await app.call('activity.attendees', { id }, 'demo-admin')).body.data.checkedIn).toBe(0)
  await member.close()
  await leader.close()
})

it('an hour before the start: checked in once, the code page turns to 已签到 by itself, and 取消报名 is gone', async () => {
  const id = await eventWithLiuYang('安全生产讲座', HOUR)

  const member = await phoneAs('刘洋', `/pages/activity/index?id=${id}`)
  await visibleIn(member, '.page-activity .activity-cancel').filter({ hasText: '取消报名' }).waitFor()
  await visibleIn(member, '.page-activity .activity-code-entry').click()
  const short = visibleIn(member, '.page-activity-code .code-short')
  await short.waitFor()
  const digits = (await short.getAttribute('data-code')) ?? ''
  expect(digits).toMatch(/^\d{6}$/)

  const leader = await phoneAs('张伟', `/packages/organizer/checkin/index?id=${id}`)
  const sent: string[] = []
  leader.on('request', (r) => {
    if (r.url().endsWith('/fn/activity') && r.postDataJSON()?.action === 'checkIn') sent.push(r.postDataJSON().data.code)
  })
  await visibleIn(leader, '.page-organizer-checkin .checkin-input input').fill(digits)
  // The habitual tap on 签到 right after the sixth digit sends nothing more.
  await visibleIn(leader, '.page-organizer-checkin .checkin-submit').click({ force: true })
  await visibleIn(leader, '.page-organizer-checkin .checkin-result--ok').filter({ hasText: '✓ 刘洋 · 信息中心 签到成功' }).waitFor()
  await leader.waitForTimeout(500)
  expect(sent).toEqual([digits])
  await visibleIn(leader, '.page-organizer-checkin .checkin-counts__checked').filter({ hasText: '1' }).waitFor()

  // Within one refresh (every 30 seconds) the member's screen says so, with no code left to show.
  const done = visibleIn(member, '.page-activity-code .code-status--checked-in')
  await done.waitFor({ timeout: 35_000 })
  await expect(done.textContent()).resolves.toMatch(/已签到.+ 签到，出勤已记录$/)
  expect(await member.locator('.page-activity-code .code-short').count()).toBe(0)

  // Back on the event: 已签到, and no 取消报名 to tap.
  await member.goBack()
  await visibleIn(member, '.page-activity .activity-action__status').filter({ hasText: '已签到' }).waitFor()
  expect(await visibleIn(member, '.page-activity .activity-cancel').count()).toBe(0)
  expect(await visibleIn(member, '.page-activity .activity-code-entry').count()).toBe(0)
  // The server refuses too, and the attendance stays.
  expect((await app.call('activity.cancel', { id }, 'demo-member')).body.error).toMatchObject({
    code: 'CLOSED',
    message: '您已签到，出勤已记录，不能再取消报名',
  })
  expect((await app.call('activity.attendees', { id }, 'demo-admin')).body.data).toMatchObject({ confirmed: 1, checkedIn: 1 })
  await member.close()
  await leader.close()
})
