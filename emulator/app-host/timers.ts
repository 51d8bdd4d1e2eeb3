import { readFileSync } from 'node:fs'
import { platformContext, type CloudMain } from './function-runner'

export interface TimerTrigger {
  readonly functionName: string
  readonly triggerName: string
}

/** The timer triggers `cloudbaserc.json` declares (what CloudBase would run on its cron). */
export function timerTriggers(cloudbasercPath: string): TimerTrigger[] {
  const rc = JSON.parse(readFileSync(cloudbasercPath, 'utf8')) as { functions: { name: string; triggers?: { name: string; type: string }[] }[] }
  return rc.functions.flatMap((f) => (f.triggers ?? []).filter((t) => t.type === 'timer').map((t) => ({ functionName: f.name, triggerName: t.name })))
}

/**
 * Locally, every declared timer runs once a minute (CloudBase runs them on their cron; the jobs are
 * written to be safe at any frequency), as the platform calls them: no WeChat user in the context.
 * Returns a stop function.
 */
export function runTimers(
  triggers: readonly TimerTrigger[],
  resolve: (name: string) => CloudMain | undefined,
  everyMs = 60_000,
  log: (line: string) => void = console.error,
): () => void {
  let running = false
  const tick = async () => {
    if (running) return
    running = true
    try {
      for (const t of triggers) {
        const main = resolve(t.functionName)
        if (!main) continue
        const res = (await main(
          { Type: 'Timer', TriggerName: t.triggerName, Time: new Date().toISOString() },
          platformContext(t.functionName, undefined),
        ).catch((error: unknown) => ({ ok: false, error }))) as { ok?: boolean; error?: unknown }
        if (res?.ok === false) log(`定时任务 ${t.functionName}/${t.triggerName} 失败：${JSON.stringify(res.error)}`)
      }
    } finally {
      running = false
    }
  }
  const handle = setInterval(() => void tick(), everyMs)
  handle.unref()
  return () => clearInterval(handle)
}
