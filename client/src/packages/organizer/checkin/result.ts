import type { ActionOutput } from '@shared/contract'

export type CheckInAnswer = ActionOutput<'activity.checkIn'>

/** What the organizer sees after a scan or six typed digits: big, and clear at a glance. */
export interface CheckInResult {
  readonly kind: 'ok' | 'again' | 'error'
  readonly text: string
}

export function checkInResultOf(answer: CheckInAnswer): CheckInResult {
  const who = answer.department ? `${answer.name} · ${answer.department}` : answer.name
  return answer.alreadyCheckedIn ? { kind: 'again', text: `${who} 已签到过` } : { kind: 'ok', text: `✓ ${who} 签到成功` }
}

export const checkInErrorOf = (message: string): CheckInResult => ({ kind: 'error', text: `✗ ${message}` })

export { typedCode } from '../../../components/CodeEntry/typed-code'
