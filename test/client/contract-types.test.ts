/**
 * callAction's types come from the shared contract: a wrong action name or input field is a
 * compile error. `tsc -p .` checks the @ts-expect-error lines below (it fails if they stop erroring);
 * jest only confirms the file loads.
 */
import type { ActionInput, ActionOutput } from '@shared/contract'
import type { callAction } from '../../client/src/services/cloud'

type Call = typeof callAction

// Never called: these lines exist for the type checker.
export function typeChecks(call: Call) {
  // @ts-expect-error — no such action
  void call('member.nope', {})
  // @ts-expect-error — member.me takes no fields
  void call('member.me', { name: '张伟' })
  const ok: Promise<ActionOutput<'member.me'>> = call('member.me', {})
  const input: ActionInput<'member.me'> = {}
  return { ok, input }
}

it('keeps the type checks in this file', () => {
  expect(typeof typeChecks).toBe('function')
})
