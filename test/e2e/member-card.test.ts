/**
 * 电子会员证 in the browser: 刘洋 opens 我的 → 电子会员证 and sees his name, union, number, department,
 * joining date and status with a QR code and six digits; 张伟 (admin) opens 管理后台 → 核验会员证 on his
 * own phone, types the six digits and sees name, department and status only; digits typed after
 * the card has moved on are refused in Chinese. Two phones, two browser contexts (each its own login).
 */
import { calendarDayText } from '@shared/domain/time'
import { h5ForFile, phoneAs as openPhoneAs, visibleIn } from '../support/browser'

jest.setTimeout(150_000)

const { app, browser } = h5ForFile()

/** A fresh phone signed in as `name`, on the tab page at `route`. */
const phoneAs = (name: string, route: string) => openPhoneAs(app, browser, name, route)

it('a member shows the card; an admin checks its digits and sees name, department and status only', async () => {
  // —— 刘洋 opens his card from 我的 ——
  const member = await phoneAs('刘洋', '/pages/me/index')
  const m = (selector: string) => visibleIn(member, selector)
  await m('.page-me .me-tool--card').click()
  await member.waitForSelector('.taro_page_stationed')
  await m('.page-member-card .member-card-code__digits').waitFor()
  await expect(m('.page-member-card .member-card__name').textContent()).resolves.toBe('刘洋')
  await expect(m('.page-member-card .member-card__union').textContent()).resolves.toBe('市直机关示范工会')
  await expect(m('.page-member-card .member-card__facts').textContent()).resolves.toBe(
    `会员编号GH2026004所在部门信息中心入会日期${calendarDayText('2013-04-01', new Date())}会员状态在职`,
  )
  expect(await m('.page-member-card .benefit-qr__bar').count()).toBeGreaterThan(50)
  await member.waitForTimeout(600) // the page's slide-in
  await member.screenshot({ path: '/tmp/member-card-390.png' })
  const digits = (await m('.page-member-card .member-card-code__digits').getAttribute('data-code'))!
  expect(digits).toMatch(/^\d{6}$/)

  // —— 张伟 checks it at the union office ——
  const admin = await phoneAs('张伟', '/pages/me/index')
  const a = (selector: string) => visibleIn(admin, selector)
  await a('.page-me .me-tool--admin').click()
  await admin.waitForSelector('.taro_page_stationed')
  await a('.page-admin .admin-entry--card-check').click()
  await a('.page-card-check .card-check__input input').waitFor()
  await a('.page-card-check .card-check__input input').fill(digits)
  await a('.page-card-check .card-check__submit').click()
  await a('.page-card-check .card-check-result--valid').waitFor()
  await expect(a('.page-card-check .card-check-result').textContent()).resolves.toBe('✓刘洋信息中心在职 · 在册会员')
  // Nothing more than name, department and status: no number, phone or joining date.
  const shown = (await a('.page-card-check').textContent()) ?? ''
  for (const hidden of ['GH2026004', '2013', '139']) expect(shown).not.toContain(hidden)
  await admin.screenshot({ path: '/tmp/card-check-390.png' })

  // —— digits that no longer point at a card are refused, in Chinese ——
  const stale = digits === '000000' ? '000001' : '000000'
  await a('.page-card-check .card-check__input input').fill(stale)
  await a('.page-card-check .card-check__submit').click()
  await a('.page-card-check .card-check-result--refused').waitFor()
  await expect(a('.page-card-check .card-check-result__message').textContent()).resolves.toBe('数字码不对或已过期，请会员刷新会员证后再报一次')

  // —— a member who is not staff has no 核验 page ——
  await member.goto('about:blank')
  await member.goto(`${app.url}/#/packages/admin/card-check/index`)
  await member.waitForSelector('.taro_page_stationed')
  await m('.page-card-check .admin-denied').waitFor()
  expect(await m('.page-card-check .card-check__input').count()).toBe(0)
})
