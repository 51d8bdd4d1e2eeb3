import { dateTimeText, inShanghai } from '@shared/domain/time'
import type { Deps } from '../../_lib/deps'
import { notify } from '../../_lib/notify'
import { choiceClosingBetween } from '../vouchers.repo'

/**
 * 选择截止前一天: members who have not chosen their gift are told the day before the choice closes
 * (every deadline before the end of tomorrow, Shanghai time). The message is keyed by the voucher,
 * so the daily run on the deadline's own day, or a run repeated after a cut, tells nobody twice;
 * the voucher itself is not touched.
 */
export async function remindChoiceClosing(deps: Deps): Promise<number> {
  const now = deps.clock.now()
  const endOfTomorrow = inShanghai(now).add(1, 'day').endOf('day').toDate()
  const open = await choiceClosingBetween(deps, now, endOfTomorrow)
  await notify(
    deps,
    open.map((v) => ({
      key: `gift-choice-closing:${v._id}`,
      unionId: v.unionId,
      memberId: v.memberId,
      kind: 'gift-choice-closing' as const,
      title: `请选择礼品：${v.name}`,
      body: `礼品选择将于 ${dateTimeText(v.claimClosesAt, now)} 截止，请尽快在「福利」中选择。`,
      link: '/pages/benefits/index',
    })),
  )
  return open.length
}
