/**
 * An event with two places, in the browser: 张伟 posts it through 发布活动 (the default times: a week
 * ahead, sign-up open now); 刘洋 and 陈静 get the places, 王芳 is 排队第 1 位; 刘洋 cancels and
 * 王芳 moves up to 已报名; the event moves to this morning (check-in opens two hours before the
 * start); 张伟 opens 现场签到, types 陈静's six digits and sees her checked in;
 * he exports the 报名名单 (a real XLSX with both names), then moves the meeting point through
 * 修改活动, and 王芳 sees the new place.
 */
import ExcelJS from 'exceljs'
import { h5PhoneForFile } from '../support/browser'
import { itself } from '../support/per-file'

jest.setTimeout(90_000)

const { app, page, visible, loginAs } = h5PhoneForFile()

const TITLE = '周末凤凰山登山'

/** On the 活动 tab as `name`: open the event. */
async function openAs(name: string) {
  // Straight to the tab (the switcher reloads the app anyway): a browser-back taken right after the
  // detail page re-rendered can leave h5's router with the tab page still shaded. A hash change alone
  // keeps the router's state: reload for a fresh app on the tab.
  await page.goto(`${app.url}/#/pages/activities/index`)
  await page.reload()
  await page.waitForSelector('.taro_page_stationed')
  await loginAs(name)
  await visible('.page-activities .activity-card').filter({ hasText: TITLE }).click()
  await visible('.page-activity .activity-hero__title').filter({ hasText: TITLE }).waitFor()
}

const status = () => visible('.page-activity .activity-action__status')

/** Every cell's text in the first worksheet of an XLSX file, row by row. */
async function sheetRows(data: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(data as never)
  const rows: string[][] = []
  book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))))
  return rows
}

it('two places: two confirmed, the third waits, moves up on a cancellation, is checked in; the list exports and an edit reaches members', async () => {
  await page.goto(`${app.url}/#/pages/activities/index`)
  await page.waitForSelector('.taro_page_stationed')

  // —— 张伟 posts the event ——
  await loginAs('张伟')
  await visible('.page-activities .activities-post').click()
  await visible('.page-organizer-create .create-title input').fill(TITLE)
  await visible('.page-organizer-create .create-type').filter({ hasText: '登山' }).click()
  await visible('.page-organizer-create .create-place input').fill('凤凰山北门')
  await visible('.page-organizer-create .create-capacity input').fill('2')
  await visible('.page-organizer-create .create-submit').click()
  await visible('.page-activity .activity-hero__title').filter({ hasText: TITLE }).waitFor()
  await expect(visible('.page-activity .activity-fact--places').textContent()).resolves.toContain('剩 2 个名额')
  const id = decodeURIComponent(new URL(page.url().replace('#', '')).searchParams.get('id') ?? '')
  expect(id).not.toBe('')
  const posted = (await app.call('activity.get', { id }, 'demo-admin')).body.data
  expect(posted).toMatchObject({ title: TITLE, capacity: 2, waitlist: true, organizer: '工会', canManage: true })
  await page.goBack()

  // —— 刘洋 and 陈静 take the two places ——
  for (const name of ['刘洋', '陈静']) {
    await openAs(name)
    await visible('.page-activity .activity-signup').click()
    await status().filter({ hasText: '已报名' }).waitFor()
    await visible('.page-activity .activity-code-entry').waitFor()
    await page.goBack()
  }

  // —— 王芳: full, so she queues ——
  await openAs('王芳')
  await expect(visible('.page-activity .activity-fact--places').textContent()).resolves.toContain('已满，可排队')
  await visible('.page-activity .activity-signup').filter({ hasText: '排队报名' }).click()
  await status().filter({ hasText: '排队第 1 位' }).waitFor()
  await page.goBack()
  // The list (alive under the detail page) loads again and shows her place in line.
  await visible('.page-activities .activity-card').filter({ hasText: TITLE }).locator('.activity-card__mine--waiting').waitFor()

  // —— 刘洋 cancels, after a confirm ——
  await openAs('刘洋')
  await visible('.page-activity .activity-cancel').click()
  await visible('.taro-modal__content').getByText('确定取消报名', { exact: false }).waitFor()
  await visible('.taro-model__confirm').click()
  await visible('.page-activity .activity-signup').waitFor()
  await page.goBack()

  // —— 王芳 has moved up ——
  await openAs('王芳')
  await status().filter({ hasText: '已报名' }).waitFor()
  await page.goBack()

  // —— Check-in opens two hours before the start: the walk moves to this morning (as 修改活动 would) ——
  const d = (await app.call('activity.get', { id }, 'demo-admin')).body.data
  const soon = (ms: number) => new Date(Date.now() + ms).toISOString()
  const moved = await app.call(
    'activity.update',
    {
      id,
      title: d.title,
      type: d.type,
      place: d.place,
      startAt: soon(3600_000),
      endAt: soon(3 * 3600_000),
      signUpOpensAt: d.signUpOpensAt,
      signUpClosesAt: soon(1800_000),
      cancelDeadline: soon(1800_000),
      capacity: d.capacity,
    },
    'demo-admin',
  )
  expect(moved.body.ok).toBe(true)

  // —— 张伟 checks 陈静 in with her six digits ——
  await openAs('张伟')
  await visible('.page-activity .activity-manage--checkin').click()
  await visible('.page-organizer-checkin .checkin-counts__confirmed').filter({ hasText: '2' }).waitFor()
  const code = (await app.call('activity.myCode', { id }, 'demo-auditor')).body.data
  expect(code.shortCode).toMatch(/^\d{6}$/)
  await visible('.page-organizer-checkin .checkin-input input').fill(code.shortCode)
  await visible('.page-organizer-checkin .checkin-result--ok').filter({ hasText: '✓ 陈静 · 财务科 签到成功' }).waitFor()
  await visible('.page-organizer-checkin .checkin-counts__checked').filter({ hasText: '1' }).waitFor()

  const list = (await app.call('activity.attendees', { id }, 'demo-admin')).body.data
  expect(list).toMatchObject({ confirmed: 2, waiting: 0, checkedIn: 1 })
  expect(list.items.map((r: { name: string }) => r.name).sort()).toEqual(['王芳', '陈静'].sort())

  // —— 张伟 exports the 报名名单: the spreadsheet really downloads, with both names ——
  await page.goBack()
  await visible('.page-activity .activity-manage--attendees').click()
  await visible('.page-organizer-attendees .attendee-row').filter({ hasText: '陈静' }).waitFor()
  await visible('.page-organizer-attendees .attendees-export-open').click()
  await visible('.page-organizer-attendees .attendees-export-column').filter({ hasText: '签到时间' }).waitFor()
  const [exported, opened] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/fn/activity') && r.request().postDataJSON()?.action === 'export'),
    page.context().waitForEvent('request', { predicate: (r) => /\.xlsx/.test(decodeURIComponent(r.url())) }),
    visible('.page-organizer-attendees .attendees-export-submit').click(),
  ])
  const body = await exported.json()
  expect(body).toMatchObject({ ok: true, data: { count: 2 } })
  expect(body.data.url).toEqual(expect.any(String))
  const url = new URL(body.data.url, app.url).toString()
  // The browser opened the same link (a new tab, as a download).
  expect(opened.url()).toBe(url)
  expect(decodeURIComponent(url)).toContain(`${TITLE}-报名名单`)
  const file = await fetch(url)
  expect(file.status).toBe(200)
  const bytes = Buffer.from(await file.arrayBuffer())
  // XLSX is a zip: it starts with PK.
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')
  const rows = await sheetRows(bytes)
  expect(rows[0]).toEqual(['姓名', '部门', '状态', '报名时间', '签到时间'])
  expect(
    rows
      .slice(1)
      .map((r) => r[0])
      .sort(),
  ).toEqual(['王芳', '陈静'].sort())
  const chen = rows.find((r) => r[0] === '陈静')!
  expect(chen.slice(0, 3)).toEqual(['陈静', '财务科', '已报名'])
  expect(chen[4]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
  // Close the download tab, if it stayed open.
  for (const other of page.context().pages()) if (other !== itself(page)) await other.close()

  // —— 张伟 moves the meeting point (修改活动); signed-up members are told ——
  await page.goBack()
  await visible('.page-activity .activity-manage--edit').click()
  const place = visible('.page-organizer-edit .create-place input')
  await expect(place.inputValue()).resolves.toBe('凤凰山北门')
  await expect(visible('.page-organizer-edit .create-title input').inputValue()).resolves.toBe(TITLE)
  await place.fill('凤凰山南门停车场')
  await visible('.page-organizer-edit .create-submit').click()
  // Back on the event, which loads again.
  await visible('.page-activity .activity-fact--place').filter({ hasText: '凤凰山南门停车场' }).waitFor()
  const edited = (await app.call('activity.get', { id }, 'demo-admin')).body.data
  expect(edited).toMatchObject({ place: '凤凰山南门停车场', title: TITLE, capacity: 2, confirmedCount: 2 })
  await page.goBack()

  // —— 王芳 (signed up) sees the new place, on the card and on the event ——
  await loginAs('王芳')
  await visible('.page-activities .activity-card').filter({ hasText: TITLE }).locator('.activity-card__place').filter({ hasText: '凤凰山南门停车场' }).waitFor()
  await openAs('王芳')
  await visible('.page-activity .activity-fact--place').filter({ hasText: '凤凰山南门停车场' }).waitFor()
  await status().filter({ hasText: '已报名' }).waitFor()
})
