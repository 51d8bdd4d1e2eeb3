/** The roles a person may hold in a union; several at once. */
export const ROLES = ['member', 'leader', 'admin', 'redeemer', 'auditor', 'reviewer'] as const
export type Role = (typeof ROLES)[number]

/** Roles as members read them. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  member: '会员',
  leader: '组长',
  admin: '管理员',
  redeemer: '核销员',
  auditor: '经费审查',
  reviewer: '帮扶审核',
}
