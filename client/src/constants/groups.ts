import { formatShanghai } from '@shared/domain/time'
import type { GroupCard, GroupKind, JoinPolicy } from '@shared/contract'

/** How the two kinds of group and the two ways in are named to members. */
export const KIND_LABELS: Readonly<Record<GroupKind, string>> = { interest: '兴趣小组', department: '工会小组' }
export const POLICY_LABELS: Readonly<Record<JoinPolicy, string>> = { open: '直接加入', approval: '需组长审核' }

type Counted = Pick<GroupCard, 'memberCount' | 'sizeLimit'>

/** An interest group with a limit that every seat of is taken. */
export const isFull = (g: Counted): boolean => g.sizeLimit !== null && g.memberCount >= g.sizeLimit

/** 「12 人」, or 「12 / 30 人」 where there is a limit. */
export const countText = (g: Counted): string => (g.sizeLimit === null ? `${g.memberCount} 人` : `${g.memberCount} / ${g.sizeLimit} 人`)

export { withId, idParam } from './routes'

/**
 * Today in union time (Asia/Shanghai, +08:00 all year), as YYYY-MM-DD (纪实 and payment dates,
 * pickers): the functions check dates by the Shanghai calendar, whatever zone the phone is set to.
 */
export const todayText = (now = new Date()): string => formatShanghai(now, 'YYYY-MM-DD')
