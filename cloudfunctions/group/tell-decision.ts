import type { Deps } from '../_lib/deps'
import type { GroupDoc, GroupMemberDoc } from '../_lib/documents'
import { notify } from '../_lib/notify'

/**
 * The member hears the leader's decision on their request to join, once: the message is keyed by
 * the membership and the moment of the decision (stored on it by the deciding write), so the
 * leader's retry after a crash, or a second tap, tells nobody twice, and a later request decided
 * again is a new message.
 */
export async function tellDecision(deps: Deps, group: GroupDoc, m: GroupMemberDoc): Promise<void> {
  if (!m.decidedBy || !m.decidedAt) return
  const approved = m.status === 'active'
  if (!approved && m.status !== 'declined') return
  await notify(deps, [
    {
      unionId: group.unionId,
      memberId: m.memberId,
      kind: 'group-decision',
      title: approved ? `申请已通过：${group.name}` : `申请未通过：${group.name}`,
      body: approved ? `组长已同意您加入「${group.name}」，欢迎参加小组活动。` : `组长没有同意您加入「${group.name}」。${m.reason ? `原因：${m.reason}` : ''}`,
      link: `/pages/group/index?id=${group._id}`,
      key: `group-decision:${m._id}:${new Date(m.decidedAt).getTime()}`,
    },
  ])
}
