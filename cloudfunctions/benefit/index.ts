import { createMain, type Router } from '../_lib/entry'
import { createCampaign, getCampaign, issueCampaign, listCampaigns } from './handlers/campaigns'
import { chooseOption, myVouchers, voucherCode } from './handlers/member-vouchers'
import { inspectVoucher, proxyRedeem, redeemVoucher } from './handlers/redeem'
import { listPoints, savePoint } from './handlers/points'
import { exportCampaign, listVouchers } from './handlers/admin-vouchers'
import { myRedemptions, settlement } from './handlers/redeemer-reports'
import { daily } from './timers/daily'

export const router: Router<'benefit'> = {
  savePoint,
  points: listPoints,
  createCampaign,
  campaigns: listCampaigns,
  campaign: getCampaign,
  issue: issueCampaign,
  vouchers: listVouchers,
  export: exportCampaign,
  proxyRedeem,
  mine: myVouchers,
  choose: chooseOption,
  code: voucherCode,
  inspect: inspectVoucher,
  redeem: redeemVoucher,
  redemptions: myRedemptions,
  settlement,
}

export const main = createMain('benefit', router, { timers: { daily } })
