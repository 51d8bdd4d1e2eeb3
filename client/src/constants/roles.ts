import type { Role } from '@shared/contract'

/** How each role is named to members. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  member: '会员',
  leader: '组长',
  admin: '管理员',
  redeemer: '核销员',
  auditor: '审计',
}

export const roleLabel = (role: Role): string => ROLE_LABELS[role] ?? role
