/** The closed set of error codes every action may answer with. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'NOT_BOUND',
  'FORBIDDEN',
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'CONFLICT',
  'FULL',
  'CLOSED',
  'ALREADY_REDEEMED',
  'EXPIRED',
  'RATE_LIMITED',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** What a member reads when a call fails and the server sent no better sentence. */
export const ERROR_MESSAGES: Readonly<Record<ErrorCode, string>> = {
  UNAUTHENTICATED: '无法确认您的身份，请在微信中重新打开小程序',
  NOT_BOUND: '请先绑定会员身份',
  FORBIDDEN: '您没有权限进行此操作',
  INVALID_ARGUMENT: '填写的内容有误，请检查后重试',
  NOT_FOUND: '没有找到相关内容',
  CONFLICT: '内容已被修改或重复提交，请刷新后重试',
  FULL: '名额已满',
  CLOSED: '当前不在办理时间内',
  ALREADY_REDEEMED: '该券已被使用',
  EXPIRED: '已过期',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  INTERNAL: '系统繁忙，请稍后再试',
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}
