/**
 * Running a group in the browser: 张伟 (admin) founds an interest group with 李娜 as leader, picked
 * by search; 李娜 records an activity with a photo (uploaded with progress) that members then see,
 * and exports the roster.
 */
import { h5PhoneForFile, RED_PNG, tempFilesForFile } from '../support/browser'

jest.setTimeout(60_000)

const { app, page, visible, loginAs, signInAt } = h5PhoneForFile()
const files = tempFilesForFile('union-group-')

const GROUP = '读书会'

const findGroup = async () => {
  const { mine, others } = (await app.call('group.list', {}, 'demo-admin')).body.data
  return [...mine, ...others].find((g: { name: string }) => g.name === GROUP) as { id: string; joinPolicy: string; sizeLimit: number | null } | undefined
}

it('an admin founds a group; its leader records an activity with a photo and exports the roster', async () => {
  // —— 张伟: 我的 → 会员管理 → 兴趣小组 → 新建 ——
  await signInAt('/pages/me/index', '张伟')
  await visible('.me-tool--admin').click()
  await visible('.admin-entry--groups').click()
  await visible('.admin-groups-create').click()

  // Caught before sending: no name, no leader.
  await visible('.group-form-save').click()
  await visible('.group-name-error').getByText('请填写小组名称').waitFor()
  await visible('.group-leaders-error').getByText('请至少选择一位组长').waitFor()

  await visible('.group-name-input input').fill(GROUP)
  await visible('.group-description-input textarea').fill('每月读一本书，月底交流')
  await visible('.policy-option--open').click()
  await visible('.group-limit-input input').fill('30')
  await visible('.leader-search-input input').fill('李娜')
  await visible('.leader-search-submit').click()
  await visible('.leader-result').filter({ hasText: '财务科' }).click()
  await visible('.leader-chip').filter({ hasText: '李娜' }).waitFor()
  await visible('.group-form-save').click()
  await visible('.admin-group-row').filter({ hasText: GROUP }).getByText('直接加入 · 1 / 30 人').waitFor()
  const group = await findGroup()
  expect(group).toMatchObject({ joinPolicy: 'open', sizeLimit: 30 })
  const detail = (await app.call('group.get', { id: group!.id }, 'demo-admin')).body.data
  expect(detail.leaders.map((l: { name: string }) => l.name)).toEqual(['李娜'])

  // —— 李娜: 小组 → 读书会 → 记录活动 ——
  await page.goto(`${app.url}/#/pages/groups/index`)
  await page.reload()
  await visible('.page-groups').waitFor()
  await loginAs('李娜')
  await visible('.groups-mine .group-card').filter({ hasText: GROUP }).click()
  await visible('.page-group .group-records-empty').waitFor()
  await visible('.page-group .group-manage--record').click()
  await visible('.record-title-input input').fill('十一月读书分享')
  await visible('.record-text-input textarea').fill('八人参加，分享了《平凡的世界》。')
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible('.record-add-photo').click()])
  await chooser.setFiles(files.write('reading.png', RED_PNG))
  await visible('.record-photo__image').first().waitFor()
  await visible('.record-save').click()

  // Back on the group page, the record and its photo (served by a short-lived link) are there.
  const card = visible('.page-group .record-card').filter({ hasText: '十一月读书分享' })
  await card.waitFor()
  await expect(card.locator('.record-card__text').textContent()).resolves.toContain('平凡的世界')
  const img = card.locator('.record-card__photo img').first()
  // The photo loads lazily, when it scrolls into view, as a member scrolling down would bring it.
  await card.scrollIntoViewIfNeeded()
  await page.waitForFunction((el) => (el as HTMLImageElement | null)?.complete && (el as HTMLImageElement).naturalWidth > 0, await img.elementHandle(), {
    timeout: 10_000,
  })
  const records = (await app.call('group.records', { id: group!.id }, 'demo-member')).body.data
  expect(records.items[0]).toMatchObject({ title: '十一月读书分享', author: '李娜' })
  expect(records.items[0].photoUrls).toHaveLength(1)

  // 成员管理 → 导出名单 opens the spreadsheet link.
  await visible('.page-group .group-manage--roster').click()
  await visible('.page-leader-roster .roster-entry').filter({ hasText: '李娜' }).waitFor()
  const [request] = await Promise.all([
    page.context().waitForEvent('request', { predicate: (r) => /\.xlsx/.test(decodeURIComponent(r.url())) }),
    visible('.roster-export').click(),
  ])
  expect(decodeURIComponent(request.url())).toContain(`${GROUP}-成员`)
  expect((await fetch(request.url())).status).toBe(200)
})
