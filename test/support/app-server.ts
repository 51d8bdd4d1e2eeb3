import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundledFunctions, startDevServer, type DevServer } from '../../emulator/app-host/dev-server'
import { sourceFunctions } from '../../emulator/app-host/source-functions'
import { perFile } from './per-file'

const ROOT = join(__dirname, '..', '..')

export { sourceFunctions }

export interface CallOptions {
  readonly crashAfterWrites?: number
}

export interface CallResult {
  status: number
  body: any
  /** Database writes the invocation made (the last one is where a crash cut it). */
  writes: number
  /** The platform ended it (crash injector) instead of the function returning. */
  crashed: boolean
}

export interface AppServer extends DevServer {
  readonly dataDir: string
  /**
   * POST /fn/<fn> as the given openid (or anonymous), returning the parsed envelope, the HTTP status
   * and how many database writes the invocation made. With `crashAfterWrites: k` the invocation dies
   * right after its k-th write (status 502, the platform's crash answer): the crash injector.
   */
  call(name: string, data?: unknown, openid?: string, options?: CallOptions): Promise<CallResult>
  stop(): Promise<void>
}

export interface AppServerOptions {
  bundled?: boolean
  h5?: boolean
  seed?: boolean
  /** Every function's time limit, e.g. short for crash tests so a retry may take over a dead call's claim soon. */
  timeoutMs?: number
}

/**
 * The whole local platform on a random port with a fresh data folder and the demo union:
 * HTTP → runner → main(event, context) → real node-sdk → local CloudBase.
 */
export async function startAppServer(options: AppServerOptions = {}): Promise<AppServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'union-test-'))
  const server = await startDevServer({
    port: 0,
    dataDir,
    h5Dir: options.h5 ? join(ROOT, 'dist', 'h5') : undefined,
    resolveFunction: options.bundled ? bundledFunctions(join(ROOT, 'dist', 'functions')) : sourceFunctions,
    seed: options.seed ?? true,
    crashInjection: true,
    timeoutMs: options.timeoutMs === undefined ? undefined : () => options.timeoutMs!,
  })
  const call = async (name: string, data: unknown = {}, openid?: string, callOptions: CallOptions = {}): Promise<CallResult> => {
    const [fn, action] = name.split('.')
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (openid) headers['x-local-openid'] = openid
    if (callOptions.crashAfterWrites !== undefined) headers['x-local-crash-after-writes'] = String(callOptions.crashAfterWrites)
    const res = await fetch(`${server.url}/fn/${fn}`, { method: 'POST', headers, body: JSON.stringify({ action, data }) })
    return { status: res.status, body: await res.json(), writes: Number(res.headers.get('x-local-writes') ?? 0), crashed: res.status === 502 }
  }
  return {
    ...server,
    dataDir,
    call,
    stop: async () => {
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** One app server for the whole test file: started before its first test, stopped after its last. */
export const appServerForFile = (options: AppServerOptions = {}): AppServer =>
  perFile(
    'the app server',
    () => startAppServer(options),
    (app) => app.stop(),
  )
