/**
 * Sizes a member's thumb and eyes need, measured in the h5 build on a 390×844 phone: every element
 * on the main pages that reacts to a tap (it has a click handler — filter chips, links, rows — or is a
 * button or input) is
 * at least 44 px high, and every piece of text is at least 14 px. The pages are filled first (an
 * event the member signed up for, a gift with two options to choose from), so 取消报名, 出示券码,
 * 更换礼品 and the filter chips are on screen. A failure lists each offender with its page, class,
 * text and size.
 */
import type { Page } from 'playwright-core'
import { h5ForFile, phoneAs } from '../support/browser'
import { activityForm, eventHours } from '../support/activity-form'
import { campaignForm, TWO_GIFTS } from '../support/campaign-form'

jest.setTimeout(240_000)

const MIN_TAP_PX = 44
const MIN_TEXT_PX = 14

const { app, browser } = h5ForFile()
let page: Page
let activityId = ''
let groupId = ''
let voucherId = ''
let openActivityId = ''

beforeAll(async () => {
  const admin = (name: string, data: object) => app.call(name, data, 'demo-admin').then((r) => r.body)
  // An event 刘洋 has signed up for (取消报名 shows), and a gift with two options (更换礼品, 出示券码).
  const walk = { title: '冬季健步走', type: '健步走', place: '滨江公园', ...eventHours({ start: 72, end: 75, closes: 48, cancelBy: 48 }), capacity: 30 }
  const created = await admin('activity.create', activityForm(walk))
  activityId = created.data.id
  // …and one not signed up for yet, whose 报名 form shows its fields and button.
  openActivityId = (
    await admin(
      'activity.create',
      activityForm({
        title: '迎新春联欢会',
        type: '联欢',
        place: '职工之家',
        ...eventHours({ start: 96, end: 98, closes: 72, cancelBy: 72 }),
        capacity: 20,
        fields: [{ key: 'size', label: '衣服尺码', type: 'single', options: ['M', 'L', 'XL'], required: true }],
      }),
    )
  ).data.id
  expect((await app.call('activity.signUp', { id: activityId, answers: {} }, 'demo-member')).body.ok).toBe(true)
  const campaign = await admin('benefit.createCampaign', campaignForm({ name: '冬季慰问品', options: TWO_GIFTS }))
  for (let i = 0; i < 50 && !(await admin('benefit.issue', { id: campaign.data.id })).data.done; i++);
  const mine = (await app.call('benefit.mine', {}, 'demo-member')).body.data as Array<{ id: string; name: string; options: Array<{ id: string }> }>
  const v = mine.find((x) => x.name === '冬季慰问品')!
  expect((await app.call('benefit.choose', { voucherId: v.id, optionId: v.options[1].id }, 'demo-member')).body.ok).toBe(true)
  voucherId = v.id
  const groups = (await app.call('group.list', {}, 'demo-member')).body.data as {
    mine: Array<{ id: string; kind: string }>
    others: Array<{ id: string; kind: string }>
  }
  // An interest group the member is not in: its page offers 加入.
  groupId = groups.others.filter((g) => g.kind === 'interest')[0].id

  page = await phoneAs(app, browser, '刘洋', '/pages/home/index')
})

interface Offender {
  readonly what: string
  readonly text: string
  readonly size: number
}

/**
 * Runs in the page: tappable things (an onClick in React's props, buttons, inputs, chips) under 44 px
 * high, and text nodes set under 14 px, on the page now shown. The local login switcher (demo only)
 * and the browser's tab bar (drawn by WeChat itself in the mini-program) are not ours to size.
 */
function measure(limits: { tap: number; text: number }): { taps: Offender[]; texts: Offender[]; tapCount: number; textCount: number } {
  const root = document.querySelector('.taro_page.taro_page_show') ?? document.body
  const ignore = (el: Element) => Boolean(el.closest('.local-login-switcher, .local-login-sheet, .weui-tabbar, .taro-tabbar__tabbar, .nut-skeleton'))
  const shown = (el: Element) => {
    const r = el.getBoundingClientRect()
    const s = getComputedStyle(el)
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0
  }
  const name = (el: Element) => `${el.tagName.toLowerCase()}.${String(el.className).split(/\s+/).filter(Boolean).slice(0, 3).join('.')}`
  const label = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 24)
  // Taro's h5 components are web components: their React wrapper keeps handlers in `__events`.
  const hasClick = (el: Element) => {
    const events = (el as unknown as { __events?: Record<string, unknown> }).__events
    const key = Object.keys(el).find((k) => k.startsWith('__reactProps'))
    const props = key ? (el as unknown as Record<string, { onClick?: unknown }>)[key] : undefined
    return Boolean(events?.click || props?.onClick)
  }
  const tappable = Array.from(root.querySelectorAll('*')).filter(
    (el) =>
      !ignore(el) &&
      shown(el) &&
      (hasClick(el) || el.matches('taro-button-core, button, .nut-button, input, textarea, taro-input-core, .nut-tabs__titles-item')),
  )
  // An element inside a larger tappable one (a label inside a button) is not a target of its own.
  const targets = tappable.filter(
    (el) => !tappable.some((other) => other !== el && other.contains(el) && other.getBoundingClientRect().height >= el.getBoundingClientRect().height),
  )
  const taps = targets
    .map((el) => ({ what: name(el), text: label(el), size: Math.round(el.getBoundingClientRect().height * 10) / 10 }))
    .filter((o) => o.size < limits.tap)
  const texts: Offender[] = []
  let textCount = 0
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (ignore(el) || !shown(el)) continue
    const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '')
    if (!own && !(el instanceof HTMLInputElement && el.placeholder)) continue
    const size = parseFloat(getComputedStyle(el).fontSize)
    textCount++
    if (size < limits.text) texts.push({ what: name(el), text: label(el) || (el as HTMLInputElement).placeholder, size: Math.round(size * 10) / 10 })
  }
  return { taps, texts, tapCount: targets.length, textCount }
}

async function open(route: string, ready: string): Promise<void> {
  // A fresh load per page (a hash change alone does not open a page); the demo login is kept.
  await page.goto('about:blank')
  await page.goto(`${app.url}/#${route}`)
  await page.waitForSelector('.taro_page_stationed')
  await page.locator(`.taro_page_show ${ready}`).first().waitFor({ timeout: 20_000 })
  // Fonts and late images settle.
  await page.waitForTimeout(400)
}

const PAGES: ReadonlyArray<{ name: string; route: () => string; ready: string; taps?: false }> = [
  { name: '首页', route: () => '/pages/home/index', ready: '.page-header, .home-section, .page-home' },
  { name: '活动', route: () => '/pages/activities/index', ready: '.activity-card' },
  { name: '活动详情（已报名）', route: () => `/pages/activity/index?id=${encodeURIComponent(activityId)}`, ready: '.activity-cancel' },
  { name: '小组', route: () => '/pages/groups/index', ready: '.page-header' },
  { name: '小组详情', route: () => `/pages/group/index?id=${encodeURIComponent(groupId)}`, ready: '.group-join__button' },
  { name: '福利', route: () => '/pages/benefits/index', ready: '.voucher-show-code' },
  { name: '出示券码', route: () => `/pages/benefits/code?id=${encodeURIComponent(voucherId)}`, ready: '.voucher-code-short' },
  { name: '活动报名表', route: () => `/pages/activity-signup/index?id=${encodeURIComponent(openActivityId)}`, ready: '.signup-card' },
  { name: '申请帮扶', route: () => '/pages/hardship/apply', ready: '[data-category]' },
  { name: '我的', route: () => '/pages/me/index', ready: '.page-me' },
  { name: '帮扶申请', route: () => '/pages/hardship/index', ready: '.page-header' },
  { name: '经费公开栏', route: () => '/pages/funds-public/index', ready: '.page-header' },
  { name: '电子会员证', route: () => '/pages/member-card/index', ready: '.member-card-code__digits' },
]

it.each(PAGES.map((p) => [p.name, p] as const))('%s: every tap target ≥ 44 px high, every text ≥ 14 px', async (_name, p) => {
  await open(p.route(), p.ready)
  const found = await page.evaluate(measure, { tap: MIN_TAP_PX - 0.5, text: MIN_TEXT_PX - 0.1 })
  // The page really was measured (a broken selector would pass everything); a page of facts may have nothing to tap.
  expect(found.textCount).toBeGreaterThan(3)
  if (p.taps !== false) expect(found.tapCount).toBeGreaterThan(0)
  expect({ page: p.name, smallTargets: found.taps, smallText: found.texts }).toEqual({ page: p.name, smallTargets: [], smallText: [] })
})

it('the buttons the issue named are now big enough: 出示券码, 更换礼品, 取消报名 and the 活动 filter chips', async () => {
  await open('/pages/benefits/index', '.voucher-show-code')
  for (const sel of ['.voucher-show-code', '.voucher-change']) {
    const box = await page.locator(`.taro_page_show ${sel}`).first().boundingBox()
    expect(box!.height).toBeGreaterThanOrEqual(MIN_TAP_PX)
  }
  await open(`/pages/activity/index?id=${encodeURIComponent(activityId)}`, '.activity-cancel')
  expect((await page.locator('.taro_page_show .activity-cancel').boundingBox())!.height).toBeGreaterThanOrEqual(MIN_TAP_PX)
  await open('/pages/activities/index', '.activity-card')
  const chips = page.locator('.taro_page_show .activities-type, .taro_page_show .activities-tab')
  expect(await chips.count()).toBeGreaterThan(2)
  for (const box of await Promise.all((await chips.all()).map((c) => c.boundingBox()))) expect(box!.height).toBeGreaterThanOrEqual(MIN_TAP_PX)
})
