/**
 * An admin edits a member in the browser: saves a changed phone, grants 经费审查, unbinds the
 * member's WeChat after confirming, and generates an invite code for them to bind again.
 */
import { h5PhoneForFile } from '../support/browser'

jest.setTimeout(60_000)

const { app, page, visible } = h5PhoneForFile()

beforeAll(async () => {
  await page.addInitScript(() => window.localStorage.setItem('local.openid', JSON.stringify({ data: 'demo-admin' })))
})

const memberNow = async (id: string) => (await app.call('member.get', { id }, 'demo-admin')).body.data

/** Asks the server until the page's save has landed (the page answers before the test looks). */
async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const value = await read()
    if (ok(value) || Date.now() > deadline) return value
    await new Promise((r) => setTimeout(r, 100))
  }
}

it('edits, grants a role, unbinds after a confirm, and issues a new invite', async () => {
  // 会员名册 → 刘洋
  await page.goto(`${app.url}/#/packages/admin/members/index`)
  await visible('.member-row').filter({ hasText: '刘洋' }).click()
  await visible('.page-admin-member .member-phone-input input').waitFor()

  // A phone number that is not 11 digits is caught before sending.
  await visible('.member-phone-input input').fill('1390000')
  await visible('.member-save').click()
  await visible('.member-profile .admin-field__error').getByText('手机号应为 11 位数字').waitFor()
  await visible('.member-phone-input input').fill('13900000004')
  await visible('.member-save').click()
  expect(
    (
      await until(
        () => memberNow('demo-member-04'),
        (m) => m.phone === '13900000004',
      )
    ).phone,
  ).toBe('13900000004')

  // 经费审查
  await visible('.member-role-auditor').click()
  await visible('.member-save-roles').click()
  expect(
    (
      await until(
        () => memberNow('demo-member-04'),
        (m) => m.grants.length > 0,
      )
    ).grants,
  ).toEqual([{ role: 'auditor' }])

  // 解绑微信: cancelling changes nothing; confirming unbinds.
  await visible('.member-unbind').click()
  await visible('.taro-modal__content').getByText('需要重新绑定', { exact: false }).waitFor()
  await visible('.taro-model__cancel').click()
  expect((await memberNow('demo-member-04')).bound).toBe(true)
  await visible('.member-unbind').click()
  await visible('.taro-model__confirm').click()
  await visible('.member-invite').waitFor()
  expect((await memberNow('demo-member-04')).bound).toBe(false)
  const me = await app.call('member.me', {}, 'demo-member')
  expect(me.body.error.code).toBe('NOT_BOUND')

  // A new invite for them, listed on 邀请码.
  await visible('.member-invite').click()
  const row = visible('.invite-row').filter({ hasText: '刘洋' })
  await row.waitFor()
  await expect(row.locator('.invite-row__code').textContent()).resolves.toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/)

  // Back on the list (alive under the detail page), the member now shows as 未绑定.
  await page.goBack()
  await page.goBack()
  await visible('.member-row').filter({ hasText: '刘洋' }).locator('.member-row__tag--unbound').waitFor()
})
