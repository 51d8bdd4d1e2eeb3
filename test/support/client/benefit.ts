import type { CampaignView } from '@shared/contract'

/** benefit.campaign's answer: 2099年中秋慰问品 (200 元 a head, redeemed at 工会办公室), not issued yet to its 30 members. */
export const campaignView = (over: Partial<CampaignView> = {}): CampaignView => ({
  id: 'c1',
  kind: 'holiday',
  name: '2099年中秋慰问品',
  year: 2099,
  faceValue: 20000,
  options: [],
  includeRetired: false,
  departmentIds: [],
  claimClosesAt: '2099-09-20T10:00:00.000Z',
  redeemFrom: '2099-09-10T16:00:00.000Z',
  redeemUntil: '2099-10-08T15:59:00.000Z',
  points: [{ id: 'demo-point-office', name: '工会办公室', address: '' }],
  autoBirthday: false,
  progress: { eligible: 30, issued: 0, chosen: 0, redeemed: 0, outstanding: 0 },
  ...over,
})
