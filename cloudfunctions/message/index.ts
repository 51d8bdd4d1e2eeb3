import { createMain, type Router } from '../_lib/entry'
import { listMessages } from './handlers/list-messages'
import { readMessage } from './handlers/read-message'
import { readAllMessages } from './handlers/read-all-messages'
import { listTemplates } from './handlers/list-templates'
import { subscribe } from './handlers/subscribe'
import { senderForPlatform } from './sender'
import { pruneMessages } from './timers/prune'
import { sendJob } from './timers/send'

/**
 * 消息 and WeChat subscription messages. A function of its own because it alone sends: only it
 * carries wx-server-sdk and the openapi permission, and its sender timer runs every minute without
 * waking the member function.
 */
export const router: Router<'message'> = {
  list: listMessages,
  read: readMessage,
  readAll: readAllMessages,
  templates: listTemplates,
  subscribe,
}

export const main = createMain('message', router, { timers: { send: sendJob(senderForPlatform), prune: pruneMessages } })
