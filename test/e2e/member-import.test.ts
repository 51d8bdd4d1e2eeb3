/**
 * An admin imports a roster file in the browser: a file with a bad row is refused with the row,
 * column and reason; the fixed file is applied with progress; the new member is in 会员名册.
 */
import { h5PhoneForFile, tempFilesForFile } from '../support/browser'

jest.setTimeout(60_000)

const { app, page, visible, signInAt } = h5PhoneForFile()
const files = tempFilesForFile('union-import-')

const HEADER = '姓名,性别,部门,会员编号,手机号,生日,入会日期,状态'
const ROWS = ['周晓新,女,工会办公室,GH2026901,13700000001,03-08,2024-05-01,在职', '吴一帆,男,财务科,GH2026902,12345,11-20,2023-09-01,在职']
const FIXED = [ROWS[0], ROWS[1].replace('12345', '13700000002')]

const csv = (name: string, rows: string[]): string => files.write(name, `${HEADER}\n${rows.join('\n')}\n`)

it('refuses a file with a bad row, applies the fixed one with progress, and lists the new member', async () => {
  await signInAt('/pages/me/index', '张伟')

  // 我的 → 会员管理 → 导入名册
  await visible('.me-tool--admin').click()
  await visible('.admin-entry--import').click()
  await visible('.import-choose').waitFor()
  const fileInput = page.locator('.page-admin-import .import-file-input')

  // A bad phone number on the second data row (row 3 counting the header): reported, not applicable.
  await fileInput.setInputFiles(csv('名册-有问题.csv', ROWS))
  await visible('.import-problems').waitFor()
  await expect(visible('.import-total').textContent()).resolves.toContain('共 2 行')
  const problem = visible('.import-problem').first()
  await expect(problem.textContent()).resolves.toMatch(/第 3 行 · 手机号.*手机号应为 11 位数字，不是「12345」/)
  await visible('.import-problems').getByText('请修改文件后重新上传', { exact: false }).waitFor()
  await expect(visible('.import-apply').count()).resolves.toBe(0)
  const listed = await app.call('member.list', { keyword: '周晓新', page: 1, pageSize: 20 }, 'demo-admin')
  expect(listed.body.data.total).toBe(0)

  // The fixed file: two new members, one new department; applied with a progress bar to the end.
  await visible('.import-restart').first().click()
  await fileInput.setInputFiles(csv('名册.csv', FIXED))
  await visible('.import-apply').waitFor()
  await expect(visible('.import-stat--create .import-stat__value').textContent()).resolves.toBe('2')
  await expect(visible('.import-new-departments').textContent()).resolves.toContain('工会办公室')
  await visible('.import-apply').click()
  await visible('.import-done').waitFor()
  await expect(visible('.import-done .import-progress__text').textContent()).resolves.toBe('已导入 2 / 2')
  await expect(visible('.import-done .nut-progress-inner').getAttribute('style')).resolves.toContain('width: 100%')

  // 会员名册: search finds the new member, not yet bound.
  await visible('.import-view-members').click()
  await visible('.members-search-input input').fill('周晓新')
  await visible('.members-search-input input').press('Enter')
  const row = visible('.member-row').filter({ hasText: '周晓新' })
  await row.waitFor()
  await expect(row.textContent()).resolves.toMatch(/工会办公室 · GH2026901 · 13700000001/)
  await expect(row.locator('.member-row__tag--unbound').textContent()).resolves.toBe('未绑定')
  await expect(visible('.member-row').count()).resolves.toBe(1)

  // Tap → the detail page with the imported fields.
  await row.click()
  await visible('.page-admin-member .member-name-input input').waitFor()
  await expect(visible('.member-name-input input').inputValue()).resolves.toBe('周晓新')
  await expect(visible('.member-birthday').textContent()).resolves.toContain('3月8日')
})
