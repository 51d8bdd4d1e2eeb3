import type { MemberCardView } from '@shared/contract'
import { calendarDayText } from '@shared/domain/time'

/** The card's facts in the order a union card prints them; the joining date in the house style. */
export function cardFacts(
  card: Pick<MemberCardView, 'memberNo' | 'department' | 'joinDate' | 'status'>,
  now: Date = new Date(),
): Array<{ key: string; label: string; value: string }> {
  return [
    { key: 'no', label: '会员编号', value: card.memberNo },
    { key: 'department', label: '所在部门', value: card.department },
    { key: 'joined', label: '入会日期', value: card.joinDate ? calendarDayText(card.joinDate, now) : '未登记' },
    { key: 'status', label: '会员状态', value: card.status },
  ]
}
