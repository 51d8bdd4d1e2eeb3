/**
 * A lottery in the browser: 张伟 (admin) has posted 新年音乐会 with two places, drawn when sign-up
 * closes (in under a minute, so the test can wait for it) and a 结对竞赛 between two departments.
 * 刘洋 enters (报名参加抽签), withdraws (退出抽签) and enters again; 陈静 and 王芳 enter too. Once
 * the draw time has passed, 张伟 presses 立即抽签 and the published result (winners, the seed)
 * shows; 刘洋 sees 中签 or 未中签 with his place on the waitlist, as the server decided.
 */
import { newKey } from '../support/form-key'
import { h5PhoneForFile } from '../support/browser'

jest.setTimeout(150_000)

const { app, page, visible, loginAs } = h5PhoneForFile()

const TITLE = '新年音乐会'
/** Sign-up closes, and the draw is due, this long after posting. */
const WINDOW_MS = 40_000

const status = () => visible('.page-activity .activity-action__status')

async function openAs(name: string) {
  await loginAs(name)
  await visible('.page-activities .activity-card').filter({ hasText: TITLE }).click()
  await visible('.page-activity .activity-hero__title').filter({ hasText: TITLE }).waitFor()
}

const iso = (ms: number) => new Date(ms).toISOString()

it('members enter a lottery and withdraw before the draw; the organizer draws and everyone sees the result', async () => {
  const posted = Date.now()
  const closes = posted + WINDOW_MS
  const created = await app.call(
    'activity.create',
    {
      key: newKey(),
      scope: { kind: 'union' },
      title: TITLE,
      type: '观演',
      place: '市音乐厅',
      startAt: iso(posted + 2 * 86_400_000),
      endAt: iso(posted + 2 * 86_400_000 + 2 * 3_600_000),
      signUpOpensAt: iso(posted - 3_600_000),
      signUpClosesAt: iso(closes),
      cancelDeadline: iso(closes),
      capacity: 2,
      allocation: 'lottery',
      drawAt: iso(closes),
      // 陈静 (财务科) and 刘洋 (信息中心) count for their departments.
      contest: { kind: 'department', teamIds: ['demo-dept-2', 'demo-dept-4'] },
    },
    'demo-admin',
  )
  expect(created.body).toMatchObject({ ok: true, data: { allocation: 'lottery', drawnAt: null } })
  const id: string = created.body.data.id
  // 陈静 and 王芳 enter straight away.
  for (const openid of ['demo-auditor', 'demo-redeemer'])
    expect((await app.call('activity.signUp', { id }, openid)).body).toMatchObject({ ok: true, data: { status: 'entered' } })

  await page.goto(`${app.url}/#/pages/activities/index`)
  await page.waitForSelector('.taro_page_stationed')

  // —— 刘洋: the card says when it is drawn; he enters, withdraws, enters again ——
  await loginAs('刘洋')
  const card = visible('.page-activities .activity-card').filter({ hasText: TITLE })
  await card.locator('.activity-card__lottery').filter({ hasText: '抽签' }).waitFor()
  await expect(card.locator('.activity-card__places').textContent()).resolves.toBe('2 个名额，抽签决定')
  await card.click()
  await visible('.page-activity .activity-fact--allocation').filter({ hasText: '名额 2 个' }).waitFor()
  await visible('.page-activity .activity-signup').filter({ hasText: '报名参加抽签' }).click()
  await status().filter({ hasText: '已报名抽签' }).waitFor()
  await visible('.page-activity .activity-cancel').filter({ hasText: '退出抽签' }).click()
  await visible('.taro-modal__content').getByText('确定退出', { exact: false }).waitFor()
  await visible('.taro-model__confirm').click()
  await visible('.page-activity .activity-signup').filter({ hasText: '报名参加抽签' }).click()
  await status().filter({ hasText: '已报名抽签' }).waitFor()
  await page.goBack()
  await card.locator('.activity-card__mine--entered').filter({ hasText: '已报名抽签' }).waitFor()

  // —— the draw time passes ——
  const wait = closes + 1_000 - Date.now()
  if (wait > 0) await new Promise((r) => setTimeout(r, wait))

  // —— 张伟 draws ——
  await openAs('张伟')
  await visible('.page-activity .activity-draw').click()
  await visible('.taro-modal__content').getByText('抽签结果不能撤销', { exact: false }).waitFor()
  await visible('.taro-model__confirm').click()
  const result = visible('.page-activity .activity-draw-result')
  await result.locator('.activity-draw-result__summary').filter({ hasText: '3 人报名抽签，2 个名额：2 人中签，1 人候补' }).waitFor()
  const published = (await app.call('activity.drawResult', { id }, 'demo-member')).body.data
  expect(published).toMatchObject({ entrants: 3, places: 2, waitlisted: 1 })
  await expect(result.locator('.activity-draw-winner__name').allTextContents()).resolves.toEqual(published.winners.map((w: { name: string }) => w.name))
  await expect(result.locator('.activity-draw-result__seed').textContent()).resolves.toContain(published.seed)
  // No second draw on offer.
  await expect(visible('.page-activity .activity-draw').count()).resolves.toBe(0)
  await page.goBack()

  // —— 刘洋 sees what the draw gave him ——
  const mine = (await app.call('activity.get', { id }, 'demo-member')).body.data
  await openAs('刘洋')
  if (mine.myStatus === 'confirmed') {
    await status().filter({ hasText: '中签' }).waitFor()
    await visible('.page-activity .activity-code-entry').waitFor()
  } else {
    expect(mine).toMatchObject({ myStatus: 'waiting', waitingPosition: 1 })
    await status().filter({ hasText: '未中签，候补第 1 位' }).waitFor()
  }
  // Everyone sees the result and the contest standing.
  await visible('.page-activity .activity-draw-result__seed').waitFor()
  const teams = visible('.page-activity .activity-contest-team')
  await expect(teams.locator('.activity-contest-team__name').allTextContents()).resolves.toEqual(['财务科', '信息中心'])
})
