/** Page paths used for navigation (kept in one place so app.config and links agree). */
export const ROUTES = {
  home: '/pages/home/index',
  activities: '/pages/activities/index',
  groups: '/pages/groups/index',
  benefits: '/pages/benefits/index',
  me: '/pages/me/index',
  admin: '/packages/admin/index/index',
  redeem: '/packages/redeem/index/index',
} as const
