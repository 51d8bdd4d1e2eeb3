/**
 * The port the message sender pushes WeChat one-time subscription messages through. Production's
 * implementation calls `cloud.openapi.subscribeMessage.send` (wx-server-sdk); locally and in tests
 * the local platform's recording stand-in answers, so tests can read what was sent and make it
 * answer 43101, 47003 or not at all.
 */
export interface SubscribeNotice {
  /** The member's openid. */
  readonly touser: string
  readonly templateId: string
  /** The mini-program page a tap on the notice opens (no leading slash, as WeChat takes it). */
  readonly page: string
  readonly data: Readonly<Record<string, { readonly value: string }>>
  /** developer / trial / formal: which build of the mini-program the tap opens. */
  readonly miniprogramState: 'developer' | 'trial' | 'formal'
}

/** How a send ended, sorted by what the sender does next. */
export type SendOutcome =
  | { readonly kind: 'sent' }
  /** 43101: the member has no acceptance left for this template (or refused it). */
  | { readonly kind: 'no-credit'; readonly code: number }
  /** WeChat will never take this notice (47003 bad data, a bad template id or page, …). */
  | { readonly kind: 'rejected'; readonly code: number; readonly message: string }
  /** A timeout, WeChat busy, a network error: the same notice may go through later. */
  | { readonly kind: 'transient'; readonly code: number | null; readonly message: string }

export interface SubscribeSender {
  send(notice: SubscribeNotice, timeoutMs: number): Promise<SendOutcome>
}

/**
 * WeChat errcodes that will not change on a retry. Everything not listed here and not 43101 is
 * treated as passing (-1 系统繁忙, 45009 频率限制, network errors, timeouts).
 * 40003 openid 无效, 40037 模板 id 无效, 41028/41029 form_id, 41030 page 路径不正确, 47003 模板参数不准确.
 */
const PERMANENT = new Set([40003, 40037, 41028, 41029, 41030, 47003, 47001, 40036])

/** Sorts a WeChat answer (errcode, errmsg) into what the sender does next. */
export function outcomeOf(code: number | null, message: string): SendOutcome {
  if (code === 0) return { kind: 'sent' }
  if (code === 43101) return { kind: 'no-credit', code }
  if (code !== null && PERMANENT.has(code)) return { kind: 'rejected', code, message }
  return { kind: 'transient', code, message }
}

/** Races a send against its time budget: the sender must finish well inside its lease. */
export function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(onTimeout()), ms)))
  return Promise.race([work, late]).finally(() => clearTimeout(timer))
}
