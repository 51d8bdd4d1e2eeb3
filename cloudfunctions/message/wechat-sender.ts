import { outcomeOf, withTimeout, type SubscribeSender } from '../_lib/subscribe-sender'

/** The part of wx-server-sdk the sender uses (the package is installed with this function only). */
interface WxCloud {
  DYNAMIC_CURRENT_ENV: unknown
  init(options: { env: unknown }): void
  openapi: { subscribeMessage: { send(params: Record<string, unknown>): Promise<{ errCode?: number; errMsg?: string }> } }
}

let cloud: WxCloud | undefined

/** Loaded on first use, so the local platform and tests never need the package. */
function wx(): WxCloud {
  if (!cloud) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    cloud = require('wx-server-sdk') as WxCloud
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  }
  return cloud
}

/**
 * Production: `cloud.openapi.subscribeMessage.send` through the cloud call channel (needs the
 * `subscribeMessage.send` openapi permission in config.json). wx-server-sdk throws on a non-zero
 * errCode, with `errCode` on the error.
 */
export const wechatSender: SubscribeSender = {
  async send(notice, timeoutMs) {
    const attempt = wx()
      .openapi.subscribeMessage.send({ ...notice, lang: 'zh_CN' })
      .then((res) => outcomeOf(res?.errCode ?? 0, res?.errMsg ?? ''))
      .catch((error: { errCode?: unknown; errMsg?: unknown; message?: unknown }) =>
        outcomeOf(typeof error?.errCode === 'number' ? error.errCode : null, String(error?.errMsg ?? error?.message ?? error)),
      )
    return withTimeout(attempt, timeoutMs, () => outcomeOf(null, `no answer within ${timeoutMs} ms`))
  },
}
