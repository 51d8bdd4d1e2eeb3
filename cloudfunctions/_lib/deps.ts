import { randomBytes } from 'node:crypto'
import { getDatabase, type Database } from './db'
import { loadSecrets, type Secrets } from './secrets'
import { jsonLogger, type Logger } from './log'

export interface Clock {
  /** The current instant. Calendar questions go through shared/domain/time (Asia/Shanghai). */
  now(): Date
}

export interface Ids {
  /** A new random 32-hex-character id, like CloudBase's own. */
  next(): string
}

/** Everything a handler may touch that varies between production, tests and the bench. */
export interface Deps {
  readonly db: Database
  readonly clock: Clock
  readonly ids: Ids
  readonly secrets: Secrets
  readonly log: Logger
}

export const systemClock: Clock = { now: () => new Date() }
export const randomIds: Ids = { next: () => randomBytes(16).toString('hex') }

export function defaultDeps(fn: string): Deps {
  loadSecrets() // fail at start, not at the first code, when the configuration is wrong
  return {
    db: getDatabase(),
    clock: systemClock,
    ids: randomIds,
    // Read per use (validated once per value), so a process hosting several local platforms follows the current one.
    get secrets() {
      return loadSecrets()
    },
    log: jsonLogger({ fn }),
  }
}
