/**
 * The only place the client talks to the backend.
 * weapp → wx.cloud.callFunction; h5 (local mode) → POST /fn/<function> on the local CloudBase emulator.
 * Both answer with the shared Envelope; failures become ActionError plus a toast in Chinese.
 */
import Taro from '@tarojs/taro'
import type { ActionInput, ActionName, ActionOutput, Envelope, ErrorCode } from '@shared/contract'
// Runtime values come from errors.ts alone: the contract index pulls in zod schemas the client never needs.
import { ERROR_MESSAGES, isErrorCode } from '@shared/contract/errors'

/** Storage key of the demo account picked in the local login switcher (h5 local mode only). */
export const LOCAL_OPENID_KEY = 'local.openid'

export const NETWORK_MESSAGE = '网络不太好，请稍后再试'

/** ErrorCode from the server, or NETWORK when no answer arrived at all. */
export type ClientErrorCode = ErrorCode | 'NETWORK'

export class ActionError extends Error {
  readonly code: ClientErrorCode
  readonly details?: Readonly<Record<string, unknown>>

  constructor(code: ClientErrorCode, message: string, details?: Readonly<Record<string, unknown>>) {
    super(message)
    this.name = 'ActionError'
    this.code = code
    if (details !== undefined) this.details = details
    // Keep instanceof working when classes are compiled down to ES5.
    Object.setPrototypeOf(this, ActionError.prototype)
  }
}

export interface CallOptions {
  /** Don't toast on failure: the caller shows the error itself. */
  silent?: boolean
}

let cloudReady = false

/**
 * Initialise wx.cloud once (weapp only). With no CLOUD_ENV the SDK uses the environment the
 * mini-program is bound to — the client-side counterpart of DYNAMIC_CURRENT_ENV, which only exists in cloud functions.
 */
export function initCloud(): void {
  if (process.env.TARO_ENV !== 'weapp' || cloudReady) return
  const env = process.env.CLOUD_ENV
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
  cloudReady = true
}

export async function callAction<N extends ActionName>(
  name: N,
  input: ActionInput<N>,
  opts: CallOptions = {},
): Promise<ActionOutput<N>> {
  try {
    const envelope = await send(name, input)
    if (envelope.ok) return envelope.data as ActionOutput<N>
    const { code, message, details } = envelope.error
    throw new ActionError(code, message || ERROR_MESSAGES[code], details)
  } catch (err) {
    const error = toActionError(err)
    if (!opts.silent) void Taro.showToast({ title: error.message, icon: 'none', duration: 2500 })
    throw error
  }
}

/** `member.me` → function `member`, action `me` (split here so the client bundle stays free of zod). */
function split(name: string): { fn: string; action: string } {
  const dot = name.indexOf('.')
  return { fn: name.slice(0, dot), action: name.slice(dot + 1) }
}

async function send(name: ActionName, input: unknown): Promise<Envelope<unknown>> {
  const { fn, action } = split(name)
  const payload = { action, data: input }

  if (process.env.TARO_ENV === 'h5') {
    const openid = readLocalOpenid()
    let res: Taro.request.SuccessCallbackResult<TaroGeneral.IAnyObject | string>
    try {
      res = await Taro.request({
        url: `/fn/${fn}`,
        method: 'POST',
        data: payload,
        header: openid ? { 'content-type': 'application/json', 'x-local-openid': openid } : { 'content-type': 'application/json' },
        timeout: 15000,
      })
    } catch (err) {
      throw new ActionError('NETWORK', NETWORK_MESSAGE, { cause: String(err) })
    }
    // 4xx/5xx bodies are envelopes too; anything else means the server is not answering properly.
    return asEnvelope(res.data, res.statusCode)
  }

  initCloud()
  let res: Taro.cloud.CallFunctionResult
  try {
    res = await Taro.cloud.callFunction({ name: fn, data: payload })
  } catch (err) {
    throw new ActionError('NETWORK', NETWORK_MESSAGE, { cause: String((err as { errMsg?: string })?.errMsg ?? err) })
  }
  return asEnvelope(res.result)
}

function asEnvelope(body: unknown, status?: number): Envelope<unknown> {
  if (body && typeof body === 'object' && 'ok' in body) {
    const env = body as { ok: unknown; data?: unknown; error?: { code?: unknown; message?: unknown; details?: unknown } }
    if (env.ok === true) return { ok: true, data: env.data }
    if (env.ok === false && env.error && isErrorCode(env.error.code)) {
      const message = typeof env.error.message === 'string' ? env.error.message : ''
      const details = env.error.details && typeof env.error.details === 'object' ? (env.error.details as Record<string, unknown>) : undefined
      return { ok: false, error: details ? { code: env.error.code, message, details } : { code: env.error.code, message } }
    }
  }
  throw new ActionError('INTERNAL', ERROR_MESSAGES.INTERNAL, status === undefined ? undefined : { status })
}

function toActionError(err: unknown): ActionError {
  if (err instanceof ActionError) return err
  return new ActionError('INTERNAL', ERROR_MESSAGES.INTERNAL, { cause: String(err) })
}

function readLocalOpenid(): string {
  try {
    const value: unknown = Taro.getStorageSync(LOCAL_OPENID_KEY)
    return typeof value === 'string' ? value : ''
  } catch {
    return ''
  }
}
