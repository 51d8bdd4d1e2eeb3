import type { Deps } from '../../_lib/deps'
import type { TimerContext } from '../../_lib/entry'
import { removeOldRead } from '../../_lib/messages.repo'

/** Read messages are kept a year; unread ones stay until the member has seen them. */
export const KEEP_READ_MS = 365 * 24 * 3600_000
const BATCH = 500

/** Daily: removes read messages written more than a year ago, in batches while time allows. */
export async function pruneMessages(deps: Deps, context: TimerContext): Promise<Record<string, unknown>> {
  const started = Date.now()
  const before = new Date(deps.clock.now().getTime() - KEEP_READ_MS)
  let removed = 0
  for (;;) {
    const n = await removeOldRead(deps, before, BATCH)
    removed += n
    if (n < BATCH || Date.now() - started > context.timeLimitMs / 2) break
  }
  return { removed }
}
