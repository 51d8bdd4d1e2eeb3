/**
 * A hospital 慰问 in the browser, end to end: 刘洋 asks from 首页 with a photo of his diagnosis;
 * 韩冰 (帮扶审核) takes it from her queue, approves 800 元 within the 1000 元 standard and records the
 * payment; 刘洋 then sees every step on his timeline — who, when, how much, how it was paid.
 */
import { h5PhoneForFile, RED_PNG, tempFilesForFile } from '../support/browser'

jest.setTimeout(90_000)

const { app, page, visible, loginAs, signInAt } = h5PhoneForFile()
const files = tempFilesForFile('union-hardship-')

const STORY = '11 月 18 日因肺炎在市中心医院住院治疗，预计一周'

/** Opens a tab page afresh (a full load, as after tapping a shared link). */
const open = async (path: string) => {
  await page.goto(`${app.url}/#${path}`)
  await page.reload()
  await page.waitForSelector('.taro_page_stationed')
}
const mine = async () => (await app.call('hardship.mine', {}, 'demo-member')).body.data.items as { id: string; status: string; approvedFen: number | null }[]

it('刘洋 asks for a hospital 慰问 with a photo; 韩冰 approves 800 元 and records the payment; 刘洋 sees every step', async () => {
  // —— 刘洋: 首页 → 申请帮扶 / 慰问 ——
  await signInAt('/pages/home/index', '刘洋')
  await visible('.home-care').click()
  await visible('.page-hardship .hardship-empty').getByText('还没有申请').waitFor()
  await visible('.page-hardship .hardship-apply').click()

  const form = visible('.page-hardship-apply')
  const hospital = form.locator('[data-category="hospital"]')
  await expect(hospital.textContent()).resolves.toContain('每次不超过 1,000.00 元')
  // Caught before sending: no category, no description, no contact.
  await visible('.apply-save').click()
  await form.getByText('请选择申请类别').waitFor()
  await hospital.click()
  await visible('.apply-description textarea').fill(STORY)
  // Over the standard: said on the spot, in the server's words.
  await visible('.apply-amount input').fill('1200')
  await visible('.apply-contact input').fill('本人手机，下午方便')
  await visible('.apply-save').click()
  await form.getByText('「生病住院」的标准是每次不超过 1,000.00 元，申请金额不能超过标准').waitFor()
  await visible('.apply-amount input').fill('1000')
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible('.apply-add-photo').click()])
  await chooser.setFiles(files.write('diagnosis.png', RED_PNG))
  await visible('.apply-photo__image').first().waitFor()
  await visible('.apply-save').click()

  // The request's page: waiting to be taken, the first step on the timeline, the photo by a short-lived link.
  const detail = visible('.page-hardship-detail')
  await detail.locator('.request-status').filter({ hasText: '待受理' }).waitFor()
  await expect(detail.locator('.timeline-step').count()).resolves.toBe(1)
  await expect(detail.locator('.timeline-step--submit').textContent()).resolves.toContain('本人 刘洋')
  await expect(detail.locator('.detail-description').textContent()).resolves.toBe(STORY)
  await detail.locator('.detail-photo').first().waitFor()
  const [asked] = await mine()
  expect(asked).toMatchObject({ status: 'submitted' })

  // —— 韩冰 (帮扶审核): 我的 → 帮扶审核 → 受理 → 批准 800 元 → 记录发放 ——
  await open('/pages/me/index')
  await loginAs('韩冰')
  await visible('.me-tool--reviewer').click()
  const row = visible('.page-reviewer-queue .queue-row').filter({ hasText: '刘洋' })
  await expect(row.textContent()).resolves.toContain('申请 1,000.00 元')
  // The queue shows what a reviewer needs to pick it, not the story itself.
  await expect(row.textContent()).resolves.not.toContain('肺炎')
  await row.click()
  const request = visible('.page-reviewer-request')
  await expect(request.locator('.request-description').textContent()).resolves.toBe(STORY)
  await request.locator('.request-photo').first().waitFor()
  await visible('.request-take').click()
  await request.locator('.request-status').filter({ hasText: '审核中' }).waitFor()
  await visible('.request-amount input').fill('800')
  await visible('.request-case input').fill('肺炎')
  // 批准 commits money: the amount and the budget line first.
  await visible('.request-approve').click()
  await expect(page.locator('.taro__modal .taro-modal__text').textContent()).resolves.toBe(
    '批准向刘洋发放「生病住院」800.00 元，从「会员慰问」预算列支，批准后即占用预算余额。',
  )
  await page.locator('.taro__modal .taro-model__confirm').click()
  await request.locator('.request-status').filter({ hasText: '已批准，待发放' }).waitFor()
  await visible('.request-pay .pay-method--bank').click()
  await visible('.request-pay-save').click()
  await page.locator('.taro__modal .taro-model__confirm').click()
  await request.locator('.request-status').filter({ hasText: '已发放' }).waitFor()
  expect((await mine())[0]).toMatchObject({ id: asked.id, status: 'paid', approvedFen: 80_000 })

  // —— 刘洋: 我的 → 我的帮扶申请 → the timeline, every step ——
  await open('/pages/me/index')
  await loginAs('刘洋')
  await visible('.me-tool--hardship').click()
  const card = visible('.page-hardship .hardship-card').filter({ hasText: '生病住院' })
  await expect(card.textContent()).resolves.toContain('已发放 800.00 元')
  await card.click()
  const seen = visible('.page-hardship-detail')
  await seen.locator('.request-status').filter({ hasText: '已发放' }).waitFor()
  const steps = seen.locator('.timeline-step')
  await expect(steps.locator('.timeline-step__label').allTextContents()).resolves.toEqual(['提交申请', '受理', '批准', '发放'])
  await expect(steps.nth(1).textContent()).resolves.toContain('审核人 韩冰')
  await expect(steps.nth(2).textContent()).resolves.toContain('批准金额 800.00 元')
  await expect(steps.nth(3).textContent()).resolves.toContain('800.00 元 · 银行转账')
  for (const at of await steps.locator('.timeline-step__at').allTextContents())
    expect(at).toMatch(/^(\d{4}年)?\d{1,2}月\d{1,2}日 周[日一二三四五六] \d{2}:\d{2}$/)
  await expect(seen.locator('.detail-status__yuan').textContent()).resolves.toBe('800.00 元')
  await expect(seen.locator('.detail-withdraw').count()).resolves.toBe(0)
})
