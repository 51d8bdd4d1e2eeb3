import type { CallerMember } from '../_lib/membership'
import type { Reader } from '../_lib/messages.repo'

/** The caller as a reader of 消息: their own messages, and reviewer notices while they hold the role. */
export const readerOf = (me: CallerMember): Reader => ({ unionId: me.unionId, memberId: me.member._id, reviewer: me.roles.some((r) => r.role === 'reviewer') })
