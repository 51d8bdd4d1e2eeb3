import { randomUUID } from 'node:crypto'
import {
  actions,
  fail,
  ok,
  parseInput,
  type ActionName,
  type ActionOf,
  type ActionOutput,
  type ActionParsed,
  type ActionsOf,
  type Envelope,
  type FunctionName,
  type NeedsMember,
} from '@shared/contract'
import { mayCall } from '@shared/domain/authorization'
import { AppError } from './app-error'
import { callerFromContext, type Caller } from './identity'
import { defaultDeps, type Deps } from './deps'
import { callerTag, jsonLogger } from './log'
import { requireMember, type CallerMember } from './membership'
import { isRateLimited, retryRateLimited, type RetryPolicy } from './rate-limit-retry'

/** What a member reads when CloudBase kept refusing for load even after the retries. */
export const BUSY_MESSAGE = '当前使用人数较多，请稍后再试'

interface BaseContext<N extends ActionName> {
  readonly deps: Deps
  readonly caller: Caller
  readonly input: ActionParsed<N>
  /**
   * This function's time limit (the platform's context carries it). An invocation is certainly over
   * once this long has passed since it started, so a claim older than this was left by one that died.
   */
  readonly timeLimitMs: number
  /**
   * The platform's id of this invocation, the same for every rate-limit re-run of the handler inside
   * it: a claim stamped with it is recognised as this call's own when the handler runs again.
   */
  readonly requestId: string
}

/** Actions whose access rule needs a bound member get that member, already checked against the rule. */
export type HandlerContext<N extends ActionName> = NeedsMember<N> extends true ? BaseContext<N> & { readonly me: CallerMember } : BaseContext<N>

export type Handler<N extends ActionName> = (ctx: HandlerContext<N>) => Promise<ActionOutput<N>>

/** A function's router: one handler per action of the contract, so a missing one fails to compile. */
export type Router<F extends FunctionName> = { readonly [N in ActionsOf<F> as ActionOf<N>]: Handler<N> }

/** What a timer job knows of its run: like a handler, the time limit (a claim older than it was left by a dead invocation). */
export interface TimerContext {
  readonly timeLimitMs: number
}

/** A job a timer trigger runs (declared in the function's config.json `triggers`). */
export type TimerJob = (deps: Deps, context: TimerContext) => Promise<Record<string, unknown>>

export interface EntryOptions {
  /** Tests and the bench inject their own clock, ids and secrets. */
  readonly deps?: () => Deps
  /** Timer triggers by name. A timer event counts only when no WeChat user made the call. */
  readonly timers?: Readonly<Record<string, TimerJob>>
  /** How a call refused by CloudBase's rate limit is retried (tests shorten the waits). */
  readonly rateLimitRetry?: Partial<RetryPolicy>
}

type AnyHandler = (ctx: BaseContext<ActionName> & { me?: CallerMember }) => Promise<unknown>

/**
 * The wrapper every cloud function's `main` is: identity from the platform context, input parsed
 * by the contract's schema, errors mapped to the envelope, one structured log line per call.
 */
export function createMain<F extends FunctionName>(fn: F, router: Router<F>, options: EntryOptions = {}) {
  const handlers = router as unknown as Record<string, AnyHandler | undefined>
  let deps: Deps | undefined
  const getDeps = () => (deps ??= (options.deps ?? (() => defaultDeps(fn)))())

  return async function main(event: unknown, context: unknown): Promise<Envelope<unknown>> {
    const started = Date.now()
    const requestId = readRequestId(context)
    const log = jsonLogger({ fn, requestId })
    const body = (event && typeof event === 'object' ? event : {}) as { action?: unknown; data?: unknown }
    const action = typeof body.action === 'string' ? body.action : ''
    const name = `${fn}.${action}` as ActionName
    const finish = (result: Envelope<unknown>, caller?: Caller) => {
      log(result.ok ? 'info' : 'warn', 'call', {
        action,
        ok: result.ok,
        code: result.ok ? undefined : result.error.code,
        caller: caller ? callerTag(caller.openid) : undefined,
        ms: Date.now() - started,
      })
      return result
    }

    // A rate-limited attempt is run again whole (handlers and jobs are safe to re-run), after a short
    // wait; only while half the time limit is left for the run, so the member hears RATE_LIMITED
    // rather than the platform killing the call.
    const timeLimitMs = readTimeLimit(context)
    const retrying = <T>(attempt: () => Promise<T>) =>
      retryRateLimited(attempt, options.rateLimitRetry, {
        onRetry: (retry, waitMs) => log('warn', 'rate-limited-retry', { action, retry, waitMs }),
        canWait: (waitMs) => Date.now() - started + waitMs <= timeLimitMs / 2,
      })

    const timer = timerJob(options.timers, event, context)
    if (timer) {
      try {
        const data = await retrying(() => timer.job(getDeps(), { timeLimitMs }))
        log('info', 'timer', { trigger: timer.name, ms: Date.now() - started, ...data })
        return ok(data)
      } catch (error) {
        log('error', 'timer-failed', { trigger: timer.name, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) })
        return isRateLimited(error) ? fail('RATE_LIMITED', BUSY_MESSAGE) : fail('INTERNAL', '定时任务失败')
      }
    }

    const handler = Object.prototype.hasOwnProperty.call(handlers, action) ? handlers[action] : undefined
    if (!action || !handler || !Object.prototype.hasOwnProperty.call(actions, name)) {
      return finish(fail('NOT_FOUND', '没有这个操作', { action }))
    }
    const caller = callerFromContext(context)
    if (!caller) return finish(fail('UNAUTHENTICATED', '无法确认您的身份，请在微信中重新打开小程序'))

    const def = actions[name] as { input: (typeof actions)[ActionName]['input']; labels?: Record<string, string> }
    const parsed = parseInput(def.input, body.data ?? {}, def.labels)
    if (!parsed.ok) {
      const [first] = parsed.problems
      return finish(fail('INVALID_ARGUMENT', first.message, { field: first.field, problems: parsed.problems }), caller)
    }

    try {
      const access = actions[name].access
      const data = await retrying(async () => {
        let me: CallerMember | undefined
        if (access.kind === 'member') {
          me = await requireMember(getDeps(), caller)
          if (!mayCall(me.subject, access)) throw new AppError('FORBIDDEN')
        }
        return handler({ deps: getDeps(), caller, input: parsed.value as never, me, timeLimitMs, requestId })
      })
      return finish(ok(data), caller)
    } catch (error) {
      if (error instanceof AppError) return finish(fail(error.code, error.message, error.details), caller)
      if (isRateLimited(error)) return finish(fail('RATE_LIMITED', BUSY_MESSAGE), caller)
      log('error', 'unexpected', {
        action,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        stack: error instanceof Error ? error.stack : undefined,
      })
      return finish(fail('INTERNAL', '系统繁忙，请稍后再试'), caller)
    }
  }
}

/**
 * CloudBase calls a timer trigger with `{ Type: 'Timer', TriggerName }` and no WeChat user. A user
 * could send the same shape from the mini-program, but then the context names them: refused here.
 */
function timerJob(timers: EntryOptions['timers'], event: unknown, context: unknown): { name: string; job: TimerJob } | null {
  if (!timers || !event || typeof event !== 'object') return null
  const { Type, TriggerName } = event as { Type?: unknown; TriggerName?: unknown }
  if (Type !== 'Timer' || typeof TriggerName !== 'string' || !Object.prototype.hasOwnProperty.call(timers, TriggerName)) return null
  if (callerFromContext(context)) return null
  return { name: TriggerName, job: timers[TriggerName] }
}

/** CloudBase's default when a context does not say (3 s); ours are configured in cloudbaserc.json. */
function readTimeLimit(context: unknown): number {
  const ms = context && typeof context === 'object' ? (context as { time_limit_in_ms?: unknown }).time_limit_in_ms : undefined
  return typeof ms === 'number' && ms > 0 ? ms : 3000
}

function readRequestId(context: unknown): string {
  const id = context && typeof context === 'object' ? (context as { request_id?: unknown }).request_id : undefined
  return typeof id === 'string' && id ? id : randomUUID()
}
