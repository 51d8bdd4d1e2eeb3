/**
 * The crash injector, written once for every crash-matrix test. An app server started here gives
 * every function a short time limit, so a retry may treat a claim older than that as left by a
 * dead invocation without the test waiting 20 s; `app.call(…, { crashAfterWrites: k })` kills an
 * invocation right after its k-th database write (test/support/app-server.ts, emulator/app-host/invocations.ts).
 */
import { startAppServer, type AppServer, type CallResult } from './app-server'
import { perFile } from './per-file'

/** Long enough for any single call on a loaded 2-core machine, short enough to wait out in a test. */
export const CRASH_TIME_LIMIT_MS = 3000

export const startCrashServer = (): Promise<AppServer> => startAppServer({ timeoutMs: CRASH_TIME_LIMIT_MS })

/** One crash server for the whole test file: started before its first test, stopped after its last. */
export const crashServerForFile = (): AppServer => perFile('the crash server', startCrashServer, (app) => app.stop())

/** Waits until every invocation cut so far is certainly past its time limit (its claims are stale). */
export const pastTimeLimit = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, CRASH_TIME_LIMIT_MS + 300))

/** Runs a timer trigger as CloudBase does: no WeChat user in the context. */
export async function runTimer(app: { readonly url: string }, fn: string, trigger: string): Promise<{ ok: boolean; data?: any; error?: any }> {
  const res = await fetch(`${app.url}/fn/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ Type: 'Timer', TriggerName: trigger, Time: new Date().toISOString() }),
  })
  return res.json()
}

/** How many writes a call makes when it runs to its end: the crash matrix cuts after each of them. */
export async function writesOf(call: () => Promise<CallResult>): Promise<number> {
  const res = await call()
  if (!res.body?.ok) throw new Error(`the clean run failed: ${JSON.stringify(res.body)}`)
  return res.writes
}

/**
 * The matrix for one action: for k = 1…writes, a fresh subject's call is cut after its k-th write
 * (all at once, each on its own subject), then the same caller retries once every cut invocation is
 * past its time limit. Returns each subject with its cut and its retry, for the caller's invariants.
 */
export async function crashEachWrite<S>(options: {
  /** Writes the clean run made (see writesOf). */
  writes: number
  /** A fresh subject (member, event, voucher…) per crash point. */
  subject: (k: number) => Promise<S>
  call: (subject: S, crashAfterWrites?: number) => Promise<CallResult>
}): Promise<Array<{ k: number; subject: S; cut: CallResult; retry: CallResult }>> {
  const ks = Array.from({ length: options.writes }, (_, i) => i + 1)
  const subjects = await Promise.all(ks.map((k) => options.subject(k)))
  const cuts = await Promise.all(ks.map((k, i) => options.call(subjects[i], k)))
  cuts.forEach((cut, i) => {
    if (!cut.crashed) throw new Error(`crash point ${ks[i]} did not crash (the call made ${cut.writes} writes): ${JSON.stringify(cut.body)}`)
  })
  await pastTimeLimit()
  const retries = await Promise.all(subjects.map((s) => options.call(s)))
  return ks.map((k, i) => ({ k, subject: subjects[i], cut: cuts[i], retry: retries[i] }))
}

/**
 * The log side of a crash-matrix file, registered once at its top: repairs are logged as warnings,
 * kept in `warnings` (clear it with `warnings.length = 0`) instead of printed, and the crash points
 * each action went through (`covered`) are printed once at the end.
 */
export function crashMatrixLogs(label: string): { warnings: string[]; covered: Record<string, number> } {
  const warnings: string[] = []
  const covered: Record<string, number> = {}
  const logLevel = process.env.LOG_LEVEL
  beforeAll(() => {
    // The functions' loggers read the level on each call.
    process.env.LOG_LEVEL = 'warn'
    jest.spyOn(console, 'error').mockImplementation((line: unknown) => void warnings.push(String(line)))
  })
  afterAll(() => {
    if (logLevel === undefined) delete process.env.LOG_LEVEL
    else process.env.LOG_LEVEL = logLevel
    jest.restoreAllMocks()
    console.log(
      `${label} crash points covered: ${Object.entries(covered)
        .map(([action, n]) => `${action} ${n}`)
        .join(', ')}`,
    )
  })
  return { warnings, covered }
}

/** What every crash-matrix file starts with: its log side (crashMatrixLogs) and one crash server for the file. */
export function crashMatrixFile(label: string): { app: AppServer; warnings: string[]; covered: Record<string, number> } {
  const logs = crashMatrixLogs(label)
  return { app: crashServerForFile(), ...logs }
}

/** The data of a setup call that must succeed (a matrix's subjects), or the reason it did not. */
export async function ok(res: Promise<CallResult>): Promise<any> {
  const { body } = await res
  if (!body.ok) throw new Error(`setup call failed: ${JSON.stringify(body)}`)
  return body.data
}
