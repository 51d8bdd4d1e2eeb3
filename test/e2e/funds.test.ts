/**
 * Union funds, in the browser: 张伟 (admin) opens 经费管理 from 我的, sees this year's execution, sets
 * the 节日慰问品 budget on 预算编制; a small holiday gift is set up and issued and 刘洋's voucher is
 * redeemed (through app.call: not the point here); back in the funds pages 张伟 finds the postings in
 * 台账 and the 节日慰问品 line's 已承诺 / 已支出 moved in the execution view, then downloads the
 * 执行情况表; 刘洋 opens 经费公开栏 from 首页 and sees the totals, and nothing about a person.
 * A 生病住院 慰问 approved and paid (through app.call) moves the 会员慰问 line the same way; on 公开栏
 * that line is held back (too few payments to publish without pointing at someone).
 */
import { formatMoney, formatYuan } from '../../shared/domain/money'
import { h5ForFile, phoneAs as openPhoneAs, visibleIn } from '../support/browser'
import { campaignDays } from '../support/campaign-form'
import { THIS_YEAR as YEAR } from '../support/time'

jest.setTimeout(180_000)

const { app, browser } = h5ForFile()

const NAME = `端午慰问品 ${Date.now().toString(36).slice(-4)}`
const FACE = 1_000 // 10.00 元
const BUDGET = 300_000 // 3000.00 元

/** A fresh phone signed in as `name`, on the tab page at `route`. */
const phoneAs = (name: string, route: string) => openPhoneAs(app, browser, name, route)

type Line = { line: string; budget: number; committed: number; spent: number; remaining: number }
const lineOf = async (line: string): Promise<Line> =>
  ((await app.call('funds.budget', { year: YEAR }, 'demo-admin')).body.data.lines as Line[]).find((l) => l.line === line)!
const holidayLine = () => lineOf('holiday')

async function sheetRows(bytes: Buffer, sheet: string): Promise<unknown[][]> {
  const ExcelJS = (await import('exceljs')).default
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as never)
  const rows: unknown[][] = []
  book.getWorksheet(sheet)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

it('funds: the admin budgets a line, a holiday gift moves it, the report downloads; members see the totals', async () => {
  // —— 张伟 opens 经费管理 from 我的 ——
  const admin = await phoneAs('张伟', '/pages/me/index')
  const a = (selector: string) => visibleIn(admin, selector)
  await a('.page-me .me-tool--funds').click()
  const holiday = a('.page-funds .funds-line--holiday')
  await holiday.waitFor()
  const before = await holidayLine()
  await expect(holiday.locator('.funds-line__committed').textContent()).resolves.toBe(`已承诺 ${formatMoney(before.committed)}`)
  await expect(holiday.locator('.funds-line__spent').textContent()).resolves.toBe(`已支出 ${formatMoney(before.spent)}`)
  expect(before.committed + before.spent).toBe(0)

  // —— 预算编制: 节日慰问品 to 3000 元 ——
  await a('.page-funds .funds-entry--budget').click()
  const input = a('.page-funds-budget .budget-line--holiday .budget-input input')
  await expect(input.inputValue()).resolves.toBe(formatYuan(before.budget))
  await input.fill('3000')
  await a('.page-funds-budget .budget-line--holiday .budget-line__was')
    .filter({ hasText: `原预算 ${formatMoney(before.budget)} 元` })
    .waitFor()
  await a('.page-funds-budget .budget-save').click()
  await a('.page-funds-budget .budget-line--holiday .budget-line__was').waitFor({ state: 'detached' })
  await expect(input.inputValue()).resolves.toBe('3000.00')
  expect(await holidayLine()).toMatchObject({ budget: BUDGET, committed: 0, spent: 0 })
  const audit = (await app.call('funds.auditLog', { pageSize: 5 }, 'demo-auditor')).body.data.items as { action: string; actor: string }[]
  expect(audit[0]).toMatchObject({ action: 'budget.set', actor: '张伟' })

  // Back on 经费概览: the new budget, nothing used yet.
  await admin.goBack()
  await holiday.locator('.funds-line__budget').filter({ hasText: '预算 3,000.00' }).waitFor()
  await expect(holiday.locator('.funds-line__rate').textContent()).resolves.toBe('0.0%')

  // —— a small holiday gift, issued; 刘洋's voucher redeemed at 工会办公室 (setup through the API) ——
  const campaign = (
    await app.call(
      'benefit.createCampaign',
      {
        kind: 'holiday',
        name: NAME,
        faceValue: FACE,
        options: [{ name: '粽子礼盒' }],
        ...campaignDays({ claimCloses: 5, redeemUntil: 10 }),
        pointIds: ['demo-point-office'],
      },
      'demo-admin',
    )
  ).body.data
  expect(campaign.id).toEqual(expect.any(String))
  let issued = 0
  for (let i = 0; i < 20; i++) {
    const res = (await app.call('benefit.issue', { id: campaign.id }, 'demo-admin')).body.data
    issued = res.issued
    if (res.done) break
  }
  expect(issued).toBeGreaterThan(0)
  const voucher = ((await app.call('benefit.mine', {}, 'demo-member')).body.data as { id: string; name: string }[]).find((v) => v.name === NAME)!
  const code = (await app.call('benefit.code', { voucherId: voucher.id }, 'demo-member')).body.data
  const seen = (await app.call('benefit.inspect', { code: code.token, pointId: 'demo-point-office' }, 'demo-redeemer')).body.data
  expect((await app.call('benefit.redeem', { ticket: seen.ticket, requestId: `funds-e2e-${Date.now()}` }, 'demo-redeemer')).body.ok).toBe(true)
  const after = await holidayLine()
  expect(after).toMatchObject({ budget: BUDGET, committed: (issued - 1) * FACE, spent: FACE })

  // —— a hospital 慰问 for 刘洋: submitted, taken, approved 873 元 (a figure no demo total shares) and paid by 韩冰 (setup through the API) ——
  const CARE = 87_300
  const careBefore = await lineOf('care')
  const key = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
  const asked = (await app.call('hardship.submit', { key: key(), category: 'hospital', description: '住院治疗一周', contact: '本人手机' }, 'demo-member')).body
    .data
  await app.call('hardship.take', { id: asked.id }, 'demo-reviewer')
  expect((await app.call('hardship.approve', { id: asked.id, amountFen: CARE, caseLabel: `肺炎${key().slice(0, 4)}` }, 'demo-reviewer')).body.ok).toBe(true)
  const today = new Intl.DateTimeFormat('sv', { timeZone: 'Asia/Shanghai' }).format(new Date())
  expect((await app.call('hardship.pay', { id: asked.id, key: key(), method: 'bank', paidOn: today }, 'demo-reviewer')).body.ok).toBe(true)
  const care = await lineOf('care')
  expect(care).toMatchObject({ committed: careBefore.committed, spent: careBefore.spent + CARE })

  // —— 台账: the issue and the redemption, on 节日慰问品 ——
  await a('.page-funds .funds-entry--ledger').click()
  await a('.page-funds-ledger .ledger-line-filter[data-line="holiday"]').click()
  const rows = a('.page-funds-ledger .ledger-row')
  await rows.filter({ hasText: `${NAME}：工会办公室 核销` }).waitFor()
  const redeemed = rows.filter({ hasText: `${NAME}：工会办公室 核销` })
  await expect(redeemed.locator('.ledger-row__amounts').textContent()).resolves.toBe(`承诺变动 -${formatMoney(FACE)}支出 +${formatMoney(FACE)}`)
  await expect(redeemed.locator('.ledger-row__meta').textContent()).resolves.toMatch(
    /^(\d{4}年)?\d{1,2}月\d{1,2}日 周[日一二三四五六] \d{2}:\d{2} · 经办 王芳$/,
  )
  const issuedRow = rows.filter({ hasText: `${NAME}：发放 ${issued} 张` })
  await expect(issuedRow.locator('.ledger-row__amounts').textContent()).resolves.toBe(`承诺变动 +${formatMoney(issued * FACE)}支出 0.00`)
  await expect(a('.page-funds-ledger .ledger-rule').textContent()).resolves.toContain('已记账的分录不会被修改或删除')

  // —— back on 经费概览: the line's 已承诺 and 已支出 moved, and its bar with them ——
  await admin.goBack()
  await holiday
    .locator('.funds-line__spent')
    .filter({ hasText: `已支出 ${formatMoney(FACE)}` })
    .waitFor()
  await expect(holiday.locator('.funds-line__committed').textContent()).resolves.toBe(`已承诺 ${formatMoney(after.committed)}`)
  await expect(holiday.locator('.funds-line__remaining').textContent()).resolves.toBe(`结余 ${formatMoney(after.remaining)}`)
  await expect(a('.page-funds .funds-line--care .funds-line__spent').textContent()).resolves.toBe(`已支出 ${formatMoney(care.spent)}`)
  await expect(holiday.locator('.funds-line__rate').textContent()).resolves.toBe(`${((100 * issued * FACE) / BUDGET).toFixed(1)}%`)
  expect(Number(await holiday.locator('.fund-bar__part--committed').getAttribute('data-width'))).toBeGreaterThan(0)
  expect(Number(await holiday.locator('.fund-bar__part--spent').getAttribute('data-width'))).toBeGreaterThan(0)

  // —— 导出执行情况表: the spreadsheet really downloads, with the line's numbers ——
  const [exported, opened] = await Promise.all([
    admin.waitForResponse((r) => r.url().endsWith('/fn/funds') && r.request().postDataJSON()?.action === 'report'),
    admin.context().waitForEvent('request', { predicate: (r) => /\.xlsx/.test(decodeURIComponent(r.url())) }),
    a('.page-funds .funds-export').click(),
  ])
  const body = await exported.json()
  expect(body.ok).toBe(true)
  const url = new URL(body.data.url, app.url).toString()
  expect(opened.url()).toBe(url)
  expect(decodeURIComponent(url)).toContain(`${YEAR}年预算执行情况`)
  const file = await fetch(url)
  expect(file.status).toBe(200)
  const bytes = Buffer.from(await file.arrayBuffer())
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')
  const sheet = await sheetRows(bytes, '预算执行')
  expect(sheet[0]).toEqual(['科目', '预算（元）', '已承诺（元）', '已支出（元）', '结余（元）', '执行率'])
  expect(sheet.find((r) => r[0] === '会员慰问')![3]).toBe(formatYuan(care.spent))
  expect(sheet.find((r) => r[0] === '节日慰问品')).toEqual([
    '节日慰问品',
    '3000.00',
    formatYuan(after.committed),
    formatYuan(FACE),
    formatYuan(after.remaining),
    `${((100 * issued * FACE) / BUDGET).toFixed(1)}%`,
  ])
  for (const other of admin.context().pages()) if (other !== admin) await other.close()

  // —— 刘洋 opens 经费公开栏 from 首页: totals per line and quarter, nothing about anyone ——
  const member = await phoneAs('刘洋', '/pages/home/index')
  const m = (selector: string) => visibleIn(member, selector)
  await m('.page-home .home-funds-public').click()
  const published = (await app.call('funds.public', { year: YEAR }, 'demo-member')).body.data as { total: number; lines: { line: string; total: number }[] }
  expect(published.lines.find((l) => l.line === 'holiday')!.total).toBe(FACE)
  await m('.page-funds-public .public-total__value')
    .filter({ hasText: formatMoney(published.total) })
    .waitFor()
  await expect(m('.page-funds-public .public-line[data-line="holiday"] .public-line__total').textContent()).resolves.toBe(formatMoney(FACE))
  await expect(m('.page-funds-public .public-line[data-line="holiday"] .public-line__name').textContent()).resolves.toBe('节日慰问品')
  await expect(m('.page-funds-public .public-notice:not(.public-audit-head)').textContent()).resolves.toContain('接受全体会员监督')
  // Two 慰问 payments this year: not published on their own, so neither points at anyone.
  await expect(m('.page-funds-public .public-line[data-line="care"] .public-line__total').textContent()).resolves.toBe('不单独公开')
  const text = (await m('.page-funds-public').textContent()) ?? ''
  for (const leak of ['王芳', '张伟', '韩冰', NAME, '工会办公室', '住院', formatYuan(CARE)]) expect(text).not.toContain(leak)
})
