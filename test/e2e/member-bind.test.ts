/**
 * A WeChat user not yet on the roster's bindings: sent from 首页 to 绑定会员身份, types the invite
 * code an admin generated (lower case, as people do), and lands on 我的 showing their name.
 */
import { h5PhoneForFile, newPhonePage } from '../support/browser'

jest.setTimeout(60_000)

const { app, browser, page, visible, loginAs } = h5PhoneForFile()

/** An unused invite for the first unbound member, made the way an admin would. */
async function inviteFor(): Promise<{ code: string; name: string }> {
  const created = await app.call('member.createInvites', {}, 'demo-admin')
  expect(created.body).toMatchObject({ ok: true })
  const listed = await app.call('member.listInvites', { page: 1, pageSize: 1, unusedOnly: true }, 'demo-admin')
  expect(listed.body.ok).toBe(true)
  const invite = listed.body.data.items[0] as { code: string; name: string }
  expect(invite.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/)
  return invite
}

it('binds a new WeChat user with an invite code and greets them on 我的', async () => {
  const invite = await inviteFor()
  await page.goto(`${app.url}/`)
  await page.waitForSelector('.taro_page_stationed')
  await loginAs('新用户')

  // 首页 says why and offers the way there.
  await visible('.bind-entry').first().click()
  await visible('.bind-tab-code').waitFor()
  await visible('.page-bind').getByText('绑定后才能报名活动、领取福利').waitFor()
  await visible('.page-bind').getByText('只用于核对会员身份', { exact: false }).waitFor()

  // A typo is caught under the field before anything is sent.
  const before = app.stats.roundTrips
  await visible('.bind-code-input input').fill('abc')
  await visible('.bind-submit').click()
  await visible('.bind-field__error').getByText('邀请码是 8 位', { exact: false }).waitFor()
  expect(app.stats.roundTrips).toBe(before)

  // A well-formed but wrong code: the server's message, the form kept.
  await visible('.bind-code-input input').fill('abcd-efgh')
  await visible('.bind-submit').click()
  await visible('.bind-error').getByText('邀请码无效', { exact: false }).waitFor()
  await expect(visible('.bind-code-input input').inputValue()).resolves.toBe('abcd-efgh')

  // The real code, typed in lower case.
  await visible('.bind-code-input input').fill(invite.code.toLowerCase())
  await visible('.bind-submit').click()
  await visible('.page-me .me-name').getByText(invite.name, { exact: true }).waitFor()
  await expect(visible('.page-me .me-member-no').textContent()).resolves.toMatch(/^会员编号 GH\d+$/)

  // 首页, alive under 我的 since before the binding, greets them too once shown again.
  await page.locator('.taro-tabbar__tabbar .weui-tabbar__item', { hasText: '首页' }).click()
  await visible('.home-greeting').getByText(`你好，${invite.name}`).waitFor()

  // The code is used up.
  const after = await app.call('member.listInvites', { page: 1, pageSize: 100, unusedOnly: true }, 'demo-admin')
  expect(after.body.data.items.map((i: { code: string }) => i.code)).not.toContain(invite.code)
})

it('binds with 会员编号, 姓名 and the last four digits of the phone', async () => {
  // A fresh page: the demo newcomer is bound now, so use a second new WeChat user.
  const member = await app.call('member.get', { id: 'demo-member-10' }, 'demo-admin')
  expect(member.body.ok).toBe(true)
  const { memberNo, name, phone } = member.body.data as { memberNo: string; name: string; phone: string }

  const second = await newPhonePage(browser)
  try {
    await second.addInitScript(() => window.localStorage.setItem('local.openid', JSON.stringify({ data: 'e2e-newcomer-2' })))
    await second.goto(`${app.url}/#/pages/bind/index`)
    const on = (selector: string) => second.locator(`${selector}:visible`)
    await on('.bind-tab-profile').click()

    await on('.bind-submit').click()
    await on('.bind-field__error').getByText('请输入会员编号').waitFor()
    await on('.bind-field__error').getByText('请输入姓名').waitFor()
    await on('.bind-field__error').getByText('请输入手机号后四位').waitFor()

    await on('.bind-member-no-input input').fill(memberNo)
    await on('.bind-name-input input').fill(name)
    await on('.bind-phone-input input').fill(phone.endsWith('0000') ? '1111' : '0000')
    await on('.bind-submit').click()
    await on('.bind-error').waitFor()

    await on('.bind-phone-input input').fill(phone.slice(-4))
    await on('.bind-submit').click()
    await on('.page-me .me-name').getByText(name, { exact: true }).waitFor()
  } finally {
    await second.close()
  }
})
