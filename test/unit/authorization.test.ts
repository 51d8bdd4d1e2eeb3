import { hasRole, mayCall, mayManageScope, mayRedeemAt, type Subject } from '@shared/domain/authorization'

const subject = (grants: Subject['grants'], unionId = 'u1'): Subject => ({ unionId, memberId: 'm1', grants })
const plain = subject([])
const admin = subject([{ role: 'admin' }])
const leaderA = subject([{ role: 'leader', scope: { kind: 'group', id: 'badminton' } }])
const redeemer = subject([{ role: 'redeemer', scope: { kind: 'point', id: 'cake-shop' } }])
const otherAdmin = subject([{ role: 'admin' }], 'u2')

describe('authorization rules', () => {
  it('every bound member is a member; other roles need a grant', () => {
    expect(hasRole(plain, 'member')).toBe(true)
    expect(hasRole(plain, 'admin')).toBe(false)
    expect(hasRole(admin, 'admin')).toBe(true)
  })

  it.each([
    [plain, { kind: 'member' } as const, true],
    [plain, { kind: 'member', roles: ['admin'] } as const, false],
    [admin, { kind: 'member', roles: ['admin', 'auditor'] } as const, true],
    [leaderA, { kind: 'member', roles: ['admin'] } as const, false],
    [plain, { kind: 'identified' } as const, true],
  ])('mayCall %#', (s, access, expected) => expect(mayCall(s, access)).toBe(expected))

  it('a leader manages only their own group; an admin any scope of their own union', () => {
    const badminton = { unionId: 'u1', kind: 'group', id: 'badminton' } as const
    const yoga = { unionId: 'u1', kind: 'group', id: 'yoga' } as const
    expect(mayManageScope(leaderA, badminton)).toBe(true)
    expect(mayManageScope(leaderA, yoga)).toBe(false)
    expect(mayManageScope(leaderA, { ...badminton, kind: 'department' })).toBe(false)
    expect(mayManageScope(admin, yoga)).toBe(true)
    expect(mayManageScope(otherAdmin, yoga)).toBe(false)
    expect(mayManageScope(plain, badminton)).toBe(false)
  })

  it('a redeemer redeems only at their own point, in their own union', () => {
    expect(mayRedeemAt(redeemer, { unionId: 'u1', pointId: 'cake-shop' })).toBe(true)
    expect(mayRedeemAt(redeemer, { unionId: 'u1', pointId: 'office' })).toBe(false)
    expect(mayRedeemAt(redeemer, { unionId: 'u2', pointId: 'cake-shop' })).toBe(false)
    expect(mayRedeemAt(admin, { unionId: 'u1', pointId: 'cake-shop' })).toBe(false)
  })
})
