import * as cloudbase from '@cloudbase/node-sdk'

/** Who is calling, as the platform says — never as the request says. */
export interface Caller {
  readonly openid: string
  readonly appid?: string
}

/**
 * Reads the WeChat identity the platform put into this invocation's context. Per call, not from
 * process.env, so concurrent invocations in one process keep their own callers.
 */
export function callerFromContext(context: unknown): Caller | null {
  if (!context || typeof context !== 'object' || !('environment' in context || 'environ' in context)) return null
  let env: Record<string, unknown>
  try {
    env = cloudbase.getCloudbaseContext(context as Parameters<typeof cloudbase.getCloudbaseContext>[0]) as unknown as Record<string, unknown>
  } catch {
    return null
  }
  const openid = typeof env.WX_OPENID === 'string' ? env.WX_OPENID : ''
  if (!openid) return null
  return { openid, appid: typeof env.WX_APPID === 'string' ? env.WX_APPID : undefined }
}
