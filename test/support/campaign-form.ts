import { at, DAY } from './time'

/** A campaign's three dates as benefit.createCampaign takes them, in days from now; redeemable from yesterday unless said. */
export const campaignDays = (d: { claimCloses: number; redeemUntil: number; redeemFrom?: number }) => ({
  claimClosesAt: at(d.claimCloses * DAY),
  redeemFrom: at((d.redeemFrom ?? -1) * DAY),
  redeemUntil: at(d.redeemUntil * DAY),
})

/** The 福利发放 form: kind 'other' (no kind's yearly cap is used up), one gift, chosen within ten days, redeemed within a month at 工会办公室. */
export const campaignForm = (over: object = {}) => ({
  kind: 'other',
  name: '福利',
  faceValue: 20000,
  options: [{ name: '礼品' }],
  ...campaignDays({ claimCloses: 10, redeemUntil: 30 }),
  pointIds: ['demo-point-office'],
  ...over,
})

/** Two gifts with stock and suppliers, one of them bought from a poverty-relief cooperative. */
export const TWO_GIFTS = [
  { name: '米面粮油礼包', stock: 100, supplier: '对口帮扶县合作社', povertyRelief: true },
  { name: '水果礼盒', stock: 100, supplier: '城东果品' },
]
