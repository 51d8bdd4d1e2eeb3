import { createHash } from 'node:crypto'

type Level = 'debug' | 'info' | 'warn' | 'error'
const ORDER: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 }

export type Logger = (level: Level, event: string, fields?: Record<string, unknown>) => void

/** One JSON line per event, as CloudBase's log search expects. Callers are hashed, inputs never logged. */
export const jsonLogger = (base: Record<string, unknown> = {}): Logger => {
  const min = ORDER[(process.env.LOG_LEVEL as Level | 'silent') ?? 'info'] ?? ORDER.info
  return (level, event, fields = {}) => {
    if (ORDER[level] < min) return
    const line = JSON.stringify({ t: new Date().toISOString(), level, event, ...base, ...fields })
    if (level === 'error' || level === 'warn') console.error(line)
    else console.log(line)
  }
}

/** A stable, non-reversible tag for an openid, so logs can be correlated without holding identities. */
export const callerTag = (openid: string): string => createHash('sha256').update(openid).digest('hex').slice(0, 10)
