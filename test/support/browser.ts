import { chromium, type Browser, type Page } from 'playwright-core'
import { existsSync } from 'node:fs'

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
  await visibleIn(page, '.taro_page_show .local-login-switcher').first().click()
  await page.locator('.local-login-option', { hasText: name }).first().click()
  await page.waitForSelector('.taro_page_stationed')
  await visibleIn(page, '.local-login-switcher')
    .filter({ hasText: `当前以${name}` })
    .first()
    .waitFor()
}
