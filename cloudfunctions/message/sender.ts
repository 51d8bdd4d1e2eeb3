import type { SubscribeSender } from '../_lib/subscribe-sender'
import { localSender } from './local-sender'
import { wechatSender } from './wechat-sender'

/**
 * The sender for where this runs: the local platform sets UNION_LOCAL_WECHAT_URL (its stand-in for
 * WeChat); on CloudBase it is never set and notices go through wx-server-sdk.
 */
export const senderForPlatform = (): SubscribeSender => {
  const local = process.env.UNION_LOCAL_WECHAT_URL
  return local ? localSender(local) : wechatSender
}
