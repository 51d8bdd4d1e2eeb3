/** Page paths used for navigation (kept in one place so app.config and links agree). */
export const ROUTES = {
  home: '/pages/home/index',
  activities: '/pages/activities/index',
  groups: '/pages/groups/index',
  benefits: '/pages/benefits/index',
  /** 出示券码 (main package: members open it from the 福利 tab). */
  benefitCode: '/pages/benefits/code',
  me: '/pages/me/index',
  bind: '/pages/bind/index',
  group: '/pages/group/index',
  activity: '/pages/activity/index',
  activityCode: '/pages/activity/code',
  activitySignup: '/pages/activity-signup/index',
  hardship: '/pages/hardship/index',
  hardshipApply: '/pages/hardship/apply',
  hardshipDetail: '/pages/hardship/detail',
  /** 消息 (every member; a small subpackage preloaded by 首页 and 我的): notices newest first. */
  messages: '/packages/member/messages/index',
  /** 电子会员证 (built alongside; the entry on 我的 points here). */
  memberCard: '/pages/member-card/index',
  admin: '/packages/admin/index/index',
  adminMembers: '/packages/admin/members/index',
  adminMember: '/packages/admin/member/index',
  adminImport: '/packages/admin/import/index',
  adminInvites: '/packages/admin/invites/index',
  adminGroups: '/packages/admin/groups/index',
  /** 福利发放: campaigns and the new-campaign form; one campaign's progress, 发放, 导出, 代领. */
  adminCampaigns: '/packages/admin/benefits/index',
  adminCampaign: '/packages/admin/benefit-campaign/index',
  adminHardshipPolicy: '/packages/admin/hardship-policy/index',
  /** 核验会员证: union office staff check a member's 电子会员证 (name, department, status). */
  adminCardCheck: '/packages/admin/card-check/index',
  /** 工会联系方式: the office phone and place members see under 联系工会 on 我的. */
  adminUnion: '/packages/admin/union/index',
  leaderRequests: '/packages/leader/requests/index',
  leaderRoster: '/packages/leader/roster/index',
  leaderRecord: '/packages/leader/record/index',
  redeem: '/packages/redeem/index/index',
  organizerCreate: '/packages/organizer/create/index',
  organizerAttendees: '/packages/organizer/attendees/index',
  organizerCheckin: '/packages/organizer/checkin/index',
  /** 报销费用: the organizer's claim for an event (items, invoice photos) and their claims so far. */
  organizerExpense: '/packages/organizer/expense/index',
  /** 经费公开栏 (main package, every member): spending per line and quarter, totals only. */
  fundsPublic: '/pages/funds-public/index',
  /** 经费管理 (admins change, auditors read): 概览, 预算编制, 台账, 报销审批, 审计记录. */
  funds: '/packages/funds/index/index',
  fundsBudget: '/packages/funds/budget/index',
  fundsLedger: '/packages/funds/ledger/index',
  fundsExpenses: '/packages/funds/expenses/index',
  fundsAudit: '/packages/funds/audit/index',
  reviewerQueue: '/packages/reviewer/queue/index',
  reviewerRequest: '/packages/reviewer/request/index',
  reviewerFiles: '/packages/reviewer/files/index',
  reviewerFile: '/packages/reviewer/file/index',
} as const

/** Links carry the id encoded: some ids hold `:` (union groups `dept:<id>`, vouchers `<campaign>:<member>`). */
export const withId = (route: string, id: string): string => `${route}?id=${encodeURIComponent(id)}`

/** Reads the id back from a page's query (h5 may hand it over still encoded). */
export const idParam = (raw: string | undefined): string => {
  if (!raw) return ''
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}
