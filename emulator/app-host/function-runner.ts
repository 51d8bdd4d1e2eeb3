import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { fail } from '@shared/contract'
import { BodyTooLarge, readBody, sendJson } from '../http-util'
import { Invocations } from './invocations'

export type CloudMain = (event: unknown, context: unknown) => Promise<unknown>

export interface FunctionRunnerOptions {
  /** Finds a function's `main` by name; undefined for an unknown function. */
  readonly resolve: (name: string) => CloudMain | undefined
  /** The local stand-in for WeChat's identity: which openid this HTTP request is made as. */
  readonly identify: (req: IncomingMessage) => string | undefined
  readonly maxBodyBytes?: number
  /** Each function's timeout from cloudbaserc.json; past it the caller gets the platform's timeout answer. */
  readonly timeoutMs?: (name: string) => number
  /**
   * Tests only: a call with header `x-local-crash-after-writes: k` dies right after its k-th database
   * write (that write lands, nothing after it runs), and every answer says how many writes it made.
   */
  readonly crashInjection?: boolean
}

/** CloudBase's answers when a function does not return: its container died, or it ran past its timeout. */
export const PLATFORM_CRASH = { errCode: -504002, errMsg: 'functions execute fail: the function exited before it returned' }
export const platformTimeout = (ms: number) => ({ errCode: -504003, errMsg: `Invoking task timed out after ${Math.round(ms / 1000)} seconds` })
const CRASH_HEADER = 'x-local-crash-after-writes'
const DEFAULT_TIMEOUT_MS = 20_000

/**
 * The context CloudBase hands a function: invocation facts plus an `environment` JSON string that
 * carries the WeChat caller (WX_OPENID). node-sdk's getCloudbaseContext(context) reads it per call.
 */
export function platformContext(functionName: string, openid: string | undefined, timeoutMs = DEFAULT_TIMEOUT_MS) {
  const environment: Record<string, string> = { SCF_NAMESPACE: 'local', TCB_ENV: 'local', WX_APPID: 'wxlocal000000000' }
  if (openid) environment.WX_OPENID = openid
  return {
    request_id: randomUUID(),
    function_name: functionName,
    function_version: '$LATEST',
    namespace: 'local',
    memory_limit_in_mb: 256,
    time_limit_in_ms: timeoutMs,
    environment: JSON.stringify(environment),
  }
}

const FN_PATH = /^\/fn\/([A-Za-z0-9_-]{1,64})\/?$/

/** `POST /fn/<name>` with `{ action, data }` → that function's `main(event, context)` → its envelope. */
export function createFunctionRunner(options: FunctionRunnerOptions) {
  const limit = options.maxBodyBytes ?? 1024 * 1024
  const invocations = new Invocations()
  const timeoutOf = (name: string) => options.timeoutMs?.(name) ?? DEFAULT_TIMEOUT_MS

  async function invoke(name: string, event: unknown, openid: string | undefined): Promise<unknown> {
    const main = options.resolve(name)
    if (!main) return fail('NOT_FOUND', '没有这个云函数', { function: name })
    return main(event, platformContext(name, openid, timeoutOf(name)))
  }

  function crashAfterOf(req: IncomingMessage): number | undefined {
    const raw = req.headers[CRASH_HEADER]
    if (!options.crashInjection || typeof raw !== 'string') return undefined
    const k = Number(raw)
    return Number.isInteger(k) && k > 0 ? k : undefined
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = (req.url ?? '').split('?')[0]
    if (!path.startsWith('/fn/')) return false
    const match = FN_PATH.exec(path)
    if (!match) {
      sendJson(res, 404, fail('NOT_FOUND', '没有这个云函数'))
      return true
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST')
      sendJson(res, 405, fail('INVALID_ARGUMENT', '请用 POST 调用云函数'))
      return true
    }
    let event: unknown
    try {
      const raw = await readBody(req, limit)
      event = JSON.parse(raw.toString('utf8'))
    } catch (error) {
      if (error instanceof BodyTooLarge) sendJson(res, 413, fail('INVALID_ARGUMENT', '提交的内容太大了'))
      else sendJson(res, 400, fail('INVALID_ARGUMENT', '请求格式不正确'))
      return true
    }
    if (!event || typeof event !== 'object' || Array.isArray(event)) {
      sendJson(res, 400, fail('INVALID_ARGUMENT', '请求格式不正确'))
      return true
    }
    const name = match[1]
    if (!options.resolve(name)) {
      sendJson(res, 404, fail('NOT_FOUND', '没有这个云函数', { function: name }))
      return true
    }
    try {
      const timeoutMs = timeoutOf(name)
      const run = await invocations.run(() => invoke(name, event, options.identify(req)), { timeoutMs, crashAfter: crashAfterOf(req) })
      if (options.crashInjection) res.setHeader('x-local-writes', String(run.writes))
      const { outcome } = run
      if (outcome.kind === 'crashed') sendJson(res, 502, PLATFORM_CRASH)
      else if (outcome.kind === 'timeout') sendJson(res, 504, platformTimeout(timeoutMs))
      else sendJson(res, 200, outcome.value)
    } catch (error) {
      // main() never throws by design; if it does, answer like the platform would, without leaking the error.
      console.error(JSON.stringify({ level: 'error', event: 'function-crash', fn: name, error: String(error) }))
      sendJson(res, 200, fail('INTERNAL', '系统繁忙，请稍后再试'))
    }
    return true
  }

  return { handle, invoke, gate: invocations }
}
