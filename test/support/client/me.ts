import type { MeView } from '@shared/contract'

/** member.me's answer: 刘洋 of 信息中心 holding `roles` (each for the whole union) unless `over` says otherwise. */
export const meView = (roles: MeView['roles'] = ['member'], over: Partial<MeView> = {}): MeView => ({
  member: { id: 'm4', name: '刘洋', department: '信息中心', memberNo: 'GH2026004' },
  union: { id: 'u1', name: '市直机关示范工会' },
  roles,
  grants: roles.map((role) => ({ role })),
  badges: { groupRequests: 0, unreadMessages: 0 },
  uploadFolder: 'uploads/test',
  ...over,
})

/** 张伟 of 办公室, the demo union's admin. */
export const ZHANG_WEI: MeView['member'] = { id: 'm1', name: '张伟', department: '办公室', memberNo: 'GH2026001' }
