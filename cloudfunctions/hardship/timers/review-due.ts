import type { TimerJob } from '../../_lib/entry'
import type { HardshipFileDoc } from '../records'
import { notify, type Message } from '../../_lib/notify'
import { claimReminder, filesToRemind, todayIn } from '../files.repo'
import { reviewersOf } from '../people.repo'

const NAMES_SHOWN = 5

/**
 * Hourly: hardship files whose review date has come are claimed one by one (a conditional write, so
 * overlapping runs remind once per review date), and each union's reviewers get one message listing them.
 */
export const remindReviewDue: TimerJob = async (deps) => {
  const due = await filesToRemind(deps, todayIn(deps))
  const byUnion = new Map<string, HardshipFileDoc[]>()
  for (const f of due) {
    if (!(await claimReminder(deps, f))) continue
    byUnion.set(f.unionId, [...(byUnion.get(f.unionId) ?? []), f])
  }
  let reminded = 0
  for (const [unionId, files] of byUnion) {
    const names = files.map((f) => f.memberName)
    const body = `${names.slice(0, NAMES_SHOWN).join('、')}${names.length > NAMES_SHOWN ? ' 等' : ''}共 ${names.length} 份档案到了复核时间，请走访核实后更新。`
    const messages: Message[] = (await reviewersOf(deps, unionId)).map((memberId) => ({
      unionId,
      memberId,
      kind: 'hardship-review-due',
      title: '困难职工档案到期复核',
      body,
      link: '/packages/reviewer/files/index?due=1',
    }))
    await notify(deps, messages)
    reminded += messages.length
  }
  return { due: due.length, files: [...byUnion.values()].reduce((n, f) => n + f.length, 0), reminded }
}
