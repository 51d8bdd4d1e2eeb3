import { actions } from '@shared/contract'
import type { AppServer } from './app-server'
import { writeCount } from './write-count'

/** The demo callers of an access matrix: one per role, plus an unbound and an anonymous one. */
export const CALLERS: Record<string, string | undefined> = {
  admin: 'demo-admin',
  leader: 'demo-leader',
  redeemer: 'demo-redeemer',
  auditor: 'demo-auditor',
  member: 'demo-member',
  unbound: 'demo-newcomer',
  anonymous: undefined,
}

export type Expected = Record<string, { readonly who: readonly string[]; readonly input: object }>

/** A matrix's expectations name every action of the function (a new action cannot slip by unchecked). */
export function coversEveryAction(fn: string, expected: object): void {
  it(`covers every ${fn} action of the contract`, () => {
    expect(Object.keys(expected).sort()).toEqual(
      Object.keys(actions)
        .filter((n) => n.startsWith(`${fn}.`))
        .sort(),
    )
  })
}

/**
 * Every action of one function × every kind of caller: allowed as the hand-written expectations
 * say (not read from the contract, so a wrong rule there fails), and a refusal writes nothing.
 */
export function accessMatrix(fn: string, expected: Expected, app: () => AppServer): void {
  coversEveryAction(fn, expected)
  const cases = Object.entries(expected).flatMap(([name, spec]) => Object.keys(CALLERS).map((caller) => [name, caller, spec] as const))
  describe.each(cases)('%s as %s', (name, caller, spec) => {
    it('is allowed or refused as the rules say, and a refusal writes nothing', async () => {
      const before = writeCount(app().stats)
      const { body } = await app().call(name, spec.input, CALLERS[caller])
      const code = body.ok ? 'OK' : body.error.code
      if (caller === 'anonymous') expect(code).toBe('UNAUTHENTICATED')
      else if (caller === 'unbound') expect(code).toBe('NOT_BOUND')
      else if (spec.who.includes(caller)) expect(code).not.toMatch(/^(FORBIDDEN|NOT_BOUND|UNAUTHENTICATED)$/)
      else expect(code).toBe('FORBIDDEN')
      if (code !== 'OK') expect(writeCount(app().stats)).toBe(before)
    })
  })
}
