import { ERROR_MESSAGES, type ErrorCode } from '@shared/contract'

/** A refusal the caller should read: its code is from the closed set, its message is Chinese. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_MESSAGES[code],
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export const forbidden = (message?: string) => new AppError('FORBIDDEN', message)
export const notFound = (message?: string) => new AppError('NOT_FOUND', message)
export const invalid = (message: string, details?: Record<string, unknown>) => new AppError('INVALID_ARGUMENT', message, details)
export const conflict = (message?: string) => new AppError('CONFLICT', message)
