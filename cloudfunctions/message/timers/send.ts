import type { Deps } from '../../_lib/deps'
import type { TimerContext } from '../../_lib/entry'
import { pendingPushes } from '../../_lib/messages.repo'
import type { SubscribeSender } from '../../_lib/subscribe-sender'
import { pushOne, type PushDeps, type PushResult } from '../push-one'
import { loadTemplates, miniprogramState } from '../templates-config'

/** A notice older than this is not worth a WeChat push any more; it stays in 消息. */
export const MAX_PUSH_AGE_MS = 3 * 24 * 3600_000
const BATCH = 50

/**
 * The sender (every minute): pushes the outbox to WeChat where members accepted a template. Any
 * number of runs may overlap; each message is claimed by one conditional write, so two runs never
 * send it twice. A run claims only while half its time limit is left and gives each send a quarter
 * of it, so it is done with a message before its lease lapses and another run could take it.
 */
export function sendJob(sender: () => SubscribeSender) {
  return async (base: Deps, context: TimerContext): Promise<Record<string, unknown>> => {
    const started = Date.now()
    const deps: PushDeps = {
      db: base.db,
      clock: base.clock,
      ids: base.ids,
      log: base.log,
      get secrets() {
        return base.secrets
      },
      sender: sender(),
    }
    const templates = loadTemplates()
    const tally: Record<PushResult, number> = { sent: 0, 'in-app': 0, failed: 0, retry: 0, taken: 0 }
    const seen = new Set<string>()
    for (;;) {
      const now = deps.clock.now()
      const rows = (await pendingPushes(deps, now, new Date(now.getTime() - MAX_PUSH_AGE_MS), BATCH)).filter((m) => !seen.has(m._id))
      if (!rows.length) break
      for (const m of rows) {
        if (Date.now() - started > context.timeLimitMs / 2) return { ...tally, more: true }
        seen.add(m._id)
        const run = {
          claim: deps.ids.next(),
          leaseUntil: new Date(deps.clock.now().getTime() + context.timeLimitMs),
          sendTimeoutMs: Math.min(8000, Math.floor(context.timeLimitMs / 4)),
          templates,
          state: miniprogramState(),
        }
        tally[await pushOne(deps, run, m)]++
      }
    }
    return tally
  }
}
