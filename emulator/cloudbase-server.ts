import { randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Database } from './db/database'
import { CloudbaseError, invalidParam } from './db/errors'
import type { JournalLimits } from './db/journal'
import type { CollectionsInput } from './db/spec'
import { isPlainObject } from './db/values'
import { LocalStorage } from './storage/storage'

export type { CollectionsInput, CollectionsSpec, CollectionSpec, IndexSpec } from './db/spec'
export type { JournalLimits } from './db/journal'
export type { StrictModels } from './db/strictness'
import type { StrictModels } from './db/strictness'

export interface LocalCloudbaseStats {
  /** Every `database.*` request, whatever its outcome. */
  roundTrips: number
  /** Requests per action, database and storage. */
  byAction: Record<string, number>
}

export interface LocalCloudbaseOptions {
  /** Holds db.journal, db.snapshot and storage/. */
  dataDir: string
  /** collections.json's object (or just its `collections` record). Undeclared collections are refused. */
  collections: CollectionsInput
  /** When to compact the journal into a snapshot. */
  journal?: JournalLimits
  /** Open transactions expire after this long. Default 30 000. */
  transactionTimeoutMs?: number
  /** Default 50 MB. */
  maxUploadBytes?: number
  /** Production's inconveniences (aggregate limit, partial batches, duplicate-key forms, shuffled ties); all on by default. */
  models?: Partial<StrictModels>
  /** Requests made by a function invocation carry its id; the gate can let it die (the crash injector). */
  gate?: InvocationGate
  /**
   * Milliseconds added to every database round trip, as the network between a function and
   * CloudBase's database costs (several ms each). Off by default; the bench turns it on to show the
   * wait a member would feel.
   */
  latencyMs?: number
}

/** The header the function runner puts on every request a function invocation makes. */
export const INVOCATION_HEADER = 'x-local-invocation'

/** Database actions that change data outside a transaction (a transaction's writes land at its commit). */
const LANDING_WRITES = new Set([
  'database.insertDocument',
  'database.modifyDocument',
  'database.modifyAndReturnDoc',
  'database.removeDocument',
  'database.commitTransaction',
])

export interface InvocationGate {
  /** Before a request of this invocation runs: false means the caller is dead; the request is dropped unanswered. */
  admit(invocation: string): boolean
  /** After one of its writes ran: false means the invocation dies now, before it hears the answer. */
  wrote(invocation: string): boolean
}

/** Rate limits CloudBase answers under load; tests make the next requests meet one. */
export type RateLimitCode = 'EXCEED_REQUEST_LIMIT' | 'EXCEED_CONCURRENT_REQUEST_LIMIT'

export interface LocalCloudbaseHandler {
  /** Serves /admin and /storage/…; resolves false (touching nothing) for any other path. */
  handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean>
  readonly stats: LocalCloudbaseStats
  /** The next `count` database requests are refused with a rate-limit code, as CloudBase does under load. */
  rateLimitNext(count: number, code?: RateLimitCode): void
  close(): Promise<void>
}

export interface LocalCloudbase {
  /** http://host:port */
  url: string
  /** url + '/admin', the value for TCB_CONTEXT_CNFG's URL or init({ serviceUrl }). */
  adminUrl: string
  port: number
  readonly stats: LocalCloudbaseStats
  rateLimitNext(count: number, code?: RateLimitCode): void
  close(): Promise<void>
}

const MAX_ADMIN_BODY = 10 * 1024 * 1024

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      req.resume()
      return reject(new BodyTooLarge())
    }
    const chunks: Buffer[] = []
    let size = 0
    let failed = false
    req.on('data', (chunk: Buffer) => {
      if (failed) return
      size += chunk.length
      if (size > limit) {
        failed = true
        return reject(new BodyTooLarge())
      }
      chunks.push(chunk)
    })
    req.on('end', () => failed || resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

/**
 * The local CloudBase as a request handler, to mount inside a larger server. Every SDK call is
 * `POST /admin` with `{ action, … }`; replies are HTTP 200 `{ data, requestId }` or
 * `{ code, message, requestId }` (node-sdk throws on `code`).
 */
export async function createLocalCloudbase(options: LocalCloudbaseOptions & { publicUrl: () => string }): Promise<LocalCloudbaseHandler> {
  const db = Database.open(options)
  let storage: LocalStorage
  try {
    storage = new LocalStorage({ dataDir: options.dataDir, publicUrl: options.publicUrl, maxUploadBytes: options.maxUploadBytes })
  } catch (e) {
    await db.close()
    throw e
  }
  const stats: LocalCloudbaseStats = { roundTrips: 0, byAction: {} }
  let limited: { count: number; code: RateLimitCode } = { count: 0, code: 'EXCEED_REQUEST_LIMIT' }
  const header = (req: http.IncomingMessage): string | undefined => {
    const value = req.headers[INVOCATION_HEADER]
    return typeof value === 'string' && value ? value : undefined
  }
  /** A dead invocation hears nothing: its connection is cut, as a killed container's would be. */
  const drop = (res: http.ServerResponse): void => {
    res.socket?.destroy()
  }

  const admin = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> => {
    if (req.method !== 'POST') {
      req.resume()
      return sendJson(res, 405, { code: 'INVALID_PARAM', message: 'POST only' })
    }
    const requestId = randomBytes(8).toString('hex')
    let params: Record<string, unknown>
    try {
      const parsed: unknown = JSON.parse((await readBody(req, MAX_ADMIN_BODY)).toString('utf8'))
      if (!isPlainObject(parsed) || typeof parsed.action !== 'string') throw invalidParam('body must be a JSON object with an action')
      params = parsed
    } catch (e) {
      if (e instanceof BodyTooLarge) return sendJson(res, 413, { code: 'INVALID_PARAM', message: 'request body too large', requestId })
      return sendJson(res, 200, { code: 'INVALID_PARAM', message: (e as Error).message, requestId })
    }
    const action = params.action as string
    const invocation = header(req)
    if (invocation && options.gate && !options.gate.admit(invocation)) return drop(res)
    stats.byAction[action] = (stats.byAction[action] ?? 0) + 1
    if (action.startsWith('database.')) stats.roundTrips++
    if (action.startsWith('database.') && limited.count > 0) {
      limited.count--
      return sendJson(res, 200, { code: limited.code, message: `${limited.code}: request limit exceeded, retry later`, requestId })
    }
    // Writes inside a transaction land only with its commit, which carries the transaction's id too: it counts.
    if (options.latencyMs && action.startsWith('database.')) await new Promise((resolve) => setTimeout(resolve, options.latencyMs))
    const diesAfter = () =>
      invocation !== undefined &&
      options.gate !== undefined &&
      LANDING_WRITES.has(action) &&
      (!params.transactionId || action === 'database.commitTransaction') &&
      !options.gate.wrote(invocation)
    try {
      const env = String(params.envName || url.searchParams.get('env') || 'local')
      const reply = action.startsWith('database.')
        ? await db.handle(action, params)
        : action.startsWith('storage.')
          ? storage.handle(action, params, env)
          : (() => {
              throw invalidParam(`action ${action} is not supported by the local CloudBase`)
            })()
      if (diesAfter()) return drop(res)
      sendJson(res, 200, { ...reply, requestId })
    } catch (e) {
      // A refused write still counts as one of the invocation's writes: the crash may follow it.
      if (diesAfter()) return drop(res)
      if (!(e instanceof CloudbaseError)) console.error(`[local-cloudbase] ${action} failed unexpectedly:`, e)
      const code = e instanceof CloudbaseError ? e.code : 'SYS_ERR'
      sendJson(res, 200, { code, message: (e as Error).message, requestId })
    }
  }

  return {
    stats,
    rateLimitNext: (count, code = 'EXCEED_REQUEST_LIMIT') => {
      limited = { count, code }
    },
    handle: async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://local')
      if (url.pathname === '/admin') {
        await admin(req, res, url)
        return true
      }
      if (url.pathname.startsWith('/storage/')) {
        const invocation = header(req)
        if (invocation && options.gate && !options.gate.admit(invocation)) {
          drop(res)
          return true
        }
        await storage.serve(req, res, url)
        return true
      }
      return false
    },
    close: () => db.close(),
  }
}

/** A standalone local CloudBase on its own port (0 = any free port). */
export async function startLocalCloudbase(options: LocalCloudbaseOptions & { port?: number; host?: string }): Promise<LocalCloudbase> {
  const host = options.host ?? '127.0.0.1'
  let url = ''
  const handler = await createLocalCloudbase({ ...options, publicUrl: () => url })
  const server = http.createServer((req, res) => {
    handler
      .handle(req, res)
      .then((handled) => {
        if (!handled) sendJson(res, 404, { code: 'INVALID_PARAM', message: `no route ${req.method} ${req.url}` })
      })
      .catch((e) => {
        console.error('[local-cloudbase] request failed:', e)
        if (!res.headersSent) sendJson(res, 500, { code: 'SYS_ERR', message: 'internal error' })
        else res.destroy()
      })
  })
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? 0, host, resolve)
    })
  } catch (e) {
    await handler.close()
    throw e
  }
  const port = (server.address() as AddressInfo).port
  url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  let closing: Promise<void> | undefined
  return {
    url,
    adminUrl: `${url}/admin`,
    port,
    stats: handler.stats,
    rateLimitNext: handler.rateLimitNext,
    close: () =>
      (closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
        await handler.close() // lets in-flight writes become durable and answer
        server.closeAllConnections()
        await stopped
      })()),
  }
}
