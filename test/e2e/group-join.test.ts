/**
 * Joining an approval group in the browser: 刘洋 applies (agreeing to share his phone) and waits;
 * 李娜, the leader, sees the waiting badge, approves on the requests page and finds his phone on the
 * leader roster; 刘洋 is then in — listed by name and department, with no phone number anywhere.
 */
import { h5PhoneForFile } from '../support/browser'

jest.setTimeout(60_000)

const { app, page, visible, loginAs } = h5PhoneForFile()
let groupId: string
let liuYangPhone: string

const GROUP = '围棋'

beforeAll(async () => {
  // The admin founds the group the test needs, led by 李娜 (demo-member-02), so nothing depends on the demo seed.
  const created = await app.call(
    'group.create',
    { name: GROUP, description: '每周五午间对弈，新手老手都欢迎', joinPolicy: 'approval', sizeLimit: 10, leaderIds: ['demo-member-02'] },
    'demo-admin',
  )
  expect(created.body.ok).toBe(true)
  groupId = created.body.data.id
  liuYangPhone = (await app.call('member.get', { id: 'demo-member-04' }, 'demo-admin')).body.data.phone
  expect(liuYangPhone).toMatch(/^1\d{10}$/)
})

const statusAs = async (openid: string) => (await app.call('group.get', { id: groupId }, openid)).body.data.myStatus

it('刘洋 applies, 李娜 approves and sees his phone, 刘洋 is in without his phone shown', async () => {
  await page.goto(`${app.url}/#/pages/groups/index`)
  await page.waitForSelector('.taro_page_stationed')

  // —— 刘洋 applies, agreeing that the leaders may see his phone ——
  await loginAs('刘洋')
  await visible('.groups-mine .group-card').filter({ hasText: '信息中心工会小组' }).waitFor()
  await visible('.groups-all .group-card').filter({ hasText: GROUP }).click()
  await visible('.page-group .group-hero__name').filter({ hasText: GROUP }).waitFor()
  await expect(visible('.page-group .group-fact--leaders').textContent()).resolves.toContain('李娜')
  await visible('.page-group .group-join--join').filter({ hasText: '申请加入' }).click()
  const dialog = visible('.join-dialog')
  await dialog.getByText('只能看到你的姓名和部门', { exact: false }).waitFor()
  // Off unless ticked.
  await expect(dialog.locator('.join-share-contact').getAttribute('class')).resolves.not.toContain('nut-checkbox-active')
  await dialog.locator('.join-share-contact').click()
  await expect(dialog.locator('.join-share-contact').getAttribute('class')).resolves.toContain('nut-checkbox-active')
  await dialog.locator('.nut-dialog-footer-ok').click()
  await visible('.page-group .group-join__status').filter({ hasText: '待组长审核' }).waitFor()
  await visible('.page-group .group-join--withdraw').waitFor()
  expect(await statusAs('demo-member')).toBe('pending')

  // —— 李娜 sees the waiting request and approves it ——
  await page.goBack()
  await loginAs('李娜')
  // The 小组 tab carries the number of requests waiting for her.
  await visible('.weui-tabbar__item').filter({ hasText: '小组' }).locator('.taro-tabbar-badge').filter({ hasText: '1' }).waitFor()
  await visible('.groups-mine .group-card').filter({ hasText: GROUP }).click()
  const requests = visible('.page-group .group-manage--requests')
  await requests.locator('.group-pending-badge').filter({ hasText: '1' }).waitFor()
  await requests.click()
  const row = visible('.page-leader-requests .request-row').filter({ hasText: '刘洋' })
  await expect(row.textContent()).resolves.toContain('信息中心')
  await row.locator('.request-approve').click()
  await visible('.page-leader-requests .requests-empty').getByText('暂无待审核的申请').waitFor()
  expect(await statusAs('demo-member')).toBe('active')

  // Back on the group page (reloaded on show): nothing waiting; the leader roster has 刘洋's phone.
  await page.goBack()
  await visible('.page-group .group-manage--requests').getByText('暂无待审核的申请').waitFor()
  await visible('.page-group .roster-row').filter({ hasText: '刘洋' }).waitFor()
  await visible('.page-group .group-manage--roster').click()
  const entry = visible('.page-leader-roster .roster-entry').filter({ hasText: '刘洋' })
  await expect(entry.locator('.roster-entry__phone').textContent()).resolves.toBe(liuYangPhone)
  // 李娜 herself shared nothing: no phone next to her name.
  await expect(visible('.page-leader-roster .roster-entry').filter({ hasText: '李娜' }).locator('.roster-entry__phone').count()).resolves.toBe(0)

  // —— 刘洋 is in: 已加入, listed by name and department, and no phone number on his screen ——
  await page.goBack()
  await page.goBack()
  // Nothing waits for her any more: the tab badge has gone.
  const groupsTab = visible('.weui-tabbar__item').filter({ hasText: '小组' })
  await groupsTab.waitFor()
  await groupsTab.locator('.taro-tabbar-badge').waitFor({ state: 'hidden' })
  await loginAs('刘洋')
  await visible('.groups-mine .group-card').filter({ hasText: GROUP }).getByText('已加入').waitFor()
  await visible('.groups-mine .group-card').filter({ hasText: GROUP }).click()
  await visible('.page-group .group-join__status').filter({ hasText: '已加入' }).waitFor()
  const me = visible('.page-group .roster-row').filter({ hasText: '刘洋' })
  await expect(me.locator('.roster-row__department').textContent()).resolves.toBe('信息中心')
  await expect(visible('.page-group .group-roster .roster-row').count()).resolves.toBe(2)
  const screen = (await visible('.page-group').textContent()) ?? ''
  expect(screen).not.toContain(liuYangPhone)
  expect(screen).not.toMatch(/1\d{10}/)
  await expect(visible('.page-group .group-manage').count()).resolves.toBe(0)
})
