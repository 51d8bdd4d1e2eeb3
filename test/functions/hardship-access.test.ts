import type { ActionName } from '@shared/contract'
import { formatShanghai } from '@shared/domain/time'
import { appServerForFile } from '../support/app-server'
import { seedOtherUnion } from '../support/other-union'
import { writeCount } from '../support/write-count'
import { DEFAULT_CATEGORIES } from '@shared/domain/hardship'
import { newKey } from '../support/hardship'
import { coversEveryAction } from '../support/access-matrix'

/**
 * The role matrix for every hardship action × every kind of caller, written by hand (not read from
 * the contract), so a wrong rule fails here. 'ok' means the action ran (it may still answer CONFLICT
 * or INVALID_ARGUMENT about the request itself); NOT_FOUND means the request does not exist for that
 * caller — the answer never tells a caller outside the allowed set that it exists.
 */
type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND'
const CALLERS = ['member', 'leader', 'admin', 'redeemer', 'auditor', 'reviewer', 'otherUnion', 'unbound', 'anonymous'] as const
type Caller = (typeof CALLERS)[number]
const OPENIDS: Record<Caller, string | undefined> = {
  member: 'demo-member', // 刘洋: the request below is his
  leader: 'demo-leader',
  admin: 'demo-admin', // 张伟: admin, not a reviewer
  redeemer: 'demo-redeemer',
  auditor: 'demo-auditor',
  reviewer: 'demo-reviewer',
  otherUnion: 'other-admin', // an admin of another union
  unbound: 'demo-newcomer',
  anonymous: undefined,
}

const everyone = (o: Outcome = 'ok'): Partial<Record<Caller, Outcome>> => Object.fromEntries(CALLERS.slice(0, 7).map((c) => [c, o]))
const only = (allowed: Caller[]): Partial<Record<Caller, Outcome>> =>
  Object.fromEntries(CALLERS.slice(0, 7).map((c) => [c, allowed.includes(c) ? 'ok' : 'FORBIDDEN']))
/** Per-request actions: its member (and the reporter), reviewers where they may; NOT_FOUND for everyone else. */
const request = (over: Partial<Record<Caller, Outcome>>): Partial<Record<Caller, Outcome>> => ({ ...everyone('NOT_FOUND'), ...over })

let id = ''
const year = Number(formatShanghai(new Date(), 'YYYY'))
const categories = DEFAULT_CATEGORIES.map((c) => ({ ...c }))

const EXPECTED: Record<Extract<ActionName, `hardship.${string}`>, { who: Partial<Record<Caller, Outcome>>; input: () => object }> = {
  'hardship.policy': { who: everyone(), input: () => ({}) },
  'hardship.submit': { who: everyone(), input: () => ({ key: newKey(), category: 'birthday', description: '生日', contact: '电话' }) },
  'hardship.mine': { who: everyone(), input: () => ({}) },
  'hardship.get': { who: request({ member: 'ok', reviewer: 'ok' }), input: () => ({ id }) },
  'hardship.withdraw': { who: request({ member: 'ok', reviewer: 'FORBIDDEN' }), input: () => ({ id }) },
  'hardship.resubmit': { who: request({ member: 'ok', reviewer: 'FORBIDDEN' }), input: () => ({ id, description: '补充', contact: '电话' }) },
  'hardship.colleagues': { who: only(['leader', 'admin', 'reviewer', 'otherUnion']), input: () => ({ keyword: '王' }) },
  'hardship.queue': { who: only(['reviewer']), input: () => ({}) },
  'hardship.take': { who: only(['reviewer']), input: () => ({ id }) },
  'hardship.approve': { who: only(['reviewer']), input: () => ({ id, amountFen: 100 }) },
  'hardship.return': { who: only(['reviewer']), input: () => ({ id, reason: '请补充' }) },
  'hardship.reject': { who: only(['reviewer']), input: () => ({ id, reason: '不符合' }) },
  'hardship.pay': { who: only(['reviewer']), input: () => ({ id, key: newKey(), method: 'cash', paidOn: formatShanghai(new Date(), 'YYYY-MM-DD') }) },
  'hardship.files': { who: only(['reviewer']), input: () => ({}) },
  'hardship.file': { who: only(['reviewer']), input: () => ({ memberId: 'demo-member-04' }) },
  'hardship.saveFile': {
    who: only(['reviewer']),
    input: () => ({ memberId: 'demo-member-04', level: '一般困难', reason: '家庭困难', since: '2026-01-01', nextReviewOn: '2027-01-01' }),
  },
  'hardship.addVisit': {
    who: only(['reviewer']),
    input: () => ({ memberId: 'demo-member-04', key: newKey(), date: '2026-02-01', visitors: '韩冰', given: '米面油' }),
  },
  'hardship.savePolicy': { who: only(['admin', 'otherUnion']), input: () => ({ year, version: 999, categories }) },
  'hardship.policyHistory': { who: only(['admin', 'otherUnion']), input: () => ({}) },
}

const app = appServerForFile()
beforeAll(async () => {
  await seedOtherUnion()
  const res = await app.call('hardship.submit', { key: newKey(), category: 'hospital', description: '住院', contact: '电话' }, 'demo-member')
  id = res.body.data.id
})

coversEveryAction('hardship', EXPECTED)

const cases = Object.entries(EXPECTED).flatMap(([name, spec]) => CALLERS.map((caller) => [name, caller, spec] as const))

describe.each(cases)('%s as %s', (name, caller, spec) => {
  it('is allowed or refused as the rules say, and a refusal writes nothing', async () => {
    const before = writeCount(app.stats)
    const { body } = await app.call(name, spec.input(), OPENIDS[caller])
    const code: string = body.ok ? 'OK' : body.error.code
    if (caller === 'anonymous') expect(code).toBe('UNAUTHENTICATED')
    else if (caller === 'unbound') expect(code).toBe('NOT_BOUND')
    else {
      const expected = spec.who[caller]
      if (expected === 'ok') expect(code).not.toMatch(/^(FORBIDDEN|NOT_FOUND|NOT_BOUND|UNAUTHENTICATED)$/)
      else {
        expect(code).toBe(expected)
        if (expected === 'NOT_FOUND') expect(body.error.message).toBe('没有找到这条申请')
      }
    }
    if (['FORBIDDEN', 'NOT_FOUND', 'NOT_BOUND', 'UNAUTHENTICATED', 'INVALID_ARGUMENT'].includes(code)) expect(writeCount(app.stats)).toBe(before)
  })
})

it('an admin gains the review permission only by holding the reviewer role too', async () => {
  const before = await app.call('hardship.get', { id }, 'demo-admin')
  expect(before.body.error.code).toBe('NOT_FOUND')
  const granted = await app.call('member.setRoles', { id: 'demo-member-01', grants: [{ role: 'admin' }, { role: 'reviewer' }] }, 'demo-admin')
  expect(granted.body.data.grants.map((g: { role: string }) => g.role).sort()).toEqual(['admin', 'reviewer'])
  expect((await app.call('hardship.get', { id }, 'demo-admin')).body.ok).toBe(true)
  expect((await app.call('member.me', {}, 'demo-admin')).body.data.roles).toContain('reviewer')
  expect(
    (
      await app.call(
        'member.setRoles',
        { id: 'demo-member-01', grants: [{ role: 'reviewer', scope: { kind: 'department', id: 'demo-dept-1' } }, { role: 'admin' }] },
        'demo-admin',
      )
    ).body.error.message,
  ).toBe('管理员、经费审查和帮扶审核不区分范围')
  await app.call('member.setRoles', { id: 'demo-member-01', grants: [{ role: 'admin' }] }, 'demo-admin')
  expect((await app.call('hardship.get', { id }, 'demo-admin')).body.error.code).toBe('NOT_FOUND')
})
