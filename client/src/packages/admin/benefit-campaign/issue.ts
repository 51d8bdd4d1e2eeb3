import type { ActionOutput } from '@shared/contract'

export type IssueAnswer = ActionOutput<'benefit.issue'>

/** Far more batches than any union needs; a guard against a server that never says done. */
export const MAX_ISSUE_STEPS = 1000

/**
 * 发放: calls `benefit.issue` batch after batch until the server says done, reporting each answer
 * (issued / eligible) for the progress bar. A failure stops here and is thrown; calling again
 * simply carries on — the server issues only what is still missing.
 */
export async function issueAll(issue: () => Promise<IssueAnswer>, onStep: (answer: IssueAnswer) => void, maxSteps = MAX_ISSUE_STEPS): Promise<IssueAnswer> {
  let last: IssueAnswer | undefined
  for (let i = 0; i < maxSteps; i++) {
    last = await issue()
    onStep(last)
    if (last.done) return last
  }
  throw new Error('发放批次过多，请稍后再点「继续发放」')
}

/** 0–100 for the bar: issued of eligible (done counts as full). */
export function issuePercent(a: Pick<IssueAnswer, 'issued' | 'eligible' | 'done'> | undefined): number {
  if (!a) return 0
  if (a.eligible <= 0) return a.done ? 100 : 0
  return Math.min(100, Math.round((a.issued / a.eligible) * 100))
}
