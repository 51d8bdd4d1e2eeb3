import { createMain, type Router } from '../_lib/entry'
import { createActivity } from './handlers/create-activity'
import { listActivities } from './handlers/list-activities'
import { getActivity } from './handlers/get-activity'
import { signUp } from './handlers/sign-up'
import { cancelSignUp } from './handlers/cancel-sign-up'
import { myCode } from './handlers/my-code'
import { checkIn } from './handlers/check-in'
import { listAttendees } from './handlers/list-attendees'
import { exportAttendees } from './handlers/export-attendees'
import { cancelEvent } from './handlers/cancel-event'
import { participation } from './handlers/participation'
import { remindBeforeStart } from './timers/remind'

export const router: Router<'activity'> = {
  create: createActivity,
  list: listActivities,
  get: getActivity,
  signUp,
  cancel: cancelSignUp,
  myCode,
  checkIn,
  attendees: listAttendees,
  export: exportAttendees,
  cancelEvent,
  participation,
}

export const main = createMain('activity', router, { timers: { remind: remindBeforeStart } })
