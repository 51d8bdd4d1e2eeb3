import { h5PhoneForFile } from '../support/browser'

jest.setTimeout(120_000)

const { app, page, loginAs } = h5PhoneForFile()

describe('h5 build served by the local platform', () => {
  it('asks to pick a demo account before anyone is logged in', async () => {
    await page.goto(`${app.url}/`)
    await page.waitForSelector('.taro_page_stationed')
    await page.getByText('请选择一个演示账号登录').first().waitFor()
  })

  it('switches demo user and greets them by name from a real function call', async () => {
    const callsBefore = app.stats.roundTrips
    await loginAs('刘洋')
    await page.locator('.home-greeting', { hasText: '刘洋' }).waitFor()
    // The greeting came through the function and the database, not from the switcher's list.
    expect(app.stats.roundTrips).toBeGreaterThan(callsBefore)
    await expect(page.locator('.home-greeting').textContent()).resolves.toContain('信息中心')

    await loginAs('张伟')
    await page.locator('.home-greeting', { hasText: '张伟' }).waitFor()
    await expect(page.locator('.home-greeting').textContent()).resolves.not.toContain('刘洋')
  })

  it('tells an unbound WeChat user to bind first', async () => {
    await loginAs('新用户')
    await page.getByText('请先绑定会员身份').first().waitFor()
  })
})
