/**
 * A holiday gift, in the browser: 张伟 sets it up with two gifts through 福利发放 and issues it (the
 * bar reaches done); 刘洋 opens 福利, picks 农家大米 and shows his code (a QR code and six digits);
 * 王芳 at 工会办公室 types the six digits, sees what to hand over, confirms; 刘洋's screen turns to
 * 已使用 with when and where; the same code a second time is refused with when, where and by whom.
 * Three phones, three browser contexts: each keeps its own demo login.
 */
import { h5ForFile, phoneAs as openPhoneAs, visibleIn } from '../support/browser'
import { formatMoney } from '@shared/domain/money'

jest.setTimeout(150_000)

const { app, browser } = h5ForFile()

const NAME = `中秋慰问品 ${Date.now().toString(36).slice(-4)}`

/** A fresh phone signed in as `name`, on the tab page at `route`. */
const phoneAs = (name: string, route: string) => openPhoneAs(app, browser, name, route)

it('a holiday gift: set up and issued by the admin, chosen and shown by a member, redeemed once by a clerk', async () => {
  // —— 张伟 sets up the gift and issues it ——
  const admin = await phoneAs('张伟', '/pages/me/index')
  const a = (selector: string) => visibleIn(admin, selector)
  await a('.page-me .me-tool--admin').click()
  await admin.waitForSelector('.taro_page_stationed')
  await a('.page-admin .admin-entry--benefits').click()
  await a('.page-admin-benefits .benefits-create').click()
  await a('.page-admin-benefits .campaign-kind--holiday').click()
  await a('.page-admin-benefits .campaign-name input').fill(NAME)
  await a('.page-admin-benefits .campaign-face-value input').fill('200')
  await a('.page-admin-benefits .campaign-option-name input').first().fill('月饼礼盒')
  await a('.page-admin-benefits .campaign-option-stock input').first().fill('50')
  await a('.page-admin-benefits .campaign-option-add').click()
  await a('.page-admin-benefits .campaign-option-name input').nth(1).fill('农家大米')
  await a('.page-admin-benefits .campaign-option-supplier input').nth(1).fill('对口帮扶合作社')
  await a('.page-admin-benefits .campaign-option-relief').nth(1).click()
  await a('.page-admin-benefits .campaign-point[data-point-id="demo-point-office"]').click()
  await a('.page-admin-benefits .campaign-submit').click()

  await a('.page-admin-campaign .page-header__title').filter({ hasText: NAME }).waitFor()
  const id = decodeURIComponent(new URL(admin.url().replace('#', '')).searchParams.get('id') ?? '')
  expect(id).not.toBe('')
  // 发放 commits money: first the count, the face value, the total and the budget line; 再想想 issues nothing.
  const due = (await app.call('benefit.campaign', { id }, 'demo-admin')).body.data.progress.eligible as number
  const ask = `将给 ${due} 位会员各发 1 张：${due} × 200.00 元 = ${formatMoney(due * 20000)} 元，从「节日慰问品」预算列支（核销时转为支出，过期未用的退回）。`
  await a('.page-admin-campaign .campaign-issue-button').click()
  await expect(admin.locator('.taro__modal .taro-modal__text').textContent()).resolves.toBe(ask)
  await admin.locator('.taro__modal .taro-model__cancel').click()
  await admin.locator('.taro__modal').waitFor({ state: 'hidden' })
  expect((await app.call('benefit.campaign', { id }, 'demo-admin')).body.data.progress.issued).toBe(0)
  await a('.page-admin-campaign .campaign-issue-button').click()
  await admin.locator('.taro__modal .taro-model__confirm').click()
  await a('.page-admin-campaign .campaign-issue__text').filter({ hasText: '发放完成' }).waitFor({ timeout: 30_000 })
  const issued = (await app.call('benefit.campaign', { id }, 'demo-admin')).body.data
  expect(issued).toMatchObject({ name: NAME, faceValue: 20000, kind: 'holiday' })
  expect(issued.progress.issued).toBe(issued.progress.eligible)
  expect(issued.progress.issued).toBeGreaterThan(0)
  await expect(a('.page-admin-campaign .campaign-issue__text').textContent()).resolves.toBe(
    `已发放 ${issued.progress.issued} / ${issued.progress.eligible} 人，发放完成`,
  )

  // —— 刘洋 picks a gift ——
  const member = await phoneAs('刘洋', '/pages/benefits/index')
  const m = (selector: string) => visibleIn(member, selector)
  const card = m('.page-benefits .voucher-card').filter({ hasText: NAME })
  await card.locator('.voucher-card__state').filter({ hasText: '待选择' }).waitFor()
  await expect(card.locator('.voucher-card__yuan').textContent()).resolves.toBe('200.00 元')
  const rice = card.locator('.voucher-option').filter({ hasText: '农家大米' })
  await expect(rice.locator('.voucher-option__tag').textContent()).resolves.toBe('消费扶贫')
  await rice.click()
  await card.locator('.voucher-card__option').filter({ hasText: '农家大米' }).waitFor()
  await card.locator('.voucher-card__state').filter({ hasText: '可使用' }).waitFor()

  // —— 王芳 gets her counter ready ——
  const clerk = await phoneAs('王芳', '/pages/me/index')
  const c = (selector: string) => visibleIn(clerk, selector)
  await c('.page-me .me-tool--redeem').click()
  await clerk.waitForSelector('.taro_page_stationed')
  await c('.page-redeem .redeem-point[data-point-id="demo-point-office"]').click()
  await c('.page-redeem .page-header__subtitle').filter({ hasText: '工会办公室' }).waitFor()

  // —— 刘洋 shows his code ——
  await card.locator('.voucher-show-code').click()
  const short = m('.page-benefit-code .voucher-code-short')
  await short.waitFor()
  const digits = (await short.getAttribute('data-code')) ?? ''
  expect(digits).toMatch(/^\d{6}$/)
  // The QR code is drawn: a square of dark bars, a few hundred for a signed token.
  const qr = m('.page-benefit-code .benefit-qr')
  expect(await qr.locator('.benefit-qr__bar').count()).toBeGreaterThan(100)
  const box = await qr.boundingBox()
  expect(box && box.width > 150 && Math.abs(box.width - box.height) < 2).toBe(true)

  // —— 王芳 types the six digits, checks, confirms ——
  await c('.page-redeem .redeem-input input').fill(digits)
  const preview = c('.page-redeem .redeem-preview')
  await preview.waitFor()
  await expect(preview.locator('.redeem-preview__option').textContent()).resolves.toBe('农家大米')
  await expect(preview.locator('.redeem-preview__member').textContent()).resolves.toBe('刘* · 信息中心')
  await expect(preview.locator('.redeem-preview__value').textContent()).resolves.toBe('面值 200.00 元')
  await c('.page-redeem .redeem-confirm').click()
  await c('.page-redeem .redeem-result--ok').filter({ hasText: '核销成功' }).waitFor()

  // —— 刘洋's screen says 已使用, with when and where, at its next refresh (one call every 30 s carries the voucher's state) ——
  await m('.page-benefit-code .voucher-code-done__title').filter({ hasText: '已使用' }).waitFor({ timeout: 35_000 })
  await expect(m('.page-benefit-code .voucher-code-done__text').textContent()).resolves.toMatch(
    /^(\d{4}年)?\d{1,2}月\d{1,2}日 周[日一二三四五六] \d{2}:\d{2} 在 工会办公室 领取$/,
  )
  expect(await m('.page-benefit-code .benefit-qr').count()).toBe(0)
  await member.goBack()
  await m('.page-benefits .voucher-card--used').filter({ hasText: NAME }).locator('.voucher-card__used').filter({ hasText: '工会办公室' }).waitFor()

  // —— the same code again: refused, with when, where and by whom ——
  await c('.page-redeem .redeem-next').click()
  await c('.page-redeem .redeem-input input').fill(digits)
  const refused = c('.page-redeem .redeem-result--refused .redeem-result__message')
  await refused.waitFor()
  await expect(refused.textContent()).resolves.toMatch(/该券已于 (\d{4}年)?\d{1,2}月\d{1,2}日 周[日一二三四五六] \d{2}:\d{2} 在「工会办公室」由 王芳 核销/)

  const rows = (await app.call('benefit.vouchers', { id, search: '刘洋' }, 'demo-admin')).body.data
  expect(rows.items).toHaveLength(1)
  expect(rows.items[0]).toMatchObject({
    memberName: '刘洋',
    optionName: '农家大米',
    state: 'used',
    redeemed: { pointName: '工会办公室', by: '王芳', proxyReason: null },
  })
})
