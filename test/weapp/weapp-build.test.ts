/**
 * The WeChat build, checked offline: `npm run build:weapp` (reused when fresh), then miniprogram-ci —
 * the compiler WeChat DevTools uses — compiles it and runs its code-quality checks. No network:
 * the project attributes it would fetch from WeChat are supplied locally (see miniprogram-ci-check.js).
 */
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { ensureWeapp, WEAPP_DIR } from '../../scripts/builds'

jest.setTimeout(15 * 60_000)

const MB = 1024 * 1024

interface AppJson {
  pages: string[]
  subPackages?: Array<{ root: string; pages: string[] }>
  tabBar?: { list: Array<{ pagePath: string; iconPath?: string; selectedIconPath?: string }> }
  __usePrivacyCheck__?: boolean
}

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]))
const posix = (p: string) => p.split(sep).join('/')
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

/** Terser writes Chinese as \uXXXX escapes; decode so a search sees the text a member would. */
const decodeEscapes = (text: string) => text.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))

interface CiReport {
  ok: boolean
  files?: string[]
  sizes?: Record<string, number>
  quality?: Array<{ name: string; success: boolean; text: string; detail?: unknown }>
  error?: { code?: number; message: string }
}

let app: AppJson
let roots: string[]
let ciReport: CiReport | undefined

beforeAll(async () => {
  await ensureWeapp()
  app = JSON.parse(readFileSync(join(WEAPP_DIR, 'app.json'), 'utf8')) as AppJson
  roots = (app.subPackages ?? []).map((s) => s.root.replace(/\/?$/, '/'))
})

const inSubpackage = (rel: string) => roots.some((r) => rel.startsWith(r))

/** miniprogram-ci in its own process (it leaves watchers running), answering one JSON line. */
function runMiniprogramCi(): CiReport {
  if (ciReport) return ciReport
  const res = spawnSync(process.execPath, [join(__dirname, 'miniprogram-ci-check.js'), WEAPP_DIR], {
    encoding: 'utf8',
    timeout: 10 * 60_000,
    maxBuffer: 64 * MB,
  })
  const line = res.stdout.trim().split('\n').pop() ?? ''
  try {
    ciReport = JSON.parse(line) as CiReport
  } catch {
    throw new Error(`miniprogram-ci gave no answer (exit ${res.status}, signal ${res.signal}):\n${res.stderr.slice(-4000)}`)
  }
  if (!ciReport.ok) console.error(`miniprogram-ci output:\n${res.stderr.slice(-4000)}`)
  return ciReport
}

describe('weapp build (dist/weapp)', () => {
  it('declares the tab pages, the subpackages and the privacy check', () => {
    expect(app.pages).toEqual([
      'pages/home/index',
      'pages/activities/index',
      'pages/groups/index',
      'pages/benefits/index',
      'pages/me/index',
      'pages/bind/index',
      'pages/group/index',
      'pages/activity/index',
      'pages/activity/code',
      'pages/activity-signup/index',
      'pages/benefits/code',
      'pages/funds-public/index',
      'pages/hardship/index',
      'pages/hardship/apply',
      'pages/hardship/detail',
      'pages/member-card/index',
    ])
    expect(app.tabBar?.list.map((t) => t.pagePath)).toEqual(app.pages.slice(0, 5))
    expect(app.subPackages).toEqual([
      {
        root: 'packages/admin',
        pages: [
          'index/index',
          'members/index',
          'member/index',
          'import/index',
          'invites/index',
          'groups/index',
          'benefits/index',
          'benefit-campaign/index',
          'hardship-policy/index',
          'union/index',
          'card-check/index',
        ],
      },
      { root: 'packages/member', pages: ['messages/index'] },
      { root: 'packages/redeem', pages: ['index/index'] },
      { root: 'packages/leader', pages: ['requests/index', 'roster/index', 'record/index'] },
      { root: 'packages/organizer', pages: ['create/index', 'attendees/index', 'checkin/index', 'expense/index'] },
      { root: 'packages/funds', pages: ['index/index', 'budget/index', 'ledger/index', 'expenses/index', 'audit/index'] },
      { root: 'packages/reviewer', pages: ['queue/index', 'request/index', 'files/index', 'file/index'] },
    ])
    expect(app.__usePrivacyCheck__).toBe(true)
    const projectConfig = JSON.parse(readFileSync(join(WEAPP_DIR, 'project.config.json'), 'utf8'))
    expect(projectConfig).toMatchObject({ miniprogramRoot: './', compileType: 'miniprogram' })
  })

  it('gives each subpackage its own folder with its page files', () => {
    for (const sub of app.subPackages ?? []) {
      expect(statSync(join(WEAPP_DIR, sub.root)).isDirectory()).toBe(true)
      for (const page of sub.pages) {
        for (const ext of ['js', 'json', 'wxml']) expect(statSync(join(WEAPP_DIR, sub.root, `${page}.${ext}`)).isFile()).toBe(true)
      }
    }
  })

  it('keeps the main package under 1 MB and tab icons within 40 KB', () => {
    const all = files(WEAPP_DIR).map((f) => ({ rel: posix(relative(WEAPP_DIR, f)), size: statSync(f).size }))
    const main = all.filter((f) => !inSubpackage(f.rel))
    const mainSize = main.reduce((n, f) => n + f.size, 0)
    const subSizes = roots.map((r) => `${r} ${kb(all.filter((f) => f.rel.startsWith(r)).reduce((n, f) => n + f.size, 0))}`)
    const biggest = [...main]
      .sort((a, b) => b.size - a.size)
      .slice(0, 5)
      .map((f) => `${f.rel} ${kb(f.size)}`)
    console.log(`weapp main package: ${mainSize} bytes (${kb(mainSize)}); subpackages: ${subSizes.join(', ')}; largest: ${biggest.join(', ')}`)
    expect(mainSize).toBeLessThan(1 * MB)
    // The project's own budget, well inside WeChat's 2 MB: member pages stay light to open. It only
    // comes down: 674 KB when the client's data layer, shared components and style tokens arrived.
    expect(mainSize).toBeLessThanOrEqual(674 * 1024)

    for (const tab of app.tabBar?.list ?? []) {
      for (const icon of [tab.iconPath, tab.selectedIconPath]) {
        expect(icon).toBeTruthy()
        expect(statSync(join(WEAPP_DIR, icon!)).size).toBeLessThanOrEqual(40 * 1024)
      }
    }
  })

  it('contains nothing of the local demo login', () => {
    const text = files(WEAPP_DIR)
      .filter((f) => /\.(js|json|wxml|wxss|wxs)$/.test(f))
      .map((f) => decodeEscapes(readFileSync(f, 'utf8')))
      .join('\n')
    // Control: the decoder does find client strings that belong in every build.
    expect(text).toContain('网络不太好，请稍后再试')
    expect(text).not.toMatch(/以.{0,20}身份登录/)
    expect(text).not.toContain('/local/accounts')
    expect(text).not.toContain('local-login')
    expect(text).not.toContain('请选择一个演示账号登录')
    expect(text).not.toContain('x-local-openid')
  })

  it("asks WeChat for subscription messages at the taps before a notice, with the union's template ids, and reports what was accepted", () => {
    // The app's own code, not Taro's list of every API name (taro.js) or third-party code (vendors.js).
    const own = files(WEAPP_DIR)
      .filter((f) => f.endsWith('.js') && !/(^|\/)(taro|vendors)\.js$/.test(posix(relative(WEAPP_DIR, f))))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n')
    expect(own).toMatch(/\.requestSubscribeMessage\(\{tmplIds:/)
    expect(own).toContain('message.templates')
    expect(own).toContain('message.subscribe')
    // The local demo's explanation is an h5 thing only.
    expect(decodeEscapes(own)).not.toContain('微信提醒只在微信小程序里推送')
  })

  it('compiles with miniprogram-ci, offline, without errors', () => {
    const report = runMiniprogramCi()
    expect(report.error).toBeUndefined()
    expect(report.ok).toBe(true)
    const names = report.files ?? []
    for (const page of [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]) {
      expect(names).toEqual(expect.arrayContaining([`${page}.js`, `${page}.wxml`, `${page}.json`]))
    }
    const compiledMain = Object.entries(report.sizes ?? {}).reduce((n, [name, size]) => (inSubpackage(name) ? n : n + size), 0)
    console.log(`miniprogram-ci compiled ${names.length} files; main package ${compiledMain} bytes (${kb(compiledMain)})`)
    expect(compiledMain).toBeLessThan(1 * MB)
  })

  it('passes the code-quality checks WeChat DevTools runs before upload', () => {
    const quality = runMiniprogramCi().quality ?? []
    const failed = quality.filter((r) => !r.success).map((r) => `${r.name}: ${r.text}`)
    const sizes = quality.find((r) => r.name === 'PACKAGE_SIZE_LIMIT')?.detail
    console.log(`miniprogram-ci code quality: ${quality.length} checks passed? ${failed.length === 0}; package sizes ${JSON.stringify(sizes)}`)
    expect(quality.length).toBeGreaterThan(0)
    expect(failed).toEqual([])
  })
})
