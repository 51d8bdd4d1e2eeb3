import type { TimerJob } from '../../_lib/entry'
import { finishLeftSteps } from '../follow-ups'
import { remindReviewDue } from './review-due'

/**
 * The hourly trigger (config.json `reviewDue`): reviewers are reminded of files due for review, and
 * steps whose call died before their audit entry and messages are finished (the repair job).
 */
export const hourly: TimerJob = async (...args: Parameters<TimerJob>) => {
  const [deps, context] = args as unknown as [Parameters<TimerJob>[0], { readonly timeLimitMs?: number } | undefined]
  const reminders = await remindReviewDue(...args)
  return { ...reminders, ...(await finishLeftSteps(deps, context)) }
}
