import { createServer, type Server } from 'node:http'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import * as cloudbase from '@cloudbase/node-sdk'
import collections from '../cloudfunctions/collections.json'
import { createLocalCloudbase } from './cloudbase-server'
import { createFunctionRunner, type CloudMain } from './function-runner'
import { applyPlatformEnv, localSecrets } from './platform-env'
import { serveStatic } from './static-files'
import { sendJson } from './http-util'
import { DEMO_ACCOUNTS, DEMO_MEMBERS } from './demo-data'
import { seedDemo } from './demo-seed'

export interface DevServerOptions {
  readonly port: number
  readonly host?: string
  readonly dataDir: string
  /** Built h5 app to serve at `/`; omitted in API-only runs (tests, bench). */
  readonly h5Dir?: string
  /** Where each function's `main` comes from: the deployable bundles, or source modules in tests. */
  readonly resolveFunction: (name: string) => CloudMain | undefined
  readonly seed?: boolean
}

export interface DevServer {
  readonly url: string
  readonly server: Server
  readonly stats: { roundTrips: number; byAction: Record<string, number> }
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
 * One port for everything local: the CloudBase database and storage API (/admin, /storage), the
 * function runner (/fn/<name>), the local login list (/local/accounts) and the h5 app.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const host = options.host ?? '127.0.0.1'
  let url = ''
  const cloud = await createLocalCloudbase({ dataDir: options.dataDir, collections: collections.collections, publicUrl: () => url })
  const runner = createFunctionRunner({
    resolve: options.resolveFunction,
    identify: (req) => {
      const header = req.headers['x-local-openid']
      return typeof header === 'string' && header ? header : undefined
    },
  })

  const server = createServer((req, res) => {
    void (async () => {
      if (await cloud.handle(req, res)) return
      if (await runner.handle(req, res)) return
      const path = (req.url ?? '').split('?')[0]
      if (path === '/local/accounts') return sendJson(res, 200, localAccounts())
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
  if (options.seed) await seedDemo(cloudbase.init({ env: 'local' }).database())

  return {
    url,
    server,
    stats: cloud.stats,
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
