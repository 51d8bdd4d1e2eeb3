import type { ActivityDetail } from '@shared/contract'
import { dateTimeText, isDrawnLottery, isFull, myStatusText } from '../../constants/activities'

/** What the action area of the detail page offers, from the event and the caller's sign-up. */
export type SignUpView =
  /** Can sign up: straight away, or through the form when the event asks for more. */
  | { readonly kind: 'open'; readonly label: string; readonly form: boolean; readonly note: string | null }
  /** Cannot sign up, and why. */
  | { readonly kind: 'blocked'; readonly reason: string }
  /** In a lottery not drawn yet: 退出抽签 until the draw time (and the cancel deadline). */
  | { readonly kind: 'entered'; readonly status: string; readonly canCancel: boolean; readonly note: string }
  /** Checked in: the attendance stands, nothing left to do (no code, no 取消报名). */
  | { readonly kind: 'checked-in'; readonly status: string; readonly note: string }
  /** 已报名, or 中签 after a draw. */
  | { readonly kind: 'confirmed'; readonly status: string; readonly canCancel: boolean; readonly note: string }
  /** 排队第 N 位, or 未中签，候补第 N 位 after a draw. */
  | { readonly kind: 'waiting'; readonly status: string; readonly position: number | null; readonly canCancel: boolean; readonly note: string }

const before = (at: string | null, now: Date) => at !== null && now.getTime() < new Date(at).getTime()

export function signUpViewOf(a: ActivityDetail, now: Date = new Date()): SignUpView {
  const cancelOpen = before(a.cancelDeadline, now)
  const deadline = dateTimeText(a.cancelDeadline, now)
  const cancelNote = cancelOpen ? `${deadline} 前可以取消` : `取消截止时间 ${deadline} 已过，如需取消请联系组织者`
  const drawn = isDrawnLottery(a)
  const lottery = a.allocation === 'lottery'

  if (a.myStatus === 'entered') {
    const drawAt = a.drawAt ? dateTimeText(a.drawAt, now) : ''
    // Entries are fixed from the draw time on; the cancel deadline may come earlier.
    const canCancel = cancelOpen && (a.drawAt === null || before(a.drawAt, now))
    let note: string
    if (a.drawAt !== null && !before(a.drawAt, now)) note = '抽签时间已到，正在等待抽签结果，出结果后会通知您'
    else if (canCancel) note = `${drawAt} 抽签，结果会通知您；抽签前可以退出抽签`
    else note = `${drawAt} 抽签，结果会通知您；取消截止时间 ${deadline} 已过，如需退出请联系组织者`
    return { kind: 'entered', status: myStatusText('entered')!, canCancel, note }
  }
  if (a.myStatus === 'confirmed' && a.checkedInAt) {
    return { kind: 'checked-in', status: '已签到', note: `${dateTimeText(a.checkedInAt, now)} 签到，出勤已记录` }
  }
  if (a.myStatus === 'confirmed') {
    return {
      kind: 'confirmed',
      status: myStatusText('confirmed', null, drawn)!,
      canCancel: cancelOpen,
      note: drawn ? `恭喜中签，请按时参加；${cancelNote}` : cancelNote,
    }
  }
  if (a.myStatus === 'waiting') {
    const promise = drawn ? '有人放弃名额时按候补顺序递补，递补后即为报名成功' : '有人取消时按排队顺序递补，递补后即为报名成功'
    return {
      kind: 'waiting',
      status: myStatusText('waiting', a.waitingPosition, drawn)!,
      position: a.waitingPosition,
      canCancel: cancelOpen,
      note: cancelOpen ? `${promise}；${cancelNote}` : cancelNote,
    }
  }
  if (a.signUpBlockedReason) return { kind: 'blocked', reason: a.signUpBlockedReason }
  if (lottery && !drawn) {
    const drawAt = a.drawAt ? `${dateTimeText(a.drawAt, now)} 抽签` : '截止后抽签'
    const places = a.capacity === null ? '' : `，${a.capacity} 个名额`
    return {
      kind: 'open',
      label: '报名参加抽签',
      form: a.fields.length > 0,
      note: `报名截止：${dateTimeText(a.signUpClosesAt, now)}；${drawAt}${places}；今年抽签落选过的会员优先中签`,
    }
  }
  const full = isFull(a)
  if (full && !a.waitlist) return { kind: 'blocked', reason: '名额已满' }
  return {
    kind: 'open',
    label: full ? '名额已满，排队报名' : a.fields.length ? '填写报名信息' : '我要报名',
    form: a.fields.length > 0,
    note: full ? '报名后进入排队，有人取消时按顺序递补' : `报名截止：${dateTimeText(a.signUpClosesAt, now)}`,
  }
}

/** The toast after signing up: 报名成功, 已报名抽签, or the place in line. */
export function signedUpToast(res: { readonly status: 'confirmed' | 'waiting' | 'entered'; readonly waitingPosition: number | null }): {
  title: string
  icon: 'success' | 'none'
} {
  if (res.status === 'confirmed') return { title: '报名成功', icon: 'success' }
  if (res.status === 'entered') return { title: '已报名抽签，抽签后通知您', icon: 'none' }
  return { title: `已进入排队，第 ${res.waitingPosition ?? '-'} 位`, icon: 'none' }
}

/** 立即抽签 for the organizer: a lottery whose draw time has come but that is not drawn yet. */
export const canDrawNow = (a: ActivityDetail, now: Date = new Date()): boolean =>
  a.canManage && a.allocation === 'lottery' && a.drawnAt === null && a.drawAt !== null && !before(a.drawAt, now) && a.status !== 'cancelled'

/** 修改活动 for the organizer, until the event ends (the server refuses after that, and for a cancelled event). */
export const canEdit = (a: ActivityDetail, now: Date = new Date()): boolean => a.canManage && before(a.endAt, now) && a.status !== 'cancelled'
