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
import { drawDueLotteries } from './timers/draw'
import { repairActivities } from './timers/repair'
import { updateActivity } from './handlers/update-activity'
import { drawLottery, drawResult } from './handlers/draw'

export const router: Router<'activity'> = {
  create: createActivity,
  update: updateActivity,
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
  draw: drawLottery,
  drawResult,
}

export const main = createMain('activity', router, { timers: { remind: remindBeforeStart, draw: drawDueLotteries, repair: repairActivities } })
