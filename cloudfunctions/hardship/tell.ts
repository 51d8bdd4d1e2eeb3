import { calendarDayText } from '@shared/domain/time'
import { formatMoney } from '@shared/domain/money'
import { PAYMENT_METHOD_LABELS, type StepKind } from '@shared/domain/hardship'
import type { Deps } from '../_lib/deps'
import type { HardshipRequestDoc } from './records'
import { notify, type Message } from '../_lib/notify'
import { reviewersOf } from './people.repo'
import { derivedId, memberLink, reviewerLink } from './requests.repo'

/** Who took a step: the caller, or (for a step finished later by a retry or the repair job) the actor its timeline names. */
export interface StepActor {
  readonly member: { readonly _id: string; readonly name: string }
}

/** What the member and the reporter read about a step. Never the description: only category, amounts, reasons. */
function stepBody(req: HardshipRequestDoc, step: StepKind, me: StepActor): string | null {
  const last = req.steps[req.steps.length - 1]
  switch (step) {
    case 'take':
      return `审核人${me.member.name}已受理，正在审核。`
    case 'approve':
      return `已批准 ${formatMoney(req.approvedFen ?? 0)} 元，待发放。`
    case 'return':
      return `需要补充材料：${last?.note ?? ''}`
    case 'reject':
      return `未获批准：${last?.note ?? ''}`
    case 'pay':
      return req.payment
        ? `${formatMoney(req.payment.amountFen)} 元已于 ${calendarDayText(req.payment.paidOn, req.payment.at)} 发放（${PAYMENT_METHOD_LABELS[req.payment.method]}）。`
        : null
    case 'withdraw':
      return `${me.member.name}撤回了这条申请。`
    case 'resubmit':
      return `${me.member.name}补充了材料，已重新提交。`
    case 'submit':
      return null
  }
}

/**
 * After a step: the member and the reporter are told (not whoever took the step), and reviewers learn
 * of work — a new or resubmitted request for all of them (`reviewers`), a withdrawal for the one
 * handling it. Each message is keyed by the request, the step's place in the timeline, the member
 * and its kind, so a step finished again after a crash tells nobody twice.
 */
export function stepMessages(me: StepActor, req: HardshipRequestDoc, step: StepKind, reviewers: readonly string[] = []): Message[] {
  const messages: Message[] = []
  const applicants = [...new Set([req.memberId, req.reporterId])].filter((id) => id !== me.member._id)
  if (step === 'submit') {
    if (req.reporterId !== req.memberId && req.memberId !== me.member._id) {
      messages.push({
        unionId: req.unionId,
        memberId: req.memberId,
        kind: 'hardship-update',
        title: `${req.reporterName}为您申报了「${req.categoryName}」`,
        body: '可在「我的帮扶申请」中随时查看进展。',
        link: memberLink(req._id),
      })
    }
  } else {
    const body = stepBody(req, step, me)
    if (body)
      for (const memberId of applicants)
        messages.push({ unionId: req.unionId, memberId, kind: 'hardship-update', title: `帮扶申请进展：${req.categoryName}`, body, link: memberLink(req._id) })
  }
  const title = step === 'submit' ? '新的帮扶申请' : step === 'resubmit' ? '申请人已补充材料' : '申请已撤回'
  for (const memberId of reviewers) {
    // Reviewers are not told of their own steps or their own requests.
    if (memberId === me.member._id || memberId === req.memberId) continue
    messages.push({
      unionId: req.unionId,
      memberId,
      kind: 'hardship-new',
      title,
      body: `${req.memberName}（${req.departmentName}）「${req.categoryName}」`,
      link: reviewerLink(req._id),
    })
  }
  const at = req.steps.map((s) => s.kind).lastIndexOf(step)
  return messages.map((m) => ({ ...m, key: derivedId('message', req._id, at, m.memberId, m.kind) }))
}

/** The step's messages, sent (reviewers looked up for a new or resubmitted request). */
export async function tellStep(deps: Deps, me: StepActor, req: HardshipRequestDoc, step: StepKind): Promise<void> {
  let reviewers: string[] = []
  if (step === 'submit' || step === 'resubmit') reviewers = await reviewersOf(deps, req.unionId)
  else if (step === 'withdraw' && req.reviewerId) reviewers = [req.reviewerId]
  await notify(deps, stepMessages(me, req, step, reviewers))
}
