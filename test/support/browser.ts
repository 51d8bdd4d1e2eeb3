import { chromium, type Browser, type Page } from 'playwright-core'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { appServerForFile, type AppServer } from './app-server'
import { perFile } from './per-file'

/** Debian's Chromium, started the way this machine's closed network needs. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`找不到 Chromium：${CHROMIUM}（.ci/run 会用 apt-get install chromium 安装）`)
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}

/** A phone-sized page, as members see the app. */
export const newPhonePage = (browser: Browser) => browser.newPage({ viewport: { width: 390, height: 844 } })

/** Only what is on screen: h5 keeps hidden tab pages (and pages under the current one) in the DOM. */
export const visibleIn = (page: Page, selector: string) => page.locator(`${selector}:visible`)

/** Switches the demo account with the local login switcher and waits until the app says who is in. */
export async function switchDemoUser(page: Page, name: string): Promise<void> {
  // Just after navigating back, the page leaving can still be on top (and hold a switcher of its own):
  // wait until one page is shown and use the switcher on it.
  await page.waitForFunction(() => document.querySelectorAll('.taro_page.taro_page_show').length === 1)
  // Taro's h5 router now and then leaves the page that a back navigation shows marked shaded
  // (display: none, a race between its hide and show timers; seen about once in seven runs of the
  // lottery test, h5 only — the weapp has its own page stack). The switcher reloads the app anyway:
  // reload first when the shown page stays hidden, then switch.
  const switcher = visibleIn(page, '.taro_page_show .local-login-switcher').first()
  const shaded = await switcher.waitFor({ timeout: 5_000 }).then(
    () => false,
    () => page.evaluate(() => document.querySelector('.taro_page.taro_page_show.taro_page_shade') !== null),
  )
  if (shaded) {
    await page.reload()
    await page.waitForSelector('.taro_page_stationed')
  }
  await switcher.click()
  await page.locator('.local-login-option', { hasText: name }).first().click()
  await page.waitForSelector('.taro_page_stationed')
  await visibleIn(page, '.local-login-switcher')
    .filter({ hasText: `当前以${name}` })
    .first()
    .waitFor()
}

/**
 * One e2e file's world, set up before its first test and closed after its last: a Chromium and the
 * whole local platform serving the h5 build (bundled functions), as `npm start` runs it.
 */
export function h5ForFile(): { app: AppServer; browser: Browser } {
  const browser = perFile('Chromium', launchBrowser, (b) => b.close())
  const app = appServerForFile({ bundled: true, h5: true })
  return { app, browser }
}

/** h5ForFile with one phone page for the whole file, and the two things every such file does on it. */
export function h5PhoneForFile() {
  const { app, browser } = h5ForFile()
  const page = perFile('the phone page', () => newPhonePage(browser))
  return {
    app,
    browser,
    page,
    /** Only what is on screen on that phone. */
    visible: (selector: string) => visibleIn(page, selector),
    /** From a tab page: the demo switcher stores the account and reloads the app where it is. */
    loginAs: (name: string) => switchDemoUser(page, name),
    /** Opens the tab page at `route` and signs in there as `name`. */
    signInAt: (route: string, name: string) => signInAt(app, page, route, name),
  }
}

/** A fresh phone (its own browser context, so its own demo login) signed in as `name` on the tab page at `route`. */
export async function phoneAs(app: AppServer, browser: Browser, name: string, route: string): Promise<Page> {
  const page = await newPhonePage(browser)
  await signInAt(app, page, route, name)
  return page
}

/** Opens the tab page at `route` and signs in there as `name` with the demo switcher. */
export async function signInAt(app: AppServer, page: Page, route: string, name: string): Promise<void> {
  await page.goto(`${app.url}/#${route}`)
  await page.waitForSelector('.taro_page_stationed')
  await switchDemoUser(page, name)
}

/** A 2×2 red PNG: something the browser can really decode and show. */
export const RED_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a73000000164944415478da63f8cfc0c0f09f8181e13f030300002dfa05fbe5f56b4e0000000049454e44ae426082',
  'hex',
)

/** A temporary folder for the files one e2e file picks in the browser, removed after its last test; `write` answers the new file's path. */
export function tempFilesForFile(prefix: string): { write(name: string, content: string | Buffer): string } {
  let dir = ''
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix))
  })
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })
  return {
    write: (name, content) => {
      const file = join(dir, name)
      writeFileSync(file, content)
      return file
    },
  }
}
