import { createMain, type Router } from '../_lib/entry'
import { listGroups } from './handlers/list-groups'
import { getGroup } from './handlers/get-group'
import { groupRoster } from './handlers/group-roster'
import { groupRecords } from './handlers/group-records'
import { joinGroup } from './handlers/join-group'
import { leaveGroup } from './handlers/leave-group'
import { listRequests } from './handlers/list-requests'
import { decideRequest } from './handlers/decide-request'
import { removeMember } from './handlers/remove-member'
import { handOver } from './handlers/hand-over'
import { addRecord } from './handlers/add-record'
import { exportRoster } from './handlers/export-roster'
import { createGroup } from './handlers/create-group'
import { updateGroup } from './handlers/update-group'
import { repairSeats } from './timers/repair'

export const router: Router<'group'> = {
  list: listGroups,
  get: getGroup,
  roster: groupRoster,
  records: groupRecords,
  join: joinGroup,
  leave: leaveGroup,
  requests: listRequests,
  decide: decideRequest,
  remove: removeMember,
  handOver,
  addRecord,
  exportRoster,
  create: createGroup,
  update: updateGroup,
}

export const main = createMain('group', router, { timers: { repair: repairSeats } })
