import type { ActionName } from '@shared/contract'
import { appServerForFile } from '../support/app-server'
import { campaignDays, campaignForm } from '../support/campaign-form'
import { seedOtherUnion } from '../support/other-union'
import { writeCount } from '../support/write-count'
import { accessMatrix } from '../support/access-matrix'

/** The benefit actions × every kind of caller; expectations written by hand, not read from the contract. */
const ADMIN_ONLY = ['admin']
const STAFF = ['admin', 'redeemer']
const ANY_MEMBER = ['admin', 'leader', 'redeemer', 'auditor', 'member']
const CAMPAIGN = campaignForm({ name: '权限测试', faceValue: 100, ...campaignDays({ claimCloses: 5, redeemUntil: 10 }) })

const EXPECTED: Record<Extract<ActionName, `benefit.${string}`>, { who: string[]; input: object }> = {
  'benefit.savePoint': { who: ADMIN_ONLY, input: { name: '权限测试点' } },
  'benefit.points': { who: STAFF, input: {} },
  'benefit.createCampaign': { who: ADMIN_ONLY, input: CAMPAIGN },
  'benefit.campaigns': { who: ADMIN_ONLY, input: {} },
  'benefit.campaign': { who: ADMIN_ONLY, input: { id: 'no-such-campaign' } },
  'benefit.issue': { who: ADMIN_ONLY, input: { id: 'no-such-campaign' } },
  'benefit.vouchers': { who: ADMIN_ONLY, input: { id: 'no-such-campaign' } },
  'benefit.export': { who: ADMIN_ONLY, input: { id: 'no-such-campaign' } },
  'benefit.proxyRedeem': { who: ADMIN_ONLY, input: { voucherId: 'no-such-voucher', pointId: 'demo-point-office', reason: '代领' } },
  'benefit.mine': { who: ANY_MEMBER, input: {} },
  'benefit.choose': { who: ANY_MEMBER, input: { voucherId: 'no-such-voucher', optionId: 'o1' } },
  'benefit.code': { who: ANY_MEMBER, input: { voucherId: 'no-such-voucher' } },
  'benefit.inspect': { who: STAFF, input: { code: 'forged.token', pointId: 'demo-point-office' } },
  'benefit.redeem': { who: STAFF, input: { ticket: 'forged.ticket.x', requestId: 'access-test-1' } },
  'benefit.redemptions': { who: STAFF, input: {} },
  'benefit.settlement': { who: STAFF, input: { pointId: 'demo-point-office', from: '2026-11-01', to: '2026-11-30' } },
}

const app = appServerForFile()
beforeAll(async () => {
  await seedOtherUnion()
})

accessMatrix('benefit', EXPECTED, () => app)

describe("another union's admin", () => {
  it("cannot see or issue this union's campaigns, nor use its points", async () => {
    const mine = (await app.call('benefit.createCampaign', { ...CAMPAIGN, name: '本会福利' }, 'demo-admin')).body.data.id
    const before = writeCount(app.stats)
    for (const name of ['benefit.campaign', 'benefit.issue', 'benefit.vouchers', 'benefit.export'] as const) {
      expect((await app.call(name, { id: mine }, 'other-admin')).body.error.code).toBe('NOT_FOUND')
    }
    expect((await app.call('benefit.createCampaign', { ...CAMPAIGN, name: '借用兑换点' }, 'other-admin')).body.error.message).toBe('兑换点不存在')
    expect(writeCount(app.stats)).toBe(before)
    expect((await app.call('benefit.campaigns', {}, 'other-admin')).body.data.items.map((c: { name: string }) => c.name)).not.toContain('本会福利')
  })
})
