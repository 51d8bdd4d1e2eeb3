import { createMain, type Router } from '../_lib/entry'
import { getMe } from './handlers/get-me'
import { memberCard, verifyCard } from './handlers/member-card'
import { getHome } from './handlers/get-home'
import { setUnionContact } from './handlers/set-union-contact'
import { bindByCode } from './handlers/bind-by-code'
import { bindByProfile } from './handlers/bind-by-profile'
import { listDepartments } from './handlers/list-departments'
import { listMembers } from './handlers/list-members'
import { getMember } from './handlers/get-member'
import { updateMember } from './handlers/update-member'
import { setRoles } from './handlers/set-roles'
import { unbindMember } from './handlers/unbind-member'
import { createInvites } from './handlers/create-invites'
import { listInvites } from './handlers/list-invites'
import { exportInvites } from './handlers/export-invites'
import { importCheck } from './handlers/import-check'
import { importApply } from './handlers/import-apply'
import { repair } from './timers/repair'

export const router: Router<'member'> = {
  me: getMe,
  card: memberCard,
  verifyCard,
  home: getHome,
  bindByCode,
  bindByProfile,
  departments: listDepartments,
  list: listMembers,
  get: getMember,
  update: updateMember,
  setRoles,
  unbind: unbindMember,
  setUnionContact,
  createInvites,
  listInvites,
  exportInvites,
  importCheck,
  importApply,
}

export const main = createMain('member', router, { timers: { repair } })
