import type { CheckInCode } from '@shared/contract'
import { callAction } from '../../services/cloud'
import { useRotatingCode, type RotatingCodeState } from '../../hooks/useRotatingCode'

export type CheckInCodeState = RotatingCodeState<CheckInCode>

/**
 * The member's code for one event, fetched again every 30 seconds while the page is on screen; the
 * same fetch tells the page when check-in opens and, within one refresh, that the member is in.
 */
export function useCheckInCode(id: string): CheckInCodeState {
  return useRotatingCode(() => callAction('activity.myCode', { id }, { silent: true }), {
    enabled: Boolean(id),
    // Checked in, or the event is over: nothing will change any more, so stop asking.
    isFinal: (c) => c.state === 'checked-in' || c.state === 'closed',
  })
}
