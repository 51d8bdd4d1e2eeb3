import { dateTimeText, inShanghai, shanghaiYear } from '@shared/domain/time'
import type { TimerJob } from '../../_lib/entry'
import type { Deps } from '../../_lib/deps'
import type { CampaignDoc, MemberDoc, VoucherDoc } from '../../_lib/documents'
import { notify } from '../../_lib/notify'
import { readAll } from '../../_lib/read-all'
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
  const swept = await deps.db.collection('live_codes').where({ expiresAt: deps.db.command.lt(new Date(now.getTime() - 3600_000)) }).remove()
  return { birthdays, reminded, choiceReminded, released, repaired, swept: swept.deleted ?? 0 }
}

async function issueBirthdayVouchers(deps: Deps, timeLimitMs: number): Promise<number> {
  const now = deps.clock.now()
  const month = inShanghai(now).month() + 1
  const campaigns = await readAll<CampaignDoc>(deps.db.collection('campaigns').where({ kind: 'cake', autoBirthday: true, year: shanghaiYear(now), redeemUntil: deps.db.command.gt(now) }), 100, 1000)
  const due = (m: MemberDoc) => Boolean(m.birthday) && Number(m.birthday!.slice(0, 2)) <= month
  let issued = 0
  for (const c of campaigns) {
    let current = c
    for (let i = 0; i < MAX_BATCHES; i++) {
      const step = await issueBatch(deps, current, SYSTEM, timeLimitMs, due)
      issued += step.issuedNow
      if (step.done) break
      current = (await deps.db.collection('campaigns').doc(c._id).get()).data[0] as CampaignDoc
    }
  }
  return issued
}

/**
 * Each reminder is keyed by its voucher and written before the voucher is marked reminded: a run
 * cut between the two writes reminds nobody twice when it runs again, and forgets nobody.
 */
async function remindExpiring(deps: Deps): Promise<number> {
  const { db, clock } = deps
  const _ = db.command
  const now = clock.now()
  const soon = await readAll<VoucherDoc>(db.collection('vouchers').where({ status: 'issued', remindedAt: null, redeemUntil: _.gt(now).and(_.lte(new Date(now.getTime() + REMIND_BEFORE_MS))) }), 500, 20_000)
  await notify(deps, soon.map((v) => ({ key: `voucher-expiring:${v._id}`, unionId: v.unionId, memberId: v.memberId, kind: 'voucher-expiring' as const, title: `福利即将过期：${v.name}`, body: `请在 ${dateTimeText(v.redeemUntil, now)} 前使用。`, link: '/pages/benefits/index' })))
  for (let i = 0; i < soon.length; i += 500) {
    await db.collection('vouchers').where({ _id: _.in(soon.slice(i, i + 500).map((v) => v._id)), remindedAt: null }).update({ remindedAt: now })
  }
  return soon.length
}
