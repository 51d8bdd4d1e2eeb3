import type { ActionOutput, CampaignView } from '@shared/contract'
import { BUDGET_LINE_LABELS, lineForBenefit } from '@shared/domain/funds'
import { formatMoney, yuanText } from '@shared/domain/money'

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

/**
 * 发放 commits money: before it, how many vouchers at what face value, the total, and the budget
 * line it is committed on (spent when each is redeemed, given back if never used). null when
 * nobody is left to issue to (the loop then just confirms that).
 */
export function issueConfirmText(c: Pick<CampaignView, 'kind' | 'faceValue' | 'progress'>): string | null {
  const count = Math.max(0, c.progress.eligible - c.progress.issued)
  if (count === 0) return null
  return `将给 ${count} 位会员各发 1 张：${count} × ${formatMoney(c.faceValue)} 元 = ${yuanText(count * c.faceValue)}，从「${BUDGET_LINE_LABELS[lineForBenefit(c.kind)]}」预算列支（核销时转为支出，过期未用的退回）。`
}

/**
 * 对象: who the campaign is for, in one phrase that does not contradict itself (退休 members are not
 * 在职), and for a birthday campaign, when each gets theirs.
 */
export function audienceText(c: Pick<CampaignView, 'departmentIds' | 'includeRetired' | 'autoBirthday'>): string {
  const who = `${c.departmentIds.length ? `所选 ${c.departmentIds.length} 个部门的` : '全体'}${c.includeRetired ? '在职和退休会员' : '在职会员'}`
  return c.autoBirthday ? `${who}，每人在生日当月收到一张` : who
}
