import type { GroupCard } from '@shared/contract'
import { isFull } from '../../constants/groups'

export type JoinMove = 'join' | 'leave' | 'withdraw'

/** What the group page offers a member, from where they stand with the group. */
export interface JoinView {
  /** A tag next to the button: 已加入 / 待组长审核. */
  readonly tag?: { readonly text: string; readonly tone: 'ok' | 'waiting' }
  /** The one button, if any (union groups have none). */
  readonly button?: { readonly text: string; readonly move: JoinMove; readonly disabled?: boolean; readonly plain?: boolean }
  /** A line under it, e.g. why there is no button. */
  readonly note?: string
}

/**
 * @param amLeader the caller is one of this group's leaders (not merely an admin): they cannot leave
 *   before handing the group over, so they are told how instead of being offered 退出小组.
 */
export function joinViewOf(g: Pick<GroupCard, 'kind' | 'joinPolicy' | 'myStatus' | 'memberCount' | 'sizeLimit'>, amLeader = false): JoinView {
  if (g.kind === 'department') {
    return { tag: g.myStatus === 'active' ? { text: '本部门', tone: 'ok' } : undefined, note: '成员随会员名册自动变化，无需申请加入' }
  }
  if (g.myStatus === 'active' && amLeader) return { tag: { text: '我是组长', tone: 'ok' }, note: '如需退出，请先在「成员管理」里把组长移交给其他成员' }
  if (g.myStatus === 'active') return { tag: { text: '已加入', tone: 'ok' }, button: { text: '退出小组', move: 'leave', plain: true } }
  if (g.myStatus === 'pending')
    return {
      tag: { text: '待组长审核', tone: 'waiting' },
      button: { text: '撤回申请', move: 'withdraw', plain: true },
      note: '组长审核通过后，你就会出现在成员名单里',
    }
  if (isFull(g)) return { button: { text: '已满员', move: 'join', disabled: true }, note: '小组人数已满，有成员退出后可以再来看看' }
  return g.joinPolicy === 'approval' ? { button: { text: '申请加入', move: 'join' }, note: '加入需要组长审核' } : { button: { text: '加入', move: 'join' } }
}
