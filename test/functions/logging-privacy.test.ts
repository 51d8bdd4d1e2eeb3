import { startAppServer, type AppServer } from '../support/app-server'

let app: AppServer
const lines: string[] = []
let level: string | undefined

beforeAll(async () => {
  app = await startAppServer()
  level = process.env.LOG_LEVEL
  process.env.LOG_LEVEL = 'debug'
  for (const method of ['log', 'info', 'warn', 'error'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')))
  }
})
afterAll(async () => {
  jest.restoreAllMocks()
  process.env.LOG_LEVEL = level
  await app.stop()
})

it('function logs carry no names, phone digits, codes or raw openids', async () => {
  await app.call('member.bindByProfile', { memberNo: 'GH2026011', name: '徐丽', phoneLast4: '4321' }, 'wx-secret-openid')
  await app.call('member.bindByCode', { code: 'QWER-TYUP' }, 'wx-secret-openid')
  await app.call('member.update', { id: 'demo-member-11', phone: '13987654321' }, 'demo-admin')
  await app.call('member.me', {}, 'demo-member')
  const logged = lines.join('\n')
  // The calls were logged…
  expect(logged).toContain('"action":"bindByProfile"')
  expect(logged).toContain('"action":"update"')
  // …without anything a member typed or who they are.
  for (const secret of ['徐丽', '4321', 'QWER', 'TYUP', '13987654321', 'wx-secret-openid', 'demo-member', 'GH2026011']) expect(logged).not.toContain(secret)
})
