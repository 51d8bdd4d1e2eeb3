/** How hardship and care requests read to members and reviewers (labels come from the shared rules). */
import type { HardshipRequestCard } from '@shared/contract'
import { AID_KIND_LABELS, PAYMENT_METHOD_LABELS, STATUS_LABELS, type RequestStatus } from '@shared/domain/hardship'
import { yuanText } from '@shared/domain/money'

export { AID_KIND_LABELS, PAYMENT_METHOD_LABELS, STATUS_LABELS }

/** 80000 → 「800.00 元」 (the shared money style, thousands separated). */
export { yuanText }

/** The colour family of a status chip: waiting, moving, good, ended. */
export const statusTone = (status: RequestStatus): 'waiting' | 'moving' | 'good' | 'ended' =>
  status === 'submitted' || status === 'returned'
    ? 'waiting'
    : status === 'reviewing' || status === 'approved'
      ? 'moving'
      : status === 'paid'
        ? 'good'
        : 'ended'

/** The sum a card shows: paid or approved when decided, else what was asked, else nothing. */
export function amountLine(r: Pick<HardshipRequestCard, 'status' | 'approvedFen' | 'amountAskedFen'>): string {
  if (r.approvedFen !== null && (r.status === 'approved' || r.status === 'paid')) return `${r.status === 'paid' ? '已发放' : '批准'} ${yuanText(r.approvedFen)}`
  if (r.amountAskedFen !== null) return `申请 ${yuanText(r.amountAskedFen)}`
  return '按标准'
}

/** What the member should expect next, said plainly under the status. */
export function nextHint(status: RequestStatus): string {
  switch (status) {
    case 'submitted':
      return '已提交，等待工会受理'
    case 'reviewing':
      return '审核人正在核实情况'
    case 'returned':
      return '需要补充材料，修改后重新提交'
    case 'approved':
      return '已批准，等待发放'
    case 'paid':
      return '已发放，请注意查收'
    case 'rejected':
      return '未获批准，原因见进展'
    case 'withdrawn':
      return '已撤回'
  }
}

export const withRequestId = (route: string, id: string): string => `${route}?id=${encodeURIComponent(id)}`

export { newFormKey } from '../services/form-key'
