/** Page paths used for navigation (kept in one place so app.config and links agree). */
export const ROUTES = {
  home: '/pages/home/index',
  activities: '/pages/activities/index',
  groups: '/pages/groups/index',
  benefits: '/pages/benefits/index',
  me: '/pages/me/index',
  bind: '/pages/bind/index',
  admin: '/packages/admin/index/index',
  adminMembers: '/packages/admin/members/index',
  adminMember: '/packages/admin/member/index',
  adminImport: '/packages/admin/import/index',
  adminInvites: '/packages/admin/invites/index',
  redeem: '/packages/redeem/index/index',
} as const
