/**
 * The only place the client talks to the backend.
 * weapp → wx.cloud.callFunction; h5 (local mode) → POST /fn/<function> on the local CloudBase emulator.
 * Both answer with the shared Envelope; failures become ActionError plus a toast in Chinese.
 * Files go the same two ways: wx.cloud.uploadFile, or POST /local/upload on the emulator (uploadFile).
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

export async function callAction<N extends ActionName>(name: N, input: ActionInput<N>, opts: CallOptions = {}): Promise<ActionOutput<N>> {
  try {
    const envelope = await send(name, input)
    if (envelope.ok) {
      if (name === 'member.me') rememberUploadFolder(envelope.data)
      return envelope.data as ActionOutput<N>
    }
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

// —— files ——

export const UPLOAD_FAILED_MESSAGE = '文件没有传上去，请检查网络后重试'

/** A file the member picked: on weapp a temporary path (chooseMessageFile), on h5 the File itself. */
export interface PickedFile {
  readonly name: string
  /** weapp: the temporary file path to upload. */
  readonly path?: string
  /** h5: the File (or any Blob) from an <input type="file">. */
  readonly blob?: Blob
}

/**
 * Cloud storage path for an upload: time and randomness first, so names never collide. Only the
 * characters CloudBase recommends are kept (Chinese would be percent-encoded); the real file name
 * travels separately, e.g. as importCheck's `fileName`.
 */
export function uploadCloudPath(name: string, now = Date.now(), random = Math.random(), folder = 'uploads'): string {
  const safe = name.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(-80) || 'file'
  return `${folder.replace(/\/+$/, '')}/${now}-${random.toString(36).slice(2, 10)}-${safe}`
}

/**
 * The caller's own upload folder (`uploads/<openid>`), named by member.me: functions attach only
 * files from it (纪实 photos…). Remembered from any member.me answer; asked for once if unknown.
 */
let knownUploadFolder: string | undefined

function rememberUploadFolder(me: unknown): void {
  const folder = (me as { uploadFolder?: unknown } | null)?.uploadFolder
  if (typeof folder === 'string' && folder) knownUploadFolder = folder
}

async function uploadFolder(): Promise<string> {
  if (!knownUploadFolder) {
    try {
      await callAction('member.me', {}, { silent: true })
    } catch {
      // Not bound yet, or offline: the shared folder still takes files that nothing checks by folder.
    }
  }
  return knownUploadFolder ?? 'uploads'
}

/** Tests only: forget the remembered folder. */
export function forgetUploadFolder(): void {
  knownUploadFolder = undefined
}

/**
 * Uploads a picked file to cloud storage and answers its fileId (`cloud://…`), which actions such
 * as `member.importCheck` take. Failures toast (unless silent) and throw ActionError like callAction.
 */
export async function uploadFile(file: PickedFile, opts: CallOptions = {}): Promise<string> {
  try {
    return process.env.TARO_ENV === 'h5' ? await uploadLocal(file) : await uploadCloud(file)
  } catch (err) {
    const error = err instanceof ActionError ? err : new ActionError('NETWORK', UPLOAD_FAILED_MESSAGE, { cause: String(err) })
    if (!opts.silent) void Taro.showToast({ title: error.message, icon: 'none', duration: 2500 })
    throw error
  }
}

async function uploadCloud(file: PickedFile): Promise<string> {
  if (!file.path) throw new ActionError('INVALID_ARGUMENT', '没有读到这个文件，请重新选择')
  initCloud()
  const folder = await uploadFolder()
  let res: Taro.cloud.UploadFileResult
  try {
    res = await Taro.cloud.uploadFile({ cloudPath: uploadCloudPath(file.name, Date.now(), Math.random(), folder), filePath: file.path })
  } catch (err) {
    throw new ActionError('NETWORK', UPLOAD_FAILED_MESSAGE, { cause: String((err as { errMsg?: string })?.errMsg ?? err) })
  }
  if (!res?.fileID) throw new ActionError('NETWORK', UPLOAD_FAILED_MESSAGE)
  return res.fileID
}

/** The local emulator's stand-in for wx.cloud.uploadFile: the raw body to /local/upload, answering { fileId }. */
async function uploadLocal(file: PickedFile): Promise<string> {
  if (!file.blob) throw new ActionError('INVALID_ARGUMENT', '没有读到这个文件，请重新选择')
  const openid = readLocalOpenid()
  let res: Response
  try {
    res = await fetch(`/local/upload?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: openid ? { 'x-local-openid': openid } : {},
      body: file.blob,
    })
  } catch (err) {
    throw new ActionError('NETWORK', UPLOAD_FAILED_MESSAGE, { cause: String(err) })
  }
  let body: unknown
  try {
    body = await res.json()
  } catch {
    body = undefined
  }
  const fileId = (body as { fileId?: unknown } | undefined)?.fileId
  if (res.ok && typeof fileId === 'string' && fileId) return fileId
  // Refusals (not logged in, too large) come as envelopes with a Chinese message.
  const envelope = asEnvelopeOrNull(body)
  if (envelope && !envelope.ok) throw new ActionError(envelope.error.code, envelope.error.message || ERROR_MESSAGES[envelope.error.code])
  throw new ActionError('NETWORK', UPLOAD_FAILED_MESSAGE, { status: res.status })
}

/**
 * weapp: fetches a file the server exported (e.g. the invite spreadsheet) to a temporary path for
 * Taro.openDocument. wx.cloud.downloadFile needs no domain allow-list; the temporary link is the
 * fallback. Throws ActionError (no toast: the caller offers to copy the link instead).
 */
export async function downloadCloudFile(fileId: string, url: string): Promise<string> {
  initCloud()
  // Some exports answer with a link only (no fileId): then the link is the only way.
  if (fileId) {
    try {
      const res = await Taro.cloud.downloadFile({ fileID: fileId })
      if (res.tempFilePath) return res.tempFilePath
    } catch {
      // try the link below
    }
  }
  try {
    const res = await Taro.downloadFile({ url })
    if (res.statusCode === 200 && res.tempFilePath) return res.tempFilePath
  } catch {
    // reported below
  }
  throw new ActionError('NETWORK', '文件没有下载下来，请稍后再试')
}

function asEnvelopeOrNull(body: unknown): Envelope<unknown> | null {
  try {
    return asEnvelope(body)
  } catch {
    return null
  }
}
