import { createServer, type Server } from 'node:http'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as cloudbase from '@cloudbase/node-sdk'
import collections from '../../cloudfunctions/collections.json'
import { createLocalCloudbase } from '../cloudbase-server'
import { createFunctionRunner, type CloudMain } from './function-runner'
import { applyPlatformEnv, localSecrets } from '../platform-env'
import { serveStatic } from './static-files'
import { BodyTooLarge, readBody, sendJson } from '../http-util'
import { randomUUID } from 'node:crypto'
import { DEMO_ACCOUNTS, DEMO_MEMBERS } from './demo-data'
import { seedDemo } from './demo-seed'
import { uploadFolderOf } from '../../cloudfunctions/_lib/uploads'
import { applyWechatEnv, createWechatStandIn } from '../wechat-openapi'

export interface DevServerOptions {
  readonly port: number
  readonly host?: string
  readonly dataDir: string
  /** Built h5 app to serve at `/`; omitted in API-only runs (tests, bench). */
  readonly h5Dir?: string
  /** Where each function's `main` comes from: the deployable bundles, or source modules in tests. */
  readonly resolveFunction: (name: string) => CloudMain | undefined
  readonly seed?: boolean
  /** Tests only: honour the crash injector's header (see function-runner.ts). */
  readonly crashInjection?: boolean
  /** Added to every database round trip (see LocalCloudbaseOptions.latencyMs). */
  readonly latencyMs?: number
  /** Per-function timeouts; default: cloudbaserc.json's, as CloudBase enforces them. */
  readonly timeoutMs?: (name: string) => number
}

/** Each function's `timeout` (seconds) from cloudbaserc.json, the limit CloudBase kills it at. */
export function configuredTimeouts(cloudbasercPath = join(__dirname, '..', '..', 'cloudbaserc.json')): (name: string) => number {
  const rc = JSON.parse(readFileSync(cloudbasercPath, 'utf8')) as { functions: { name: string; timeout?: number }[] }
  const byName = new Map(rc.functions.map((f) => [f.name, (f.timeout ?? 3) * 1000]))
  return (name) => byName.get(name) ?? 3000
}

export interface DevServer {
  readonly url: string
  readonly server: Server
  readonly stats: { roundTrips: number; byAction: Record<string, number> }
  /** The next `count` database requests meet CloudBase's rate limit. */
  rateLimitNext(count: number, code?: 'EXCEED_REQUEST_LIMIT' | 'EXCEED_CONCURRENT_REQUEST_LIMIT'): void
  close(): Promise<void>
}

/** Local accounts exist only here, in local mode: the stand-in for "who opened WeChat". */
const localAccounts = () => ({
  accounts: [
    ...DEMO_ACCOUNTS.map((a) => {
      const m = DEMO_MEMBERS.find((x) => x._id === a.memberId)!
      return { openid: a.openid, name: m.name, department: m.departmentName, roles: ['member', ...a.roles.map((r) => r.role)] }
    }),
    { openid: 'demo-newcomer', name: '新用户（未绑定）', department: '', roles: [] },
  ],
})

/**
 * The local stand-in for `wx.cloud.uploadFile`: the h5 app posts the raw file, it lands in the local
 * cloud storage under the caller's folder, and the answer is its fileID, as on WeChat.
 */
async function localUpload(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) {
  if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'INVALID_ARGUMENT', message: '请用 POST 上传' } })
  const openid = req.headers['x-local-openid']
  if (typeof openid !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(openid))
    return sendJson(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先选择演示账号' } })
  const name = new URL(req.url ?? '/', 'http://local').searchParams.get('name') ?? 'file'
  const safeName = name.replace(/[^A-Za-z0-9_.\u4e00-\u9fa5-]/g, '_').slice(-80)
  let content: Buffer
  try {
    content = await readBody(req, 20 * 1024 * 1024)
  } catch (error) {
    if (error instanceof BodyTooLarge) return sendJson(res, 413, { ok: false, error: { code: 'INVALID_ARGUMENT', message: '文件太大了，不能超过 20 MB' } })
    throw error
  }
  const { fileID } = await cloudbase
    .init({ env: 'local' })
    .uploadFile({ cloudPath: `${uploadFolderOf(openid)}/${randomUUID()}-${safeName}`, fileContent: content })
  sendJson(res, 200, { fileId: fileID })
}

/**
 * One port for everything local: the CloudBase database and storage API (/admin, /storage), the
 * function runner (/fn/<name>), the local login list (/local/accounts) and the h5 app.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const host = options.host ?? '127.0.0.1'
  let url = ''
  const runner = createFunctionRunner({
    resolve: options.resolveFunction,
    identify: (req) => {
      const header = req.headers['x-local-openid']
      return typeof header === 'string' && header ? header : undefined
    },
    timeoutMs: options.timeoutMs ?? configuredTimeouts(),
    crashInjection: options.crashInjection,
  })
  const cloud = await createLocalCloudbase({
    dataDir: options.dataDir,
    collections: collections.collections,
    publicUrl: () => url,
    gate: runner.gate,
    latencyMs: options.latencyMs,
  })
  const wechat = createWechatStandIn(runner.gate)

  const server = createServer((req, res) => {
    void (async () => {
      if (await cloud.handle(req, res)) return
      if (await runner.handle(req, res)) return
      if (await wechat.handle(req, res)) return
      const path = (req.url ?? '').split('?')[0]
      if (path === '/local/accounts') return sendJson(res, 200, localAccounts())
      if (path === '/local/upload') return localUpload(req, res)
      if (options.h5Dir && existsSync(options.h5Dir)) return serveStatic(options.h5Dir, req, res)
      sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '没有这个地址' } })
    })().catch((error) => {
      console.error(error)
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } })
    })
  })
  await new Promise<void>((resolve) => server.listen(options.port, host, resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  url = `http://${host}:${port}`

  applyPlatformEnv(`${url}/admin`, localSecrets(join(options.dataDir, 'local-secrets.json')))
  applyWechatEnv(url)
  if (options.seed) await seedDemo(cloudbase.init({ env: 'local' }).database())

  return {
    url,
    server,
    stats: cloud.stats,
    rateLimitNext: cloud.rateLimitNext,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
      await cloud.close()
    },
  }
}

/** Loads the deployable bundle dist/functions/<name>/index.js, as CloudBase would. */
export const bundledFunctions = (dir: string) => {
  const cache = new Map<string, CloudMain | undefined>()
  return (name: string): CloudMain | undefined => {
    if (!cache.has(name)) {
      const file = join(dir, name, 'index.js')
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      cache.set(name, /^[a-z][a-z0-9-]*$/.test(name) && existsSync(file) ? (require(file) as { main: CloudMain }).main : undefined)
    }
    return cache.get(name)
  }
}
