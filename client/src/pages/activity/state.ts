import type { ActivityDetail } from '@shared/contract'
import { dateTimeText, isFull } from '../../constants/activities'

/** What the action area of the detail page offers, from the event and the caller's sign-up. */
export type SignUpView =
  /** Can sign up: straight away, or through the form when the event asks for more. */
  | { readonly kind: 'open'; readonly label: string; readonly form: boolean; readonly note: string | null }
  /** Cannot sign up, and why. */
  | { readonly kind: 'blocked'; readonly reason: string }
  | { readonly kind: 'confirmed'; readonly canCancel: boolean; readonly note: string }
  | { readonly kind: 'waiting'; readonly position: number | null; readonly canCancel: boolean; readonly note: string }

export function signUpViewOf(a: ActivityDetail, now: Date = new Date()): SignUpView {
  const cancelOpen = now.getTime() < new Date(a.cancelDeadline).getTime()
  const deadline = dateTimeText(a.cancelDeadline, now)
  const cancelNote = cancelOpen ? `${deadline} 前可以取消` : `取消截止时间 ${deadline} 已过，如需取消请联系组织者`
  if (a.myStatus === 'confirmed') return { kind: 'confirmed', canCancel: cancelOpen, note: cancelNote }
  if (a.myStatus === 'waiting') {
    return { kind: 'waiting', position: a.waitingPosition, canCancel: cancelOpen, note: cancelOpen ? `有人取消时按排队顺序递补，递补后即为报名成功；${cancelNote}` : cancelNote }
  }
  if (a.signUpBlockedReason) return { kind: 'blocked', reason: a.signUpBlockedReason }
  const full = isFull(a)
  if (full && !a.waitlist) return { kind: 'blocked', reason: '名额已满' }
  return {
    kind: 'open',
    label: full ? '名额已满，排队报名' : a.fields.length ? '填写报名信息' : '我要报名',
    form: a.fields.length > 0,
    note: full ? '报名后进入排队，有人取消时按顺序递补' : `报名截止：${dateTimeText(a.signUpClosesAt, now)}`,
  }
}
