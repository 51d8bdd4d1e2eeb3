import type { ActionError } from '../../services/cloud'

/** 「123 456」: two groups of three, easier to read out. */
export const spacedCode = (code: string): string => (code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code)

/** Under the code: the countdown, or why the last refresh failed (the code above stays usable a while). */
export const countdownText = (error: ActionError | undefined, secondsLeft: number): string =>
  error ? (error.code === 'NETWORK' ? '网络不太好，正在重试…' : error.message) : `${secondsLeft} 秒后自动刷新`
