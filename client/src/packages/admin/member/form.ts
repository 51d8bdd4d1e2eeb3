/**
 * The member edit form: what the admin typed → the fields `member.update` / `member.setRoles` take,
 * checked with `member.update`'s schema (and the form's hints beside it). Pure, for tests.
 */
import type { ActionInput, MemberDetail, Role } from '@shared/contract'
import { MEMBER_FORM_HINTS, memberActions } from '@shared/contract/member.contract'
import { firstByField, parseInput } from '@shared/contract/validate'
import type { MemberStatus } from '@shared/domain/roster'

export interface ProfileForm {
  name: string
  gender: '男' | '女' | ''
  departmentId: string
  phone: string
  birthday: string
  joinDate: string
  status: MemberStatus
}

export type ProfileFormErrors = Partial<Record<keyof ProfileForm, string>>
export type UpdateInput = ActionInput<'member.update'>

export const profileFormOf = (m: MemberDetail): ProfileForm => ({
  name: m.name,
  gender: m.gender,
  departmentId: m.departmentId,
  phone: m.phone,
  birthday: m.birthday,
  joinDate: m.joinDate,
  status: m.status,
})

const update = memberActions['member.update']

/** Only what changed, so saving an untouched form writes nothing; or a message per field. */
export function profileChanges(m: MemberDetail, form: ProfileForm): { changes: Omit<UpdateInput, 'id'> } | { errors: ProfileFormErrors } {
  const changes: { -readonly [K in keyof Omit<UpdateInput, 'id'>]: Omit<UpdateInput, 'id'>[K] } = {}
  const name = form.name.trim()
  if (name !== m.name) changes.name = name
  if (form.gender && form.gender !== m.gender) changes.gender = form.gender
  if (form.departmentId && form.departmentId !== m.departmentId) changes.departmentId = form.departmentId
  // Typed with spaces or dashes (139 1000 7920), stored as the 11 digits.
  const phone = form.phone.replace(/[\s-]/g, '')
  if (phone !== m.phone) changes.phone = phone
  // Left empty: kept as it is (an admin does not clear a birthday or a join date here).
  if (form.birthday && form.birthday !== m.birthday) changes.birthday = form.birthday
  if (form.joinDate && form.joinDate !== m.joinDate) changes.joinDate = form.joinDate
  if (form.status !== m.status) changes.status = form.status
  // The name is checked even when unchanged: an empty one is never saved.
  const parsed = parseInput(update.input, { id: m.id, name, ...changes }, update.labels, MEMBER_FORM_HINTS)
  return parsed.ok ? { changes } : { errors: firstByField(parsed.problems) }
}

// —— roles ——

type Grant = MemberDetail['grants'][number]

export interface RolesForm {
  admin: boolean
  auditor: boolean
  /** 帮扶审核: sees hardship requests and files; an admin needs it too to see them. */
  reviewer: boolean
  leader: boolean
  /** Departments this member leads. */
  leaderDepartments: string[]
  redeemer: boolean
  /** Redemption points this member serves (shops, the union office). */
  pointIds: string[]
  /** Grants this screen does not edit (e.g. 兴趣小组组长), kept as they are. */
  kept: Grant[]
}

export const rolesFormOf = (grants: readonly Grant[]): RolesForm => {
  const has = (role: Role) => grants.some((g) => g.role === role)
  const leaderDepartments = grants.filter((g) => g.role === 'leader' && g.scope?.kind === 'department').map((g) => g.scope!.id)
  const kept = grants.filter((g) => g.role === 'leader' && g.scope && g.scope.kind !== 'department')
  return {
    admin: has('admin'),
    auditor: has('auditor'),
    reviewer: has('reviewer'),
    leader: has('leader'),
    leaderDepartments,
    redeemer: has('redeemer'),
    pointIds: grants.filter((g) => g.role === 'redeemer' && g.scope?.kind === 'point').map((g) => g.scope!.id),
    kept,
  }
}

export type SetRolesGrants = ActionInput<'member.setRoles'>['grants']

export function grantsOf(form: RolesForm): { grants: SetRolesGrants } | { error: string } {
  const grants: SetRolesGrants = []
  if (form.admin) grants.push({ role: 'admin' })
  if (form.auditor) grants.push({ role: 'auditor' })
  if (form.reviewer) grants.push({ role: 'reviewer' })
  if (form.leader) {
    const groups = form.kept.filter((g) => g.role === 'leader')
    if (!form.leaderDepartments.length && !groups.length) return { error: '请为组长选择所带的部门' }
    for (const id of form.leaderDepartments) grants.push({ role: 'leader', scope: { kind: 'department', id } })
    for (const g of groups) grants.push({ role: 'leader', scope: { kind: g.scope!.kind as 'group', id: g.scope!.id } })
  }
  if (form.redeemer) {
    if (!form.pointIds.length) return { error: '请为核销员选择兑换点' }
    for (const id of form.pointIds) grants.push({ role: 'redeemer', scope: { kind: 'point', id } })
  }
  return { grants }
}
