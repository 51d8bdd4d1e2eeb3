import type { ActionName } from '@shared/contract'
import { appServerForFile } from '../support/app-server'
import { seedOtherUnion } from '../support/other-union'
import { writeCount } from '../support/write-count'
import { CALLERS, coversEveryAction } from '../support/access-matrix'

/**
 * The authorization matrix: every member action × every kind of caller. Expectations are written
 * here by hand (not read from the contract), so a wrong rule in the contract fails this test.
 */
const ADMIN_ONLY = ['admin']
const ANY_MEMBER = ['admin', 'leader', 'redeemer', 'auditor', 'member']
const EXPECTED: Record<Extract<ActionName, `member.${string}`>, { who: string[] | 'identified'; input: object }> = {
  'member.me': { who: ANY_MEMBER, input: {} },
  'member.home': { who: ANY_MEMBER, input: {} },
  'member.card': { who: ANY_MEMBER, input: {} },
  // Refused as expired digits for an admin (allowed to ask), FORBIDDEN for everyone else.
  'member.verifyCard': { who: ADMIN_ONLY, input: { code: '000000' } },
  'member.setUnionContact': { who: ADMIN_ONLY, input: { phone: '0571-87001234', place: '机关大楼 3 楼 305 室' } },
  'member.departments': { who: ANY_MEMBER, input: {} },
  'member.bindByCode': { who: 'identified', input: { code: 'ABCD-EFGH' } },
  'member.bindByProfile': { who: 'identified', input: { memberNo: 'GH2026010', name: '周婷', phoneLast4: '0000' } },
  'member.list': { who: ADMIN_ONLY, input: {} },
  'member.get': { who: ADMIN_ONLY, input: { id: 'demo-member-10' } },
  'member.update': { who: ADMIN_ONLY, input: { id: 'demo-member-10', phone: '13800000010' } },
  'member.setRoles': { who: ADMIN_ONLY, input: { id: 'demo-member-10', grants: [] } },
  'member.unbind': { who: ADMIN_ONLY, input: { id: 'demo-member-10' } },
  'member.createInvites': { who: ADMIN_ONLY, input: { memberIds: ['demo-member-10'] } },
  'member.listInvites': { who: ADMIN_ONLY, input: {} },
  'member.exportInvites': { who: ADMIN_ONLY, input: {} },
  'member.importCheck': { who: ADMIN_ONLY, input: { fileId: 'cloud://local.local-bucket/none.csv', fileName: 'none.csv' } },
  'member.importApply': { who: ADMIN_ONLY, input: { jobId: 'no-such-job' } },
}

const app = appServerForFile()
beforeAll(async () => {
  await seedOtherUnion()
})

coversEveryAction('member', EXPECTED)

const cases = Object.entries(EXPECTED).flatMap(([name, spec]) => Object.keys(CALLERS).map((caller) => [name, caller, spec] as const))

describe.each(cases)('%s as %s', (name, caller, spec) => {
  it('is allowed or refused as the rules say, and a refusal writes nothing', async () => {
    const before = writeCount(app.stats)
    const { body } = await app.call(name, spec.input, CALLERS[caller])
    const code = body.ok ? 'OK' : body.error.code
    if (caller === 'anonymous') expect(code).toBe('UNAUTHENTICATED')
    else if (spec.who === 'identified') expect(code).not.toMatch(/^(FORBIDDEN|NOT_BOUND|UNAUTHENTICATED)$/)
    else if (caller === 'unbound') expect(code).toBe('NOT_BOUND')
    else if (spec.who.includes(caller)) expect(code).not.toMatch(/^(FORBIDDEN|NOT_BOUND|UNAUTHENTICATED)$/)
    else expect(code).toBe('FORBIDDEN')
    if (['FORBIDDEN', 'NOT_BOUND', 'UNAUTHENTICATED', 'INVALID_ARGUMENT'].includes(code)) expect(writeCount(app.stats)).toBe(before)
  })
})

describe("another union's admin", () => {
  it.each(['member.get', 'member.update', 'member.setRoles', 'member.unbind'] as const)(
    "cannot reach this union's members with %s (NOT_FOUND, nothing written)",
    async (name) => {
      const before = writeCount(app.stats)
      const { body } = await app.call(name, EXPECTED[name].input, 'other-admin')
      expect(body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
      expect(writeCount(app.stats)).toBe(before)
    },
  )

  it('sees only their own union in lists', async () => {
    const { body } = await app.call('member.list', {}, 'other-admin')
    expect(body.data.items.map((m: { name: string }) => m.name)).toEqual(['周强'])
  })
})
