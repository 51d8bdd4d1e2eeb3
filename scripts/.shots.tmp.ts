import { launchBrowser } from '../test/support/browser'
import { startAppServer } from '../test/support/app-server'

async function main() {
  const app = await startAppServer({ bundled: true, h5: true })
  const id = (await app.call('group.create', { name: '围棋', description: '每周五午间对弈，新手老手都欢迎', joinPolicy: 'approval', sizeLimit: 3, leaderIds: ['demo-member-02'] }, 'demo-admin')).body.data.id
  await app.call('group.join', { id, shareContact: true }, 'demo-auditor')
  const up = await fetch(`${app.url}/local/upload?name=p.png`, { method: 'POST', headers: { 'x-local-openid': 'demo-leader' }, body: Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2f2a4a10000000049454e44ae426082', 'hex') })
  const { fileId } = (await up.json()) as { fileId: string }
  console.log(await app.call('group.addRecord', { id, title: '第一次对弈', date: '2026-11-20', text: '六人参加，下了三盘。', photoFileIds: [fileId, fileId] }, 'demo-leader'))
  const browser = await launchBrowser()
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
  const shot = async (openid: string, hash: string, name: string, after?: () => Promise<void>) => {
    await page.goto(`${app.url}/`)
    await page.evaluate((o) => localStorage.setItem('local.openid', JSON.stringify({ data: o })), openid)
    await page.goto(`${app.url}/#${hash}`)
    await page.reload()
    await page.waitForTimeout(1500)
    if (after) await after()
    await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true })
  }
  await shot('demo-member', '/pages/groups/index', 'groups')
  await shot('demo-member', `/pages/group/index?id=${id}`, 'group-member')
  await shot('demo-member', `/pages/group/index?id=${id}`, 'group-dialog', async () => { await page.locator('.group-join--join:visible').click(); await page.waitForTimeout(500) })
  await shot('demo-leader', `/pages/group/index?id=${id}`, 'group-leader')
  await shot('demo-leader', `/packages/leader/requests/index?id=${id}`, 'requests')
  await shot('demo-leader', `/packages/leader/requests/index?id=${id}`, 'requests-decline', async () => { await page.locator('.request-decline:visible').click(); await page.waitForTimeout(500) })
  await shot('demo-leader', `/packages/leader/roster/index?id=${id}`, 'roster')
  await shot('demo-leader', `/packages/leader/record/index?id=${id}`, 'record')
  await shot('demo-admin', `/packages/admin/groups/index`, 'admin-groups')
  await shot('demo-admin', `/packages/admin/groups/index`, 'admin-groups-new', async () => { await page.locator('.admin-groups-create:visible').click(); await page.locator('.leader-search-input input:visible').fill('李'); await page.locator('.leader-search-submit:visible').click(); await page.waitForTimeout(800); await page.locator('.leader-result:visible').first().click() })
  await shot('demo-member', `/pages/group/index?id=dept:demo-dept-4`, 'group-dept')
  await shot('demo-leader', `/pages/group/index?id=dept:demo-dept-2`, 'group-dept-leader')
  await browser.close()
  await app.stop()
}
main().catch((e) => { console.error(e); process.exit(1) })
