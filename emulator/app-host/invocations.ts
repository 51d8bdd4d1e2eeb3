import { AsyncLocalStorage } from 'node:async_hooks'
import http from 'node:http'
import { randomUUID } from 'node:crypto'
import { INVOCATION_HEADER, type InvocationGate } from '../cloudbase-server'

/**
 * Which function invocation an outgoing request belongs to. Functions run in this process, so the
 * SDK's requests are tagged from the async context they start in: the local CloudBase can then
 * count an invocation's writes and, for the crash injector, stop hearing it after its k-th.
 */
const current = new AsyncLocalStorage<string>()
let tagging = false

/**
 * http.ClientRequest hands itself to its agent synchronously in its constructor, before any header
 * is sent; every agent (the SDK's keep-alive one included) inherits addRequest. So this is the one
 * place a header can be added to a request the SDK builds.
 */
function tagOutgoingRequests(): void {
  if (tagging) return
  tagging = true
  type AddRequest = (this: http.Agent, req: http.ClientRequest, ...rest: unknown[]) => void
  const proto = http.Agent.prototype as unknown as { addRequest: AddRequest }
  const addRequest = proto.addRequest
  proto.addRequest = function (req, ...rest) {
    const invocation = current.getStore()
    if (invocation && !req.headersSent && !req.getHeader(INVOCATION_HEADER)) req.setHeader(INVOCATION_HEADER, invocation)
    return addRequest.call(this, req, ...rest)
  }
}

interface Invocation {
  writes: number
  /** Dies right after this many writes (the crash injector); undefined runs to the end. */
  crashAfter?: number
  dead: boolean
  died?: () => void
}

export interface RunResult<T> {
  /** 'done' with the function's value, or how the platform ended it. */
  outcome: { kind: 'done'; value: T } | { kind: 'crashed' } | { kind: 'timeout' }
  /** Writes that landed (or were refused) for this invocation: the crash matrix walks 1…writes. */
  writes: number
}

/** The registry the local CloudBase consults (as its gate) and the runner runs invocations through. */
export class Invocations implements InvocationGate {
  private readonly live = new Map<string, Invocation>()

  constructor() {
    tagOutgoingRequests()
  }

  admit(id: string): boolean {
    return !this.live.get(id)?.dead
  }

  wrote(id: string): boolean {
    const inv = this.live.get(id)
    if (!inv || inv.dead) return !inv?.dead
    inv.writes++
    if (inv.crashAfter === undefined || inv.writes < inv.crashAfter) return true
    inv.dead = true
    inv.died?.()
    return false
  }

  /**
   * Runs `fn` as one invocation: it may die after its `crashAfter`-th write, and the caller stops
   * waiting at `timeoutMs` (the function itself runs on, and its later writes land, as on CloudBase).
   */
  async run<T>(fn: () => Promise<T>, options: { timeoutMs: number; crashAfter?: number }): Promise<RunResult<T>> {
    const id = randomUUID()
    const inv: Invocation = { writes: 0, crashAfter: options.crashAfter, dead: false }
    this.live.set(id, inv)
    let timer: NodeJS.Timeout | undefined
    try {
      const crashed = new Promise<RunResult<T>['outcome']>((resolve) => (inv.died = () => resolve({ kind: 'crashed' })))
      const timedOut = new Promise<RunResult<T>['outcome']>((resolve) => (timer = setTimeout(() => resolve({ kind: 'timeout' }), options.timeoutMs)))
      const ran = current.run(id, fn).then((value) => ({ kind: 'done' as const, value }))
      // A dead invocation's own error (its connection was cut) is nobody's answer.
      ran.catch(() => {})
      const outcome = await Promise.race([ran, crashed, timedOut])
      return { outcome, writes: inv.writes }
    } finally {
      clearTimeout(timer)
      // Keep a dead invocation known, so whatever it still tries is dropped; forget it later.
      if (inv.dead) setTimeout(() => this.live.delete(id), 60_000).unref()
      else this.live.delete(id)
    }
  }
}
