import type { ErrorCode } from './errors'

export interface ErrorBody {
  readonly code: ErrorCode
  readonly message: string
  readonly details?: Readonly<Record<string, unknown>>
}

/** Every function answers with this envelope, success or failure. */
export type Envelope<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: ErrorBody }

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data })

export const fail = (code: ErrorCode, message: string, details?: Record<string, unknown>): Envelope<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
})
