import { dateTimeText, inShanghai, shanghaiYear } from '@shared/domain/time'
import type { TimerJob } from '../../_lib/entry'
import type { Deps } from '../../_lib/deps'
import type { MemberDoc } from '../../_lib/documents'
import { sweepLiveCodes } from '../../_lib/live-codes'
import { notify } from '../../_lib/notify'
import { birthdayCampaigns, campaignById } from '../campaigns.repo'
import { expiringBetween, markReminded } from '../vouchers.repo'
import { issueBatch } from '../issue'
import { releaseExpired } from '../release'
import { repairBenefits } from '../repair'
import { SYSTEM } from '../postings'
import { remindChoiceClosing } from './remind-choice'

const REMIND_BEFORE_MS = 3 * 24 * 3600 * 1000
/** Safety stop for one run (each batch is 500 members). */
const MAX_BATCHES = 400

/**
 * Once a day: cake vouchers for members whose birthday month has come (campaigns marked for it;
 * members who joined later are caught up), reminders three days before vouchers expire (each
 * voucher once), what expired unredeemed released, the books and gift stock reconciled with the
 * vouchers (repair), and expired six-digit codes swept away. Every step can be cut and run again.
 */
export const daily: TimerJob = async (deps, { timeLimitMs }) => {
  const birthdays = await issueBirthdayVouchers(deps, timeLimitMs)
  const reminded = await remindExpiring(deps)
  const choiceReminded = await remindChoiceClosing(deps)
  const released = await releaseExpired(deps, timeLimitMs)
  const repaired = await repairBenefits(deps, timeLimitMs)
  const now = deps.clock.now()
  const swept = await sweepLiveCodes(deps, new Date(now.getTime() - 3600_000))
  return { birthdays, reminded, choiceReminded, released, repaired, swept }
}

async function issueBirthdayVouchers(deps: Deps, timeLimitMs: number): Promise<number> {
  const now = deps.clock.now()
  const month = inShanghai(now).month() + 1
  const campaigns = await birthdayCampaigns(deps, shanghaiYear(now), now)
  const due = (m: MemberDoc) => Boolean(m.birthday) && Number(m.birthday!.slice(0, 2)) <= month
  let issued = 0
  for (const c of campaigns) {
    let current = c
    for (let i = 0; i < MAX_BATCHES; i++) {
      const step = await issueBatch(deps, current, SYSTEM, timeLimitMs, due)
      issued += step.issuedNow
      if (step.done) break
      current = (await campaignById(deps, c._id))!
    }
  }
  return issued
}

/**
 * Each reminder is keyed by its voucher and written before the voucher is marked reminded: a run
 * cut between the two writes reminds nobody twice when it runs again, and forgets nobody.
 */
async function remindExpiring(deps: Deps): Promise<number> {
  const now = deps.clock.now()
  const soon = await expiringBetween(deps, now, new Date(now.getTime() + REMIND_BEFORE_MS))
  await notify(
    deps,
    soon.map((v) => ({
      key: `voucher-expiring:${v._id}`,
      unionId: v.unionId,
      memberId: v.memberId,
      kind: 'voucher-expiring' as const,
      title: `福利即将过期：${v.name}`,
      body: `请在 ${dateTimeText(v.redeemUntil, now)} 前使用。`,
      link: '/pages/benefits/index',
    })),
  )
  await markReminded(
    deps,
    soon.map((v) => v._id),
    now,
  )
  return soon.length
}
